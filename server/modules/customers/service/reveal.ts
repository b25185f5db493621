import type { RevealInput, RevealResult } from '../../../../common/schemas/customers.js';
import { serviceAreaPrefix } from '../../../platform/actor.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { CustomersError } from '../errors.js';
import { presentPhones } from '../presenters.js';
import { getCustomer, phonesOf } from '../store/read.js';
import type { WriteCtx } from './context.js';

/**
 * Shows the full value of masked personal data to someone whose role may ask for it. Every
 * reveal is written to the audit log with the fields and the reason, in the same transaction as
 * the answer, so nobody sees a number without a trace.
 */
export async function revealCustomer(
  ctx: WriteCtx,
  id: string,
  input: RevealInput,
): Promise<RevealResult> {
  authorize(ctx.actor, 'customer.reveal');
  const row = await getCustomer(ctx.tx, id, serviceAreaPrefix(ctx.actor));
  if (!row) throw new CustomersError('CUSTOMER_NOT_FOUND');
  const out: RevealResult = {};
  for (const field of input.fields) {
    switch (field) {
      case 'phones':
        out.phones = presentPhones((await phonesOf(ctx.tx, [id])).get(id), false);
        break;
      case 'idNo':
        out.idNo = row.id_no;
        break;
      case 'address':
        out.address = {
          city: row.addr_city,
          county: row.addr_county,
          street: row.addr_street,
          detail: row.addr_detail,
        };
        break;
      case 'email':
        out.email = row.email;
        break;
      case 'wechatId':
        out.wechatId = row.wechat_id;
        break;
    }
  }
  await recordAudit(
    ctx.tx,
    { actor: { userId: ctx.actor.userId, username: ctx.actor.username }, meta: ctx.meta },
    {
      action: 'customer.reveal',
      entityType: 'customer',
      entityId: id,
      before: null,
      after: { fields: input.fields, reason: input.reason },
      orgId: row.org_id,
      provinceId: row.province_id,
    },
  );
  return out;
}
