import type {
  CustomerChannels,
  CustomerChannel,
  SetOptOutsInput,
} from '../../../../common/schemas/notify.js';
import { serviceAreaPrefix } from '../../../platform/actor.js';
import { authorize } from '../../auth/index.js';
import { NotifyError } from '../errors.js';
import { customerConsent, replaceOptOuts, type CustomerConsentRow } from '../store/opt-outs.js';
import { audit, type ReadCtx, type WriteCtx } from './context.js';

function present(r: CustomerConsentRow): CustomerChannels {
  return {
    customerId: r.id,
    consentMessages: r.consent_messages,
    optOuts: r.opt_outs.map((o) => ({ channel: o.channel as CustomerChannel, reason: o.reason })),
  };
}

async function load(ctx: ReadCtx, customerId: string, lock = false) {
  const row = await customerConsent(ctx.tx, customerId, lock);
  // Outside the service area the customer does not exist, as in the customer archive.
  if (!row || !row.path.startsWith(serviceAreaPrefix(ctx.actor))) {
    throw new NotifyError('CUSTOMER_NOT_FOUND');
  }
  return row;
}

/** Which channels a customer takes messages on. */
export async function getCustomerChannels(
  ctx: ReadCtx,
  customerId: string,
): Promise<CustomerChannels> {
  authorize(ctx.actor, 'customer.view');
  return present(await load(ctx, customerId));
}

/** Records the channels a customer refuses (the others are allowed again); audited. */
export async function setCustomerOptOuts(
  ctx: WriteCtx,
  customerId: string,
  input: SetOptOutsInput,
): Promise<CustomerChannels> {
  authorize(ctx.actor, 'customer.manage');
  const before = await load(ctx, customerId, true);
  const channels = [...new Set(input.channels)].sort();
  await replaceOptOuts(ctx.tx, customerId, channels, input.reason, ctx.actor.userId);
  const after = await load(ctx, customerId);
  await audit(ctx, {
    action: 'notify.opt_outs.update',
    entityType: 'customer',
    entityId: customerId,
    before: { optOuts: before.opt_outs.map((o) => o.channel) },
    after: { optOuts: channels, reason: input.reason },
    orgId: before.org_id,
    provinceId: before.province_id,
  });
  return present(after);
}
