// Record ids: random where a record is new each time, derived from a key where writing the same
// thing twice must find the first (the outbox; docs/architecture.md, Notifications).
import { createHash, randomUUID } from 'node:crypto';

export function newId(): string {
  return randomUUID().replace(/-/g, '');
}

/** The same key always gives the same id: `prefix` + 40 hex digits of its SHA-256. */
export function idFromKey(prefix: string, key: string): string {
  return `${prefix}${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}
