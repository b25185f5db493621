import crypto from 'node:crypto';

/** A new PBX secret: `lxcti_` and 32 random bytes (base64url); its first 8 characters show in lists. */
export function newCtiSecret(): { secret: string; prefix: string } {
  const body = crypto.randomBytes(32).toString('base64url');
  return { secret: `lxcti_${body}`, prefix: body.slice(0, 8) };
}

/** What is stored of a secret: its SHA-256 (a 256-bit random secret needs no slow hash). */
export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('base64url');
}
