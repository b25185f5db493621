import {
  AimOutlined,
  ApiOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  CarOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FundProjectionScreenOutlined,
  KeyOutlined,
  LaptopOutlined,
  LogoutOutlined,
  MailOutlined,
  MessageOutlined,
  PhoneOutlined,
  PieChartOutlined,
  SearchOutlined,
  SettingOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  ToolOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { MENU, menuFor, ROLE_LABELS, type MenuKey } from '../../../common/permissions.ts';
import { useLogout } from '../api/session.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/zh.ts';
import { LangSwitch } from './lang-switch.tsx';
import { InboxBell } from '../pages/notify/inbox-bell.tsx';
import { useSession } from './session-context.ts';

const MENU_LOOK: Record<MenuKey, { label: MessageKey; icon: ReactNode }> = {
  dashboard: { label: 'menu.dashboard', icon: <DashboardOutlined /> },
  orders: { label: 'menu.orders', icon: <FileTextOutlined /> },
  ordersAtRisk: { label: 'menu.ordersAtRisk', icon: <AlertOutlined /> },
  orderSettings: { label: 'menu.orderSettings', icon: <SettingOutlined /> },
  calendar: { label: 'menu.calendar', icon: <CalendarOutlined /> },
  outages: { label: 'menu.outages', icon: <ThunderboltOutlined /> },
  knowledge: { label: 'menu.knowledge', icon: <BookOutlined /> },
  knowledgeReview: { label: 'menu.knowledgeReview', icon: <AuditOutlined /> },
  outagePredictions: { label: 'menu.outagePredictions', icon: <AimOutlined /> },
  repairBoard: { label: 'menu.repairBoard', icon: <ToolOutlined /> },
  contactDesk: { label: 'menu.contactDesk', icon: <LaptopOutlined /> },
  contactCalls: { label: 'menu.contactCalls', icon: <PhoneOutlined /> },
  contactMonitor: { label: 'menu.contactMonitor', icon: <CustomerServiceOutlined /> },
  contactSettings: { label: 'menu.contactSettings', icon: <ApiOutlined /> },
  wallboard: { label: 'menu.wallboard', icon: <FundProjectionScreenOutlined /> },
  crewView: { label: 'menu.crewView', icon: <CarOutlined /> },
  crews: { label: 'menu.crews', icon: <TeamOutlined /> },
  notifyTemplates: { label: 'menu.notifyTemplates', icon: <MessageOutlined /> },
  notifyLog: { label: 'menu.notifyLog', icon: <MailOutlined /> },
  customers: { label: 'menu.customers', icon: <SearchOutlined /> },
  network: { label: 'menu.network', icon: <ClusterOutlined /> },
  segments: { label: 'menu.segments', icon: <PieChartOutlined /> },
  imports: { label: 'menu.imports', icon: <CloudUploadOutlined /> },
  org: { label: 'menu.org', icon: <ApartmentOutlined /> },
  users: { label: 'menu.users', icon: <TeamOutlined /> },
  tokens: { label: 'menu.tokens', icon: <KeyOutlined /> },
  audit: { label: 'menu.audit', icon: <AuditOutlined /> },
  profile: { label: 'menu.profile', icon: <UserOutlined /> },
};

/** The menu entry a path belongs to: the longest menu path that is a prefix of it. */
function menuKeyOf(pathname: string): MenuKey | undefined {
  const matches = MENU.filter((m) =>
    m.path === '/' ? pathname === '/' : pathname === m.path || pathname.startsWith(`${m.path}/`),
  );
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.key;
}

export function AppShell() {
  const me = useSession();
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const logout = useLogout();
  const entries = menuFor(me.permissions);
  const selected = menuKeyOf(pathname);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={64} width={208} className="lx-sider">
        <div className="lx-brand">
          <span className="lx-brand-mark">连心</span>
          <span className="lx-brand-sub">95598</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          data-testid="side-menu"
          selectedKeys={selected ? [selected] : []}
          items={entries.map((m) => ({
            key: m.key,
            icon: MENU_LOOK[m.key].icon,
            label: <span data-testid={`menu-${m.key}`}>{t(MENU_LOOK[m.key].label)}</span>,
          }))}
          onClick={({ key }) => {
            const entry = entries.find((m) => m.key === key);
            if (entry) void navigate(entry.path);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="lx-header">
          <Typography.Text strong className="lx-header-title">
            {t('app.title')}
          </Typography.Text>
          <Space size="middle" wrap={false}>
            <Typography.Text type="secondary" data-testid="header-unit" className="lx-wide-only">
              {me.unit.name}
            </Typography.Text>
            <span className="lx-wide-only">
              {me.roles.map((r) => (
                <Tag key={r} color="cyan" style={{ marginInlineEnd: 4 }}>
                  {pick(ROLE_LABELS[r])}
                </Tag>
              ))}
            </span>
            <Space size={6}>
              <Avatar size="small" style={{ background: '#00706b' }} icon={<UserOutlined />} />
              <Typography.Text data-testid="header-user">{me.user.displayName}</Typography.Text>
            </Space>
            <InboxBell />
            <LangSwitch />
            <Button
              size="small"
              icon={<LogoutOutlined />}
              loading={logout.isPending}
              onClick={() => logout.mutate()}
              data-testid="logout"
            >
              <span className="lx-wide-only">{t('app.logout')}</span>
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="lx-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
