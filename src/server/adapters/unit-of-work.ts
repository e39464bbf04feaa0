// The unit of work both stores share: reads remember the revision they saw, writes are buffered,
// and the adapter's commit applies them all at once, refusing a document changed since it was read.
import { AppError } from '../../core/errors';
import type { AuditEvent } from '../../core/model';
import type { CollectionName, Doc, EventQuery, IdempotencyRecord, Query, Tx } from '../ports';
import { uniqueKeysOf } from './unique-keys';

export interface Revised<T> {
  doc: T;
  rev: number;
}

export interface RevReader {
  getWithRev<C extends CollectionName>(collection: C, id: string): Promise<Revised<Doc<C>> | undefined>;
  findWithRev<C extends CollectionName>(collection: C, query?: Query<C>): Promise<Revised<Doc<C>>[]>;
  count<C extends CollectionName>(collection: C, query?: Query<C>): Promise<number>;
  events(query: EventQuery): Promise<AuditEvent[]>;
  idempotency(requestId: string): Promise<IdempotencyRecord | undefined>;
}

export interface PlannedWrite {
  collection: CollectionName;
  id: string;
  doc: unknown;
  /** 0: the document must not exist yet; n: it must still be at revision n. */
  expectedRev: number;
}

export interface CommitPlan {
  writes: PlannedWrite[];
  /** Documents removed (if present): only the UniqueKey claims a document gave up. */
  deletes: { collection: CollectionName; id: string }[];
  events: AuditEvent[];
  remember?: IdempotencyRecord;
}

export const staleConflict = () => new AppError('CONFLICT');

const keyOf = (collection: string, id: string) => `${collection}/${id}`;
const copy = <T>(value: T): T => structuredClone(value);

export async function runUnitOfWork<T>(
  reader: RevReader,
  commit: (plan: CommitPlan) => Promise<void>,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  const seen = new Map<string, number>(); // revision read, 0 when absent
  const before = new Map<string, unknown>(); // the document as first read
  const writes = new Map<string, PlannedWrite>();
  const events: AuditEvent[] = [];
  let remember: IdempotencyRecord | undefined;

  const note = (collection: string, id: string, rev: number, doc: unknown) => {
    const key = keyOf(collection, id);
    if (!seen.has(key)) {
      seen.set(key, rev);
      before.set(key, doc);
    }
  };

  const tx: Tx = {
    async get(collection, id) {
      const buffered = writes.get(keyOf(collection, id));
      if (buffered) return copy(buffered.doc) as Doc<typeof collection>;
      const found = await reader.getWithRev(collection, id);
      note(collection, id, found?.rev ?? 0, found?.doc);
      return found?.doc;
    },
    async find(collection, query) {
      const found = await reader.findWithRev(collection, query);
      return found.map(({ doc, rev }) => {
        const id = (doc as { id: string }).id;
        note(collection, id, rev, doc);
        const buffered = writes.get(keyOf(collection, id));
        return (buffered ? copy(buffered.doc) : doc) as typeof doc;
      });
    },
    count: (collection, query) => reader.count(collection, query),
    events: (query) => reader.events(query),
    idempotency: (requestId) => reader.idempotency(requestId),
    insert(collection, doc) {
      const id = (doc as { id: string }).id;
      const key = keyOf(collection, id);
      if (writes.has(key)) throw new Error(`${key} written twice as new`);
      writes.set(key, { collection, id, doc: copy(doc), expectedRev: 0 });
    },
    update(collection, doc) {
      const id = (doc as { id: string }).id;
      const key = keyOf(collection, id);
      const buffered = writes.get(key);
      if (buffered) {
        buffered.doc = copy(doc);
        return;
      }
      const rev = seen.get(key);
      if (rev === undefined || rev === 0) throw new Error(`${key} updated without being read in this transaction`);
      writes.set(key, { collection, id, doc: copy(doc), expectedRev: rev });
    },
    appendEvent(event) {
      events.push(copy(event));
    },
    rememberResult(record) {
      remember = copy(record);
    },
  };

  const result = await fn(tx);
  // A requestId is remembered only with a change: a request that changed nothing leaves no trace.
  if (writes.size > 0 || events.length > 0) {
    await commit({ ...withUniqueKeys([...writes.values()], before), events, remember });
  }
  return result;
}

/**
 * The writes plus the UniqueKey claims they make (ports.ts, UNIQUE): a new document claims its keys
 * (as new documents, so a key already held fails the commit with CONFLICT); a changed key is claimed
 * anew and the old claim removed. Two documents of one commit claiming one key: CONFLICT.
 */
function withUniqueKeys(writes: PlannedWrite[], before: Map<string, unknown>): Pick<CommitPlan, 'writes' | 'deletes'> {
  const claims: PlannedWrite[] = [];
  const deletes: CommitPlan['deletes'] = [];
  const claimed = new Set<string>();
  for (const write of writes) {
    const next = uniqueKeysOf(write.collection, write.id, write.doc);
    const old = write.expectedRev === 0 ? new Map() : uniqueKeysOf(write.collection, write.id, before.get(keyOf(write.collection, write.id)));
    for (const [id, key] of next) {
      if (old.has(id)) continue;
      if (claimed.has(id)) throw staleConflict();
      claimed.add(id);
      claims.push({ collection: 'uniqueKeys', id, doc: key, expectedRev: 0 });
    }
    for (const id of old.keys()) if (!next.has(id)) deletes.push({ collection: 'uniqueKeys', id });
  }
  return { writes: [...writes, ...claims], deletes };
}
