import { Space, Tag } from 'antd';
import {
  OUTAGE_CATEGORIES,
  OUTAGE_CATEGORY_LABELS,
  OUTAGE_CLASS,
  OUTAGE_FLAG_LABELS,
  OUTAGE_STATE_LABELS,
  type OutageCategory,
  type OutageFlag,
  type OutageState,
} from '../../../../common/outages/categories.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';

type Label = { zh: string; en: string };

const STATE_COLORS: Record<OutageState, string> = {
  draft: 'default',
  published: 'processing',
  in_progress: 'red',
  restored: 'success',
  postponed: 'warning',
  cancelled: 'default',
};

export function OutageStateTag({ state }: { state: OutageState }) {
  const { pick } = useI18n();
  return (
    <Tag color={STATE_COLORS[state]} data-testid="outage-state" data-state={state}>
      {pick(OUTAGE_STATE_LABELS[state])}
    </Tag>
  );
}

export function CategoryTag({ category }: { category: OutageCategory }) {
  const { pick } = useI18n();
  // Production outages (grid work, faults) in blue; marketing ones (theft, arrears …) in purple.
  return (
    <Tag color={OUTAGE_CLASS[category] === 'production' ? 'blue' : 'purple'} bordered={false}>
      {pick(OUTAGE_CATEGORY_LABELS[category])}
    </Tag>
  );
}

/** The publishing rules the outage broke, as warnings. */
export function OutageFlagTags({ flags }: { flags: readonly OutageFlag[] }) {
  const { pick } = useI18n();
  if (flags.length === 0) return null;
  return (
    <Space size={[0, 4]} wrap>
      {flags.map((f) => (
        <Tag key={f} color="warning" data-testid="outage-flag" data-flag={f}>
          {pick(OUTAGE_FLAG_LABELS[f])}
        </Tag>
      ))}
    </Space>
  );
}

/** Select options for a list of codes and their labels. */
export function labelOptions<K extends string>(
  codes: readonly K[],
  labels: Record<K, Label>,
  pick: (l: Label) => string,
): { value: K; label: string }[] {
  return codes.map((k) => ({ value: k, label: pick(labels[k]) }));
}

/** The categories grouped as the rules group them: production, then marketing. */
export function categoryGroups(t: Translate, pick: (l: Label) => string) {
  const group = (c: 'production' | 'marketing') =>
    labelOptions(
      OUTAGE_CATEGORIES.filter((k) => OUTAGE_CLASS[k] === c),
      OUTAGE_CATEGORY_LABELS,
      pick,
    );
  return [
    { label: t('outages.production'), options: group('production') },
    { label: t('outages.marketing'), options: group('marketing') },
  ];
}
