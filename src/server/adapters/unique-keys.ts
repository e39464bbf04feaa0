// The UniqueKey documents a document claims (ports.ts, UNIQUE): one per natural key, its id derived
// from the collection, the key's fields and their values.
import { createHash } from 'node:crypto';
import { UNIQUE, type CollectionName, type IndexValue, type UniqueKey } from '../ports';
import { indexPath, valueAtPath } from './index-values';

export function uniqueKeyId(collection: string, values: Record<string, IndexValue>): string {
  const text = JSON.stringify([collection, ...Object.entries(values)]);
  return `k${createHash('sha256').update(text).digest('hex').slice(0, 40)}`;
}

/** The keys a document holds, by id. */
export function uniqueKeysOf(collection: CollectionName, docId: string, doc: unknown): Map<string, UniqueKey> {
  const keys = new Map<string, UniqueKey>();
  if (doc === undefined || doc === null) return keys;
  for (const fields of (UNIQUE[collection] ?? []) as readonly string[][]) {
    const values: Record<string, IndexValue> = {};
    for (const name of fields) {
      const value = valueAtPath(doc, indexPath(collection, name));
      if (value === undefined || value === null || value === '') break;
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') break;
      values[name] = value;
    }
    if (Object.keys(values).length !== fields.length) continue;
    const id = uniqueKeyId(collection, values);
    keys.set(id, { id, collection, docId, values });
  }
  return keys;
}
