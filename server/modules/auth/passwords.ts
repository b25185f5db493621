import crypto from 'node:crypto';
import argon2 from 'argon2';
import { checkPassword } from '../../../common/password-policy.js';
import { AuthError } from './errors.js';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): about 20 ms here, so a login stays fast
// while guessing stays expensive.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

/** Whether the password matches the hash; a malformed hash counts as no match. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the time of one verification so that unknown usernames cannot be told by timing. */
export async function burnVerification(password: string): Promise<void> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, password);
}

/** Throws PASSWORD_TOO_WEAK unless the policy holds. */
export function assertPasswordPolicy(password: string): void {
  const check = checkPassword(password);
  if (!check.ok)
    throw new AuthError('PASSWORD_TOO_WEAK', { length: check.length, classes: check.classes });
}

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGIT = '23456789';
const SYMBOL = '@#%+=!';

/** A temporary password for a new or reset account: 14 characters of all four classes. */
export function temporaryPassword(): string {
  const pick = (set: string) => set[crypto.randomInt(set.length)]!;
  const all = UPPER + LOWER + DIGIT + SYMBOL;
  const chars = [pick(UPPER), pick(LOWER), pick(DIGIT), pick(SYMBOL)];
  while (chars.length < 14) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
