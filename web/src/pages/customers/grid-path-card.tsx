import { Card, Steps, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { AREA_CLASS_LABELS } from '../../../../common/customers/codes.ts';
import type { GridPath } from '../../../../common/schemas/customers.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Kind = 'substation' | 'feeder' | 'transformer';

function networkLink(kind: Kind, id: string): string {
  return `/network?${new URLSearchParams({ kind, id }).toString()}`;
}

/** 供电路径: substation → feeder → transformer, each a link to the network page. */
export function GridPathCard({ path }: { path: GridPath | null }) {
  const { t, pick } = useI18n();
  const node = (kind: Kind, ref: { id: string; code: string; name: string }) => (
    <Link to={networkLink(kind, ref.id)} data-testid={`grid-${kind}`}>
      {ref.name}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {ref.code}
      </Typography.Text>
    </Link>
  );
  return (
    <Card title={t('customers.section.grid')} size="small">
      {path ? (
        <Steps
          size="small"
          current={3}
          data-testid="customer-grid-path"
          items={[
            {
              title: t('customers.grid.substation'),
              description: node('substation', path.substation),
            },
            { title: t('customers.grid.feeder'), description: node('feeder', path.feeder) },
            {
              title: t('customers.grid.transformer'),
              description: (
                <>
                  {node('transformer', path.transformer)}{' '}
                  <Tag>{pick(AREA_CLASS_LABELS[path.transformer.areaClass])}</Tag>
                </>
              ),
            },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('customers.noGridPath')}</Typography.Text>
      )}
    </Card>
  );
}
