import { Space, Tag, Tooltip } from 'antd';
import { CUSTOMER_MARK_LABELS } from '../../../../common/customers/codes.ts';
import type { CustomerMarks } from '../../../../common/schemas/customers.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatFen } from './money.ts';

/**
 * The marks that change how a call is handled, in the colours agents learn once: 重要 red,
 * 高危 volcano, 敏感 orange (with the reason on hover), VIP gold, 欠费 purple with the amount.
 */
export function MarkTags({ marks }: { marks: CustomerMarks }) {
  const { t, pick } = useI18n();
  const tags = [];
  if (marks.important)
    tags.push(
      <Tag key="important" color="red">
        {pick(CUSTOMER_MARK_LABELS.important)}
      </Tag>,
    );
  if (marks.highRisk)
    tags.push(
      <Tag key="highRisk" color="volcano">
        {pick(CUSTOMER_MARK_LABELS.highRisk)}
      </Tag>,
    );
  if (marks.sensitive)
    tags.push(
      <Tooltip key="sensitive" title={marks.sensitiveReason ?? undefined}>
        <Tag color="orange">{pick(CUSTOMER_MARK_LABELS.sensitive)}</Tag>
      </Tooltip>,
    );
  if (marks.vip)
    tags.push(
      <Tag key="vip" color="gold">
        {pick(CUSTOMER_MARK_LABELS.vip)}
      </Tag>,
    );
  if (marks.arrearsFen > 0)
    tags.push(
      <Tag key="arrears" color="purple">
        {t('customers.arrearsTag', {
          label: pick(CUSTOMER_MARK_LABELS.arrears),
          amount: formatFen(marks.arrearsFen),
        })}
      </Tag>,
    );
  if (tags.length === 0) return null;
  return (
    <Space size={[0, 4]} wrap data-testid="customer-marks">
      {tags}
    </Space>
  );
}
