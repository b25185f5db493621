import type { CallOutcome, CallState } from '../../../../common/schemas/contact.ts';
import type { MessageKey } from '../../i18n/zh.ts';

export const OUTCOME_COLORS: Record<CallOutcome, string> = {
  answered: 'green',
  abandoned: 'orange',
  missed: 'red',
  blocked: 'default',
};

export const outcomeKey = (o: CallOutcome): MessageKey => `contact.outcome.${o}`;
export const callStateKey = (s: CallState): MessageKey => `contact.callState.${s}`;
