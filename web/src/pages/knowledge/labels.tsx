import { Tag } from 'antd';
import {
  KNOWLEDGE_AUDIENCE_LABELS,
  KNOWLEDGE_STATE_LABELS,
  ORDER_TYPE_KEY_LIST,
  SCRIPT_SCENARIO_LABELS,
  SCRIPT_SCENARIOS,
  orderTypeName,
  type KnowledgeAudience,
  type KnowledgeState,
  type ScriptScenario,
} from '../../../../common/schemas/knowledge.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const STATE_COLOR: Record<KnowledgeState, string> = {
  draft: 'default',
  review: 'processing',
  published: 'success',
  superseded: 'default',
  expired: 'error',
};

export function StateTag({ state }: { state: KnowledgeState }) {
  const { pick } = useI18n();
  return <Tag color={STATE_COLOR[state]}>{pick(KNOWLEDGE_STATE_LABELS[state])}</Tag>;
}

export function AudienceTag({ audience }: { audience: KnowledgeAudience }) {
  const { pick } = useI18n();
  return (
    <Tag color={audience === 'public' ? 'green' : 'blue'}>
      {pick(KNOWLEDGE_AUDIENCE_LABELS[audience])}
    </Tag>
  );
}

/** Options of the order type pickers: every type and subtype of the default taxonomy. */
export function useOrderTypeOptions() {
  const { lang } = useI18n();
  return ORDER_TYPE_KEY_LIST.map((k) => ({ value: k, label: orderTypeName(k, lang) }));
}

export function useScenarioOptions() {
  const { pick } = useI18n();
  return SCRIPT_SCENARIOS.map((s) => ({ value: s, label: pick(SCRIPT_SCENARIO_LABELS[s]) }));
}

export function scenarioLabel(s: ScriptScenario, pick: (l: { zh: string; en: string }) => string) {
  return pick(SCRIPT_SCENARIO_LABELS[s]);
}
