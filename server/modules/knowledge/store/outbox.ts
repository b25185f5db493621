/** The knowledge module's outbox rows: live updates when what agents read changes. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

export async function insertOutbox(
  tx: Kysely<DB>,
  m: {
    articleId: string;
    versionNo: number;
    action: string;
    at: Date;
    orgId: string;
    provinceId: string | null;
    unitPath: string;
  },
): Promise<void> {
  await tx
    .insertInto('outbox')
    .values({
      topic: 'knowledge.changed',
      payload: JSON.stringify({
        articleId: m.articleId,
        versionNo: m.versionNo,
        action: m.action,
        at: m.at.toISOString(),
        unitPath: m.unitPath,
      }),
      org_id: m.orgId,
      province_id: m.provinceId,
    })
    .execute();
}
