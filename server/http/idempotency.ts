import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.js';
import { AppError } from '../platform/app-error.js';
import {
  claimIdempotencyKey,
  findIdempotentResponse,
  saveIdempotentResponse,
} from '../platform/idempotency-store.js';
import { writeTransaction } from './transaction.js';

const Key = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/);

/**
 * The request's `Idempotency-Key` and the hash of what it asks (method, URL and body), or null
 * without the header. A malformed key is a validation error.
 */
export function idempotencyOf(request: FastifyRequest): { key: string; hash: string } | null {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return null;
  const parsed = Key.safeParse(header);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', [
      { in: 'headers', path: 'idempotency-key', message: '1–200 printable ASCII characters' },
    ]);
  }
  const hash = crypto
    .createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
  return { key: parsed.data, hash };
}

/**
 * Runs a create in one transaction. With an `Idempotency-Key` header, a retry of the same request
 * gets the first answer again instead of a second record; the key is stored with the record, so
 * both land or neither does.
 */
export async function idempotentCreate<T>(
  db: Kysely<DB>,
  request: FastifyRequest,
  actorId: string,
  run: (tx: Kysely<DB>) => Promise<T>,
): Promise<{ replayed: boolean; body: T }> {
  const idem = idempotencyOf(request);
  if (idem === null) {
    return { replayed: false, body: await writeTransaction(db, run) };
  }
  const { key, hash } = idem;
  return writeTransaction(db, async (tx) => {
    const seen = await findIdempotentResponse(tx, actorId, key);
    if (seen) {
      if (seen.request_hash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      return { replayed: true, body: seen.response as T };
    }
    // Claimed before the work, so that a concurrent twin waits here and then replays this answer.
    await claimIdempotencyKey(tx, { actorId, key, hash });
    const body = await run(tx);
    await saveIdempotentResponse(tx, { actorId, key, status: 201, response: body });
    return { replayed: false, body };
  });
}
