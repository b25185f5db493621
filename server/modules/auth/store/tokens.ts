import { sql, type Kysely, type Selectable } from 'kysely';
import type { ApiTokensTable, DB } from '../../../db/schema.js';
import type { PrincipalRow } from './sessions.js';
import { underPrefix } from './units.js';

export type TokenRow = Selectable<ApiTokensTable>;
export type TokenWithUser = TokenRow & { username: string };

export interface TokenPrincipalRow extends PrincipalRow {
  token_id: string;
  scopes: string[];
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export async function insertToken(
  tx: Kysely<DB>,
  row: Pick<
    TokenRow,
    | 'id'
    | 'name'
    | 'prefix'
    | 'secret_hash'
    | 'user_id'
    | 'scopes'
    | 'org_id'
    | 'province_id'
    | 'created_by'
    | 'expires_at'
  >,
): Promise<void> {
  await tx.insertInto('api_tokens').values(row).execute();
}

/** The token and its user in one call (a PL/pgSQL function: its plan stays cached). */
export async function findTokenPrincipal(
  tx: Kysely<DB>,
  secretHash: string,
): Promise<TokenPrincipalRow | undefined> {
  const r = await sql<TokenPrincipalRow>`select * from token_principal(${secretHash})`.execute(tx);
  return r.rows[0];
}

export async function touchToken(tx: Kysely<DB>, id: string): Promise<void> {
  await tx
    .updateTable('api_tokens')
    .set({ last_used_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

function tokensWithUser(tx: Kysely<DB>) {
  return tx
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('org_units as o', 'o.id', 't.org_id')
    .selectAll('t')
    .select(['u.username', 'o.path as unit_path']);
}

export async function getToken(
  tx: Kysely<DB>,
  id: string,
): Promise<(TokenWithUser & { unit_path: string }) | undefined> {
  return tokensWithUser(tx).where('t.id', '=', id).executeTakeFirst();
}

export async function listTokens(tx: Kysely<DB>, prefix: string): Promise<TokenWithUser[]> {
  return tokensWithUser(tx)
    .where('o.path', 'like', underPrefix(prefix))
    .orderBy('t.created_at', 'desc')
    .execute();
}

export async function revokeToken(tx: Kysely<DB>, id: string): Promise<void> {
  await tx
    .updateTable('api_tokens')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
