import type { OrderAction } from '../../../../common/orders/states.ts';
import type { MessageKey } from '../../i18n/zh.ts';

/** What a person types or picks for an action (the rest of OrderActionInput is the version). */
export type ActionInput =
  'reason' | 'result' | 'body' | 'satisfaction' | 'unitId' | 'masterId' | 'outageId';

export interface ActionSpec {
  inputs: { kind: ActionInput; required: boolean; label?: MessageKey }[];
  /** The next step of the loop: shown as the main button. */
  primary?: boolean;
  /** Undoes or ends something: shown in red. */
  danger?: boolean;
}

const need = (kind: ActionInput, label?: MessageKey) => ({ kind, required: true, label });
const may = (kind: ActionInput, label?: MessageKey) => ({ kind, required: false, label });

/** The inputs of each action, as the API contract lists them. */
export const ACTION_SPECS: Record<OrderAction, ActionSpec> = {
  dispatch: { inputs: [may('unitId', 'orders.input.dispatchUnit')], primary: true },
  acknowledge: { inputs: [], primary: true },
  send_back: { inputs: [need('reason')], danger: true },
  contact: { inputs: [need('body', 'orders.input.contactBody')] },
  arrive: { inputs: [], primary: true },
  repaired: { inputs: [need('result')], primary: true },
  return: { inputs: [need('result')], primary: true },
  review_pass: { inputs: [], primary: true },
  review_reject: { inputs: [need('reason')], danger: true },
  callback: {
    inputs: [need('satisfaction'), may('body', 'orders.input.callbackBody')],
    primary: true,
  },
  archive: { inputs: [], primary: true },
  reassign: { inputs: [need('unitId', 'orders.input.reassignUnit'), need('reason')] },
  request_suspension: { inputs: [need('reason')] },
  approve_suspension: { inputs: [] },
  reject_suspension: { inputs: [need('reason')], danger: true },
  resume: { inputs: [] },
  urge: { inputs: [need('body', 'orders.input.urgeBody')] },
  supervise: { inputs: [need('reason')] },
  reopen: { inputs: [need('reason')] },
  terminate: { inputs: [need('reason')], danger: true },
  merge: { inputs: [need('masterId')] },
  link_outage: { inputs: [need('outageId')] },
  unlink_outage: { inputs: [need('reason')], danger: true },
  reply: { inputs: [need('body', 'orders.input.replyBody')] },
  note: { inputs: [need('body', 'orders.input.noteBody')] },
};

/** The default label of each input. */
export const INPUT_LABELS: Record<ActionInput, MessageKey> = {
  reason: 'orders.input.reason',
  result: 'orders.input.result',
  body: 'orders.input.body',
  satisfaction: 'orders.input.satisfaction',
  unitId: 'orders.input.unit',
  masterId: 'orders.input.master',
  outageId: 'orders.input.outage',
};

export const INPUT_MAX: Record<ActionInput, number> = {
  reason: 500,
  result: 2000,
  body: 2000,
  satisfaction: 0,
  unitId: 0,
  masterId: 0,
  outageId: 0,
};
