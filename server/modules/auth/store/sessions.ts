import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

/** What one request needs to know about its caller, read in a single query. */
export interface PrincipalRow {
  user_id: string;
  username: string;
  display_name: string;
  roles: string[];
  disabled: boolean;
  must_change_password: boolean;
  phone: string | null;
  email: string | null;
  last_login_at: Date | null;
  unit_id: string;
  unit_name: string;
  unit_level: string;
  unit_path: string;
  province_id: string | null;
}

export interface SessionPrincipalRow extends PrincipalRow {
  session_id: string;
  csrf_token: string;
  expires_at: Date;
  last_seen_at: Date;
}

export async function insertSession(
  tx: Kysely<DB>,
  row: {
    id: string;
    user_id: string;
    csrf_token: string;
    ip: string | null;
    user_agent: string | null;
    expires_at: Date;
  },
): Promise<void> {
  await tx.insertInto('sessions').values(row).execute();
}

/** The session and its user in one call (a PL/pgSQL function: its plan stays cached). */
export async function findSessionPrincipal(
  tx: Kysely<DB>,
  sessionId: string,
): Promise<SessionPrincipalRow | undefined> {
  const r = await sql<SessionPrincipalRow>`select * from session_principal(${sessionId})`.execute(
    tx,
  );
  return r.rows[0];
}

/** Slides the expiry forward; called at most once a minute per session. */
export async function touchSession(tx: Kysely<DB>, id: string, expiresAt: Date): Promise<void> {
  await tx
    .updateTable('sessions')
    .set({ last_seen_at: sql`now()`, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(tx: Kysely<DB>, id: string): Promise<void> {
  await tx.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user, except optionally the one in use. */
export async function deleteSessionsOfUser(
  tx: Kysely<DB>,
  userId: string,
  exceptSessionId?: string,
): Promise<number> {
  let q = tx.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteExpiredSessions(tx: Kysely<DB>): Promise<number> {
  const r = await tx
    .deleteFrom('sessions')
    .where('expires_at', '<', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
