import type {
  CreateTemplateInput,
  TemplateDetail,
  TemplateList,
  UpdateTemplateInput,
} from '../../../../common/schemas/notify.js';
import { TEMPLATE_VARIABLES } from '../../../../common/schemas/notify.js';
import { isUniqueViolation } from '../../../http/transaction.js';
import { newId } from '../../../platform/ids.js';
import { authorize } from '../../auth/index.js';
import { NotifyError } from '../errors.js';
import { presentTemplate, presentTemplateVersion } from '../presenters.js';
import {
  allTemplates,
  insertTemplate,
  templateByCode,
  templateById,
  templateHistory,
  updateTemplate,
  type TemplateRow,
} from '../store/templates.js';
import { checkTemplate, templateVariables } from '../template.js';
import { audit, type ReadCtx, type WriteCtx } from './context.js';

/** Every template, with the variables templates may use. */
export async function listTemplates(ctx: ReadCtx): Promise<TemplateList> {
  authorize(ctx.actor, 'notify.view');
  const items = (await allTemplates(ctx.tx)).map(presentTemplate);
  return { items, total: items.length, variables: [...TEMPLATE_VARIABLES] };
}

async function detail(ctx: ReadCtx, row: TemplateRow): Promise<TemplateDetail> {
  const history = await templateHistory(ctx.tx, row.id);
  return { ...presentTemplate(row), history: history.map(presentTemplateVersion) };
}

/** One template and its saved versions, newest first. */
export async function getTemplate(ctx: ReadCtx, id: string): Promise<TemplateDetail> {
  authorize(ctx.actor, 'notify.view');
  const row = await templateById(ctx.tx, id);
  if (!row) throw new NotifyError('NOTIFY_TEMPLATE_NOT_FOUND');
  return detail(ctx, row);
}

function checked(t: { subject: string; body: string }): string[] {
  const issues = checkTemplate(t);
  if (issues.length > 0) throw new NotifyError('NOTIFY_TEMPLATE_INVALID', issues);
  return templateVariables(t);
}

const snapshot = (r: TemplateRow) => ({
  code: r.code,
  name: r.name,
  channel: r.channel,
  subject: r.subject,
  body: r.body,
  active: r.active,
  version: r.version,
});

// Templates are national: the entry in the audit log belongs to the administrator's unit.
const auditUnit = (ctx: ReadCtx) => ({
  orgId: ctx.actor.unitId,
  provinceId: ctx.actor.provinceId,
});

/** A new template; unknown variables and stray braces are refused (NOTIFY_TEMPLATE_INVALID). */
export async function createTemplate(
  ctx: WriteCtx,
  input: CreateTemplateInput,
): Promise<TemplateDetail> {
  authorize(ctx.actor, 'notify.manage');
  const variables = checked(input);
  if (await templateByCode(ctx.tx, input.code)) throw new NotifyError('NOTIFY_TEMPLATE_CODE_TAKEN');
  const id = newId();
  try {
    await insertTemplate(ctx.tx, { ...input, id, variables, by: ctx.actor.userId });
  } catch (e) {
    if (isUniqueViolation(e)) throw new NotifyError('NOTIFY_TEMPLATE_CODE_TAKEN');
    throw e;
  }
  const row = (await templateById(ctx.tx, id))!;
  await audit(ctx, {
    action: 'notify.template.create',
    entityType: 'notify_template',
    entityId: id,
    after: snapshot(row),
    ...auditUnit(ctx),
  });
  return detail(ctx, row);
}

/** Changes a template at the version read (409 on a stale one); each save is a new version. */
export async function editTemplate(
  ctx: WriteCtx,
  id: string,
  input: UpdateTemplateInput,
): Promise<TemplateDetail> {
  authorize(ctx.actor, 'notify.manage');
  const current = await templateById(ctx.tx, id, true);
  if (!current) throw new NotifyError('NOTIFY_TEMPLATE_NOT_FOUND');
  if (current.version !== input.version) {
    throw new NotifyError('VERSION_CONFLICT', { currentVersion: current.version });
  }
  const next = {
    name: input.name ?? current.name,
    channel: input.channel ?? current.channel,
    subject: input.subject ?? current.subject,
    body: input.body ?? current.body,
    active: input.active ?? current.active,
  };
  const variables = checked(next);
  if (
    !(await updateTemplate(ctx.tx, id, current.version, {
      ...next,
      variables,
      by: ctx.actor.userId,
    }))
  ) {
    throw new NotifyError('VERSION_CONFLICT', { currentVersion: null });
  }
  const row = (await templateById(ctx.tx, id))!;
  await audit(ctx, {
    action: 'notify.template.update',
    entityType: 'notify_template',
    entityId: id,
    before: snapshot(current),
    after: snapshot(row),
    ...auditUnit(ctx),
  });
  return detail(ctx, row);
}
