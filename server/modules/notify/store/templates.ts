import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

export interface TemplateRow {
  id: string;
  code: string;
  name: string;
  channel: string;
  subject: string;
  body: string;
  variables: string[];
  active: boolean;
  version: number;
  updated_at: Date;
}

const COLUMNS = [
  'id',
  'code',
  'name',
  'channel',
  'subject',
  'body',
  'variables',
  'active',
  'version',
  'updated_at',
] as const;

/** Every template, by code. */
export async function allTemplates(tx: Kysely<DB>): Promise<TemplateRow[]> {
  return tx.selectFrom('notify_templates').select(COLUMNS).orderBy('code').execute();
}

export async function templateById(
  tx: Kysely<DB>,
  id: string,
  lock = false,
): Promise<TemplateRow | undefined> {
  const q = tx.selectFrom('notify_templates').select(COLUMNS).where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export async function templateByCode(
  tx: Kysely<DB>,
  code: string,
): Promise<TemplateRow | undefined> {
  return tx
    .selectFrom('notify_templates')
    .select(COLUMNS)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Templates by code, for a batch of deliveries. */
export async function templatesByCode(
  tx: Kysely<DB>,
  codes: readonly string[],
): Promise<Map<string, TemplateRow>> {
  if (codes.length === 0) return new Map();
  const rows = await tx
    .selectFrom('notify_templates')
    .select(COLUMNS)
    .where('code', 'in', [...codes])
    .execute();
  return new Map(rows.map((r) => [r.code, r]));
}

export interface TemplateWrite {
  name: string;
  channel: string;
  subject: string;
  body: string;
  variables: string[];
  active: boolean;
}

/** A new template at version 1, and its first history entry. */
export async function insertTemplate(
  tx: Kysely<DB>,
  t: TemplateWrite & { id: string; code: string; by: string },
): Promise<void> {
  await tx
    .insertInto('notify_templates')
    .values({
      id: t.id,
      code: t.code,
      name: t.name,
      channel: t.channel,
      subject: t.subject,
      body: t.body,
      variables: t.variables,
      active: t.active,
      updated_by: t.by,
    })
    .execute();
  await insertVersion(tx, t.id, 1, t, t.by);
}

/** Writes the template if it is still at `version`; false when someone changed it first. */
export async function updateTemplate(
  tx: Kysely<DB>,
  id: string,
  version: number,
  t: TemplateWrite & { by: string },
): Promise<boolean> {
  const r = await tx
    .updateTable('notify_templates')
    .set({
      name: t.name,
      channel: t.channel,
      subject: t.subject,
      body: t.body,
      variables: t.variables,
      active: t.active,
      updated_by: t.by,
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (r.numUpdatedRows === 0n) return false;
  await insertVersion(tx, id, version + 1, t, t.by);
  return true;
}

async function insertVersion(
  tx: Kysely<DB>,
  id: string,
  version: number,
  t: TemplateWrite,
  by: string,
): Promise<void> {
  await tx
    .insertInto('notify_template_versions')
    .values({
      template_id: id,
      version,
      name: t.name,
      channel: t.channel,
      subject: t.subject,
      body: t.body,
      active: t.active,
      changed_by: by,
    })
    .execute();
}

export interface TemplateVersionRow {
  version: number;
  name: string;
  channel: string;
  subject: string;
  body: string;
  active: boolean;
  changed_by_name: string | null;
  changed_at: Date;
}

/** A template's saved states, newest first. */
export async function templateHistory(tx: Kysely<DB>, id: string): Promise<TemplateVersionRow[]> {
  return tx
    .selectFrom('notify_template_versions as v')
    .leftJoin('users as u', 'u.id', 'v.changed_by')
    .select([
      'v.version',
      'v.name',
      'v.channel',
      'v.subject',
      'v.body',
      'v.active',
      'u.display_name as changed_by_name',
      'v.changed_at',
    ])
    .where('v.template_id', '=', id)
    .orderBy('v.version', 'desc')
    .execute();
}
