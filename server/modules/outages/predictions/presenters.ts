/** Predictions as the API returns them: allowlisted fields, the caller's phone masked by role. */
import { maskPhone } from '../../../../common/customers/masking.js';
import { formatPhone } from '../../../../common/customers/phone.js';
import type {
  PredictionCall,
  PredictionSummary,
} from '../../../../common/schemas/outage-predictions.js';
import type { PredictionCallRow, PredictionView } from './read-store.js';

const iso = (d: Date | string) => new Date(d).toISOString();

export function presentPrediction(p: PredictionView): PredictionSummary {
  const feeder = { id: p.feeder_id, code: p.feeder_code, name: p.feeder_name };
  const transformer =
    p.kind === 'transformer'
      ? { id: p.node_id, code: p.transformer_code ?? '', name: p.transformer_name ?? '' }
      : null;
  return {
    id: p.id,
    kind: p.kind,
    state: p.state,
    node: transformer ?? feeder,
    substation: { id: p.substation_id, name: p.substation_name },
    feeder,
    transformer,
    calls: Number(p.calls),
    customers: Number(p.customers),
    transformers: Number(p.transformers),
    firstCallAt: iso(p.first_call_at),
    lastCallAt: iso(p.last_call_at),
    outage: p.outage_id && p.outage_number ? { id: p.outage_id, number: p.outage_number } : null,
    supersededBy: p.superseded_by,
    decidedBy: p.decided_by_name,
    decidedAt: p.decided_at ? iso(p.decided_at) : null,
    rejectReason: p.reject_reason,
    unit: { id: p.org_id, name: p.unit_name },
    version: Number(p.version),
    createdAt: iso(p.created_at),
  };
}

/** A call as the orders module shows it: the customer's account and name, the phone by role. */
export function presentCall(c: PredictionCallRow, pii: boolean): PredictionCall {
  return {
    orderId: c.order_id,
    number: c.number,
    state: c.state,
    at: iso(c.at),
    customer:
      c.customer_id && c.account_no
        ? { id: c.customer_id, accountNo: c.account_no, name: c.customer_name ?? '' }
        : null,
    callerPhone: c.caller_phone
      ? pii
        ? formatPhone(c.caller_phone)
        : maskPhone(c.caller_phone)
      : null,
    transformer: { id: c.transformer_id, code: c.transformer_code, name: c.transformer_name },
  };
}
