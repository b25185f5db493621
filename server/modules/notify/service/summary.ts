import type { Kysely } from 'kysely';
import type { NoticeSummary } from '../../../../common/schemas/notify.js';
import type { DB } from '../../../db/schema.js';
import { countBySource } from '../store/log.js';

/**
 * What the messages of one source (e.g. an outage) came to: queued, sent, failed, skipped for
 * consent, and late (past their deadline). For the caller's own pages; the caller has already
 * decided that its user may see the source.
 */
export async function deliverySummary(
  tx: Kysely<DB>,
  source: { type: string; id: string },
): Promise<NoticeSummary> {
  const byTemplate = await countBySource(tx, source.type, source.id);
  const sum = (k: 'queued' | 'sent' | 'failed' | 'skippedConsent' | 'skippedOther' | 'late') =>
    byTemplate.reduce((n, t) => n + t[k], 0);
  return {
    total:
      sum('queued') + sum('sent') + sum('failed') + sum('skippedConsent') + sum('skippedOther'),
    byTemplate,
    late: sum('late'),
  };
}
