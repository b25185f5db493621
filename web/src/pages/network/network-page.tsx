import { Result } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';

/** Placeholder until the page is built. */
export function NetworkPage() {
  const { t } = useI18n();
  return <Result status="info" title={t('network.placeholder')} />;
}
