import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n.tsx';
import { RoutingTab } from './routing-tab.tsx';
import { SlaTab } from './sla-tab.tsx';
import { TaxonomyTab } from './taxonomy-tab.tsx';

const TABS = ['taxonomy', 'routing', 'sla'] as const;
type Tab = (typeof TABS)[number];

/**
 * 工单配置 (order.manage): the taxonomy of order types with its versions, the routing rules
 * that pick the unit an order goes to, and the units' committed time limits. The open tab is
 * in the address, so a link or a reload keeps it.
 */
export function OrderSettingsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = TABS.find((x) => x === asked) ?? 'taxonomy';

  return (
    <Card title={t('menu.orderSettings')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'taxonomy', label: t('orderSettings.tab.taxonomy'), children: <TaxonomyTab /> },
          { key: 'routing', label: t('orderSettings.tab.routing'), children: <RoutingTab /> },
          { key: 'sla', label: t('orderSettings.tab.sla'), children: <SlaTab /> },
        ]}
        data-testid="order-settings-tabs"
      />
    </Card>
  );
}
