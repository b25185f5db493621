import { ApartmentOutlined, DatabaseOutlined, TeamOutlined, WifiOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useDashboardSummary } from '../../api/reports.ts';
import { useSession } from '../../components/session-context.ts';
import { shanghaiHour } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh.ts';
import { LevelChart, RoleChart } from './charts.tsx';

function greetingKey(hour: number): MessageKey {
  if (hour < 5) return 'dashboard.greetingNight';
  if (hour < 11) return 'dashboard.greetingMorning';
  if (hour < 13) return 'dashboard.greetingNoon';
  if (hour < 18) return 'dashboard.greetingAfternoon';
  return 'dashboard.greetingEvening';
}

function StatCard(props: {
  title: string;
  value: number;
  icon: ReactNode;
  testId: string;
  suffix?: string;
}) {
  return (
    <Card>
      <Statistic
        title={props.title}
        value={props.value}
        prefix={props.icon}
        suffix={props.suffix && <span style={{ fontSize: 14, color: '#888' }}>{props.suffix}</span>}
        valueStyle={{ color: '#00706b' }}
        data-testid={props.testId}
      />
    </Card>
  );
}

export function DashboardPage() {
  const me = useSession();
  const { t } = useI18n();
  const summary = useDashboardSummary();
  const s = summary.data;
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t(greetingKey(shanghaiHour()), { name: me.user.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('dashboard.scopeNote', { unit: me.unit.name })}
      </Typography.Paragraph>
      {summary.isError && <Alert type="error" showIcon message={summary.error.message} />}
      {!s && !summary.isError && <Skeleton active />}
      {s && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} sm={12} xl={6}>
              <StatCard
                title={t('dashboard.units')}
                value={s.units}
                icon={<ApartmentOutlined />}
                testId="stat-units"
              />
            </Col>
            <Col xs={24} sm={12} xl={6}>
              <StatCard
                title={t('dashboard.users')}
                value={s.users}
                icon={<TeamOutlined />}
                testId="stat-users"
                suffix={t('dashboard.activeUsers', { n: s.activeUsers })}
              />
            </Col>
            <Col xs={24} sm={12} xl={6}>
              <StatCard
                title={t('dashboard.customers')}
                value={s.customers}
                icon={<DatabaseOutlined />}
                testId="stat-customers"
              />
            </Col>
            <Col xs={24} sm={12} xl={6}>
              <StatCard
                title={t('dashboard.online')}
                value={s.activeSessions}
                icon={<WifiOutlined />}
                testId="stat-online"
              />
            </Col>
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={14}>
              <Card title={t('dashboard.usersByRole')}>
                <RoleChart rows={s.usersByRole} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title={t('dashboard.unitsByLevel')}>
                <LevelChart rows={s.unitsByLevel} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
