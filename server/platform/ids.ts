import { uuidv7 } from 'uuidv7';

/** A new UUIDv7 id (time-ordered): generated here because PostgreSQL 15 has no uuidv7(). */
export function newId(): string {
  return uuidv7();
}
