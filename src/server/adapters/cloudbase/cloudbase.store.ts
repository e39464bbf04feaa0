// The Store port over the CloudBase document database (wx-server-sdk). One collection per entity
// (plus `events` and `idempotency`); a document keeps the entity's fields, `_id` = its id and `_rev`,
// the revision the optimistic concurrency check compares. Writes go through runTransaction: a changed
// document is read and replaced, new documents go in one batch insert per collection; queries page by
// `_id`, at most 1000 a request. The statistics counters are kept one document per year and 届次
// (cloudbase.counters.ts), answered to the port as one document per counter; a suggestion's list row
// is kept inside its detail document (cloudbase.rows.ts), a task inside its ledger row (cloudbase.tasks.ts).
import type { AuditEvent } from '../../../core/model';
import { INDEXES, SEARCH_FIELDS, type CollectionName, type Doc, type EventQuery, type IdempotencyRecord, type IndexValue, type Query, type Store, type Tx } from '../../ports';
import { DERIVED_PATHS, derivedValues, indexPath, isArrayIndex } from '../index-values';
import { DETAIL_PARTS } from '../../ports/read-model-docs';
import { patchedDocument, runUnitOfWork, staleConflict, type CommitPlan, type PlannedPatch, type RevReader, type Revised } from '../unit-of-work';
import { fromServiceError, isDuplicateKey } from './cloudbase.errors';
import { DETAIL_PROJECTION, DETAILS, homeOf, OPTIONAL_DETAIL_FIELDS, ROW, ROW_PROJECTION, rowOf, ROWS, withoutRow } from './cloudbase.rows';
import { expectedRow, holdsRow, LEDGER, ledgerChanges, presenceField, rowFields, TASK, TASK_PROJECTION, taskOf, TASKS, type LedgerChange } from './cloudbase.tasks';
import { COUNTERS, counterAddress, counterChanges, countersOf, groupQuery, newGroupDocument, projectionOf, selectCounters, storedCounter, UNITS } from './cloudbase.counters';

/** The part of the wx-server-sdk database API this adapter uses. */
interface CloudQuery {
  where(filter: Record<string, unknown>): CloudQuery;
  orderBy(field: string, order: 'asc' | 'desc'): CloudQuery;
  skip(n: number): CloudQuery;
  limit(n: number): CloudQuery;
  /** The fields to answer (Query.field: a projection; _id always). */
  field(projection: Record<string, boolean>): CloudQuery;
  get(): Promise<{ data: Record<string, unknown>[] }>;
  count(): Promise<{ total: number }>;
}
interface CloudCollection extends CloudQuery {
  add(options: { data: Record<string, unknown> | Record<string, unknown>[] }): Promise<unknown>;
  doc(id: string): {
    get(): Promise<{ data: Record<string, unknown> | null }>;
    set(options: { data: Record<string, unknown> }): Promise<unknown>;
    remove(): Promise<unknown>;
    update(options: { data: Record<string, unknown> }): Promise<unknown>;
  };
}
interface CloudCondition {
  and(...conditions: unknown[]): CloudCondition;
}
interface CloudCommand {
  gt(value: unknown): CloudCondition;
  gte(value: unknown): CloudCondition;
  lt(value: unknown): CloudCondition;
  in(values: unknown[]): CloudCondition;
  exists(value: boolean): CloudCondition;
  /** Removes the field at the update's path. */
  remove(): CloudCondition;
  all(values: unknown[]): CloudCondition;
  inc(value: number): CloudCondition;
  /** Replaces the value at the update's path whole (an object is not merged field by field). */
  set(value: unknown): CloudCondition;
}
interface CloudTransaction {
  collection(name: string): Pick<CloudCollection, 'add' | 'doc'>;
  commit(): Promise<unknown>;
  rollback(): Promise<unknown>;
}
export interface CloudDatabase {
  command: CloudCommand;
  RegExp(options: { regexp: string; options?: string }): unknown;
  collection(name: string): CloudCollection;
  startTransaction(): Promise<CloudTransaction>;
}
export interface CloudLike {
  database(): unknown;
}

/**
 * The most documents one query may return inside a cloud function ("在云函数端默认及最大上限为 1000",
 * Collection.limit, developers.weixin.qq.com): a get of more ids is split into requests of this many.
 */
export const CLOUD_PAGE = 1000;
export const EVENTS = 'events';
/**
 * A requestId's record (the answer a request sent again gets) is kept in the events collection, under
 * this prefix and the requestId: it goes in the commit's one batch insert of its audit events, not in
 * a request of its own. Event queries always name a suggestion or an entity, which a record has not.
 */
export const REQUEST_RECORD = 'request:';
/**
 * Every collection the adapter reads or writes: each must exist before the first request (-502005).
 * (The suggestions' list rows are kept in their detail documents: cloudbase.rows.ts; the tasks in
 * their ledger rows: cloudbase.tasks.ts.)
 */
export const CLOUD_COLLECTIONS: readonly string[] = [...(Object.keys(INDEXES) as CollectionName[]).filter((c) => c !== ROWS && c !== TASKS), EVENTS];

/** The code @cloudbase/database's runTransaction retries on (dist/commonjs/transaction/index.js). */
const SDK_CONFLICT_CODE = 'DATABASE_TRANSACTION_CONFLICT';

/**
 * A write-write conflict as it reaches us through wx-server-sdk: the service answers
 * { code: 'DATABASE_TRANSACTION_CONFLICT', message: '[ResourceUnavailable.TransactionConflict] …' },
 * wx-server-sdk's TCB_ERR_CODE table has no entry for that code, so it arrives as a plain Error with
 * errCode -501001 (SYS_ERR) and the service's message; or, once the SDK's retries are spent, as the
 * object we threw with the SDK's own code.
 */
export function isTransactionConflict(error: unknown): boolean {
  const e = error as { code?: unknown; errCode?: unknown; message?: unknown; errMsg?: unknown } | null;
  if (!e) return false;
  if (e.code === SDK_CONFLICT_CODE) return true;
  const text = `${String(e.message ?? '')} ${String(e.errMsg ?? '')}`;
  return /ResourceUnavailable\.TransactionConflict/.test(text);
}


/**
 * How often a commit that met another on a document (a write-write conflict the service reports) is
 * tried again, and how long it waits first: a random while up to 20 ms × 2^attempt, at most 250 ms
 * (MongoDB: retry a transaction on TransientTransactionError, docs.mongodb.com "Transactions in
 * Applications"; the SDK's own default is 3 immediate retries, @cloudbase/database transaction/index.js).
 */
const CONFLICT_RETRIES = 8;
const conflictBackoffMs = (attempt: number) => Math.random() * Math.min(250, 20 * 2 ** attempt);

/** The one- and two-character pieces of the searchable text (SEARCH_FIELDS), an indexed array. */
export const SEARCH_GRAMS = '_searchGrams';
/** Fields the store keeps beside a document's own and leaves out of what it reads back. */
const SYSTEM_FIELDS = ['_id', '_rev', '_openid', SEARCH_GRAMS, ...DERIVED_PATHS];

/** Every character and every pair of neighbouring characters of a text. */
export function searchGrams(text: string): string[] {
  const chars = [...text];
  const grams = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i += 1) grams.add(`${chars[i]}${chars[i + 1]}`);
  return [...grams];
}

/** The pieces a text containing `search` must hold: its pairs (or its one character). */
function gramsOfSearch(search: string): string[] {
  const chars = [...search];
  if (chars.length === 1) return chars;
  return [...new Set(chars.slice(1).map((c, i) => `${chars[i]}${c}`))];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A document body with what its indexes read beside its own fields: the search pieces of a collection
 * with a SEARCH_FIELDS text, and the index values derived from it (DERIVED_INDEXES: a notice's unread).
 */
function withSearchGrams(collection: string, body: Record<string, unknown>): Record<string, unknown> {
  const derived = { ...body, ...derivedValues(collection as CollectionName, body) };
  const field = SEARCH_FIELDS[collection as CollectionName];
  if (!field) return derived;
  const text = body[field];
  return { ...derived, [SEARCH_GRAMS]: typeof text === 'string' ? searchGrams(text) : [] };
}

/**
 * A stored document as its collection's document and revision: a row out of its detail document, a
 * detail document without its row; a task out of its ledger row, a ledger document holding a row.
 */
function revised<T>(collection: CollectionName, raw: Record<string, unknown> | null | undefined): Revised<T> | undefined {
  if (!raw) return undefined;
  if (collection === ROWS) {
    const row = rowOf(raw);
    return row ? strip<T>(row) : undefined;
  }
  if (collection === TASKS) {
    const task = taskOf(raw);
    return task ? strip<T>(task) : undefined;
  }
  if (collection === LEDGER && !holdsRow(raw)) return undefined;
  return strip<T>(withoutRow(collection, raw));
}

/** The fields a read of a collection asks for (rows: the row alone; detail documents: all but the row; tasks: the task alone, not its row). */
const projectionFor = (collection: CollectionName): Record<string, boolean> | undefined =>
  collection === ROWS ? ROW_PROJECTION : collection === DETAILS ? DETAIL_PROJECTION : collection === TASKS ? TASK_PROJECTION : undefined;

const isDefined = <T>(value: T | undefined): value is T => value !== undefined;

function strip<T>(raw: Record<string, unknown>): Revised<T> {
  const doc: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) if (!SYSTEM_FIELDS.includes(key)) doc[key] = value;
  return { doc: doc as T, rev: typeof raw._rev === 'number' ? raw._rev : 1 };
}

/** JSON with every object's keys in order: equal documents compare equal whatever order their fields came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** A plain copy without undefined fields (the database cannot hold them). */
const plain = (value: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

/** A document read inside a transaction, or null: the SDK rejects instead of answering "none". */
async function getInTransaction(ref: { get(): Promise<{ data: Record<string, unknown> | null }> }) {
  try {
    return (await ref.get()).data;
  } catch (error) {
    if (error instanceof Error && /does not exist/.test(error.message)) return null;
    throw error;
  }
}

/** The row a commit writes for this suggestion, taken (it is stored once). */
function takeRow(rows: Map<string, Record<string, unknown>>, id: string): Record<string, unknown> | undefined {
  const row = rows.get(id);
  rows.delete(id);
  return row;
}

/** A detail document's patch with its suggestion's row set too, when the commit writes it (cloudbase.rows.ts). */
function withRow(patch: PlannedPatch, rows: Map<string, Record<string, unknown>>): PlannedPatch {
  if (patch.collection !== DETAILS) return patch;
  const row = takeRow(rows, patch.id);
  return row ? { ...patch, set: { ...patch.set, [ROW]: row } } : patch;
}

export function openCloudBaseStore(cloud: CloudLike): Store {
  const db = cloud.database() as CloudDatabase;
  const _ = db.command;

  function filterOf<C extends CollectionName>(collection: C, query: Query<C> | undefined, afterId?: string) {
    const filter: Record<string, unknown> = {};
    // Rows are read from their detail documents (cloudbase.rows.ts): only those holding one, by
    // `row.<field>`; tasks from their ledger rows (cloudbase.tasks.ts), by `task.<field>`.
    const { prefix } = homeOf(collection);
    for (const [name, value] of Object.entries(query?.where ?? {}) as [string, IndexValue | readonly IndexValue[] | undefined][]) {
      if (value === undefined) continue;
      // An equality on an array field matches any element: the database's own rule.
      filter[prefix + indexPath(collection, name)] = Array.isArray(value) ? _.in([...(value as readonly IndexValue[])]) : value;
    }
    for (const [name, values] of Object.entries(query?.every ?? {}) as [string, readonly IndexValue[] | undefined][]) {
      if (values === undefined) continue;
      if (!isArrayIndex(collection, name)) throw new Error(`every on scalar index ${collection}.${name}`);
      filter[prefix + indexPath(collection, name)] = _.all([...values]);
    }
    if (query?.search !== undefined && query.search !== '') {
      const field = SEARCH_FIELDS[collection];
      if (!field) throw new Error(`no search field on ${collection}`);
      // The pieces narrow by index; the expression keeps only the texts that hold the search whole.
      filter[prefix + SEARCH_GRAMS] = _.all(gramsOfSearch(query.search));
      filter[prefix + field] = db.RegExp({ regexp: escapeRegExp(query.search) });
    }
    if (query?.range) {
      const { field, gte, lt } = query.range;
      if (isArrayIndex(collection, field)) throw new Error(`range on array index ${collection}.${field}`);
      const path = prefix + indexPath(collection, field);
      const parts = [gte !== undefined ? _.gte(gte) : undefined, lt !== undefined ? _.lt(lt) : undefined].filter(Boolean);
      if (parts.length === 1) filter[path] = parts[0];
      if (parts.length === 2) filter[path] = _.gte(gte).and(_.lt(lt));
    }
    // A ledger document may hold a task without its row (or a row without a task): a query without a
    // condition on what it reads meets only the documents holding one (cloudbase.tasks.ts).
    if ((collection === TASKS || collection === LEDGER) && Object.keys(filter).length === 0) {
      const first = query?.orderBy?.[0];
      filter[presenceField(collection, first ? prefix + indexPath(collection, first.field) : undefined)] = _.exists(true);
    }
    // Without a condition on the row (which only a document holding one meets): those holding one.
    if (collection === ROWS && Object.keys(filter).length === 0) filter[`${prefix}id`] = _.exists(true);
    if (afterId !== undefined) filter._id = _.gt(afterId);
    return filter;
  }

  async function pages(name: string, filter: (afterId?: string) => Record<string, unknown>, limit?: number, projection?: Record<string, boolean>) {
    const found: Record<string, unknown>[] = [];
    let afterId: string | undefined;
    for (;;) {
      const want = limit === undefined ? CLOUD_PAGE : Math.min(CLOUD_PAGE, limit - found.length);
      if (want <= 0) break;
      let request = db.collection(name).where(filter(afterId)).orderBy('_id', 'asc').limit(want);
      if (projection) request = request.field(projection);
      const { data } = await request.get();
      found.push(...data);
      if (data.length < want) break;
      afterId = String(data[data.length - 1]?._id);
    }
    return found;
  }

  /** A sorted (or skipped) query: orderBy fields then _id in the last field's direction, skip and limit. */
  async function ordered<C extends CollectionName>(collection: C, query: Query<C>) {
    const filter = filterOf(collection, query, query.afterId);
    const order = query.orderBy ?? [];
    const last = order[order.length - 1]?.desc ? 'desc' : 'asc';
    const found: Record<string, unknown>[] = [];
    for (;;) {
      const want = query.limit === undefined ? CLOUD_PAGE : Math.min(CLOUD_PAGE, query.limit - found.length);
      if (want <= 0) break;
      const { name, prefix } = homeOf(collection);
      let request = db.collection(name).where(filter);
      for (const { field, desc } of order) {
        if (isArrayIndex(collection, field)) throw new Error(`order by array index ${collection}.${field}`);
        request = request.orderBy(prefix + indexPath(collection, field), desc ? 'desc' : 'asc');
      }
      request = request.orderBy('_id', last);
      const skip = (query.offset ?? 0) + found.length;
      if (skip > 0) request = request.skip(skip);
      const projection = projectionFor(collection);
      if (projection) request = request.field(projection);
      const { data } = await request.limit(want).get();
      found.push(...data);
      if (data.length < want) break;
    }
    return found;
  }

  /**
   * The counters a query names, read from their year-session documents (cloudbase.counters.ts): those
   * of its year and session (by index, paged by _id), with only the units it names; the rest of the
   * query applies to the counters they hold.
   */
  async function counters(query: Query<'statCounters'> | undefined): Promise<Revised<Doc<'statCounters'>>[]> {
    const { where, units } = groupQuery(query);
    const filter = (afterId?: string) => {
      const f: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(where)) f[field] = Array.isArray(value) ? _.in([...(value as readonly IndexValue[])]) : value;
      if (afterId !== undefined) f._id = _.gt(afterId);
      return f;
    };
    return selectCounters((await pages(COUNTERS, filter, undefined, projectionOf(units))).flatMap(countersOf), query);
  }

  const reader = {
    async getWithRev<C extends CollectionName>(collection: C, id: string): Promise<Revised<Doc<C>> | undefined> {
      if (collection === COUNTERS) {
        const address = counterAddress(id);
        if (!address) return undefined;
        const { data } = await db.collection(COUNTERS).where({ _id: address.group }).field(projectionOf([address.key])!).limit(1).get();
        return storedCounter(data[0] ?? null, id) as Revised<Doc<C>> | undefined;
      }
      const projection = projectionFor(collection);
      let request = db.collection(homeOf(collection).name).where({ _id: id }).limit(1);
      if (projection) request = request.field(projection);
      return revised<Doc<C>>(collection, (await request.get()).data[0]);
    },
    async getManyWithRev<C extends CollectionName>(collection: C, ids: readonly string[]): Promise<Revised<Doc<C>>[]> {
      if (collection === COUNTERS) {
        const wanted = new Set(ids.filter((id) => counterAddress(id)));
        const addresses = [...wanted].map((id) => counterAddress(id)!);
        const groups = [...new Set(addresses.map((a) => a.group))];
        const projection = projectionOf([...new Set(addresses.map((a) => a.key))]);
        const found: Record<string, unknown>[] = [];
        for (let i = 0; i < groups.length; i += CLOUD_PAGE) {
          const chunk = groups.slice(i, i + CLOUD_PAGE);
          found.push(...(await db.collection(COUNTERS).where({ _id: _.in(chunk) }).field(projection!).limit(chunk.length).get()).data);
        }
        return found.flatMap(countersOf).filter((c) => wanted.has(c.doc.id)) as Revised<Doc<C>>[];
      }
      const unique = [...new Set(ids)];
      // At most CLOUD_PAGE ids a request (a get answers no more documents than that), in parallel.
      const chunks: string[][] = [];
      for (let i = 0; i < unique.length; i += CLOUD_PAGE) chunks.push(unique.slice(i, i + CLOUD_PAGE));
      const projection = projectionFor(collection);
      const answers = await Promise.all(
        chunks.map((chunk) => {
          const request = db.collection(homeOf(collection).name).where({ _id: _.in(chunk) }).limit(chunk.length);
          return (projection ? request.field(projection) : request).get();
        }),
      );
      return answers.flatMap(({ data }) => data.map((r) => revised<Doc<C>>(collection, r)).filter(isDefined));
    },
    async findWithRev<C extends CollectionName>(collection: C, query?: Query<C>): Promise<Revised<Doc<C>>[]> {
      if (collection === COUNTERS) return (await counters(query as Query<'statCounters'> | undefined)) as Revised<Doc<C>>[];
      const read = (r: Record<string, unknown>) => revised<Doc<C>>(collection, r);
      if (query?.orderBy?.length || query?.offset) return (await ordered(collection, query)).map(read).filter(isDefined);
      const raw = await pages(homeOf(collection).name, (afterId) => filterOf(collection, query, afterId ?? query?.afterId), query?.limit, projectionFor(collection));
      return raw.map(read).filter(isDefined);
    },
    async count<C extends CollectionName>(collection: C, query?: Query<C>): Promise<number> {
      if (collection === COUNTERS) return (await counters(query as Query<'statCounters'> | undefined)).length;
      const { total } = await db.collection(homeOf(collection).name).where(filterOf(collection, query, query?.afterId)).count();
      return total;
    },
    async events(query: EventQuery): Promise<AuditEvent[]> {
      const filter: Record<string, unknown> = {};
      if (query.suggestionId !== undefined) filter.suggestionId = query.suggestionId;
      if (query.entityId !== undefined) filter.entityId = query.entityId;
      const found: AuditEvent[] = [];
      for (;;) {
        const want = query.limit === undefined ? CLOUD_PAGE : Math.min(CLOUD_PAGE, query.limit - found.length);
        if (want <= 0) break;
        const { data } = await db.collection(EVENTS).where(filter).orderBy('seq', 'asc').limit(want).get();
        // Not the requestIds' records kept beside the events (REQUEST_RECORD).
        found.push(...data.filter((raw) => !String(raw._id).startsWith(REQUEST_RECORD)).map((raw) => strip<AuditEvent & { seq?: string }>(raw).doc));
        if (data.length < want) break;
        const last = data[data.length - 1]?.seq;
        filter.seq = _.gt(last);
      }
      return found.map(({ seq: _seq, ...event }: AuditEvent & { seq?: string }) => event);
    },
    async idempotency(requestId: string): Promise<IdempotencyRecord | undefined> {
      const { data } = await db.collection(EVENTS).where({ _id: `${REQUEST_RECORD}${requestId}` }).limit(1).get();
      return data[0] ? { ...strip<IdempotencyRecord>(data[0]).doc, id: requestId } : undefined;
    },
  };

  /**
   * The writes of a unit of work, inside its transaction. Every document the unit of work read was
   * read after the transaction's snapshot (see unitOfWork), so none needs its revision read again:
   * a document someone else committed since is a write-write conflict the service reports, and the
   * whole unit of work runs again.
   */
  async function commitIn(t: CloudTransaction, plan: CommitPlan, checked: boolean): Promise<void> {
    // Events are ordered by `seq`: the commit instant plus a counter, so one commit's events keep their order.
    const stamp = new Date().toISOString();
    for (const { collection, id } of plan.deletes) await t.collection(collection).doc(id).remove();
    // Rows go into their detail documents (cloudbase.rows.ts), with what the commit writes there anyway.
    const rows = await rowsOf(t, plan, checked);
    const inserts = new Map<string, Record<string, unknown>[]>();
    // A task and its row: one document (cloudbase.tasks.ts).
    for (const change of ledgerChanges(plan.writes)) await commitLedger(t, change, checked, inserts);
    for (const write of plan.writes) {
      // Counters go to their year-session documents below, rows to their detail documents; tasks and
      // ledger rows went above.
      if (write.collection === COUNTERS || write.collection === ROWS || write.collection === TASKS || write.collection === LEDGER) continue;
      if (checked && write.expectedRev !== 0) {
        // Tried again after a conflict: each changed document must still be as this unit of work read
        // it, else CONFLICT. Its content is compared (every change carries it: unit-of-work.ts,
        // UnitOfWorkOptions.snapshot), not its revision: a record taken from its detail document has
        // no revision known, and is written back with revision 1.
        // (A detail document is compared without its row: cloudbase.rows.ts.)
        const current = await getInTransaction(t.collection(write.collection).doc(write.id));
        if (canonical(revised(write.collection, current)?.doc ?? null) !== canonical(write.expected ?? null)) throw staleConflict();
      }
      // The revision only counts up (a retried commit compares content): a document written whole
      // (expectedRev -1) starts again at 1.
      const body: Record<string, unknown> = withSearchGrams(write.collection, { ...plain(write.doc), _rev: Math.max(1, write.expectedRev + 1) });
      delete body._id;
      const row = write.collection === DETAILS ? takeRow(rows, write.id) : undefined;
      if (write.expectedRev === 0) {
        inserts.set(write.collection, [...(inserts.get(write.collection) ?? []), { _id: write.id, ...body, ...(row ? { [ROW]: row } : {}) }]);
        continue;
      }
      if (write.collection === DETAILS) {
        // A detail document written whole (the rebuild) keeps its row: each field set, the optional ones absent removed.
        const data: Record<string, unknown> = {};
        for (const [field, value] of Object.entries(body)) data[field] = _.set(value);
        for (const field of OPTIONAL_DETAIL_FIELDS) if (!(field in body)) data[field] = _.remove();
        if (row) data[ROW] = _.set(row);
        await t.collection(DETAILS).doc(write.id).update({ data });
        continue;
      }
      await t.collection(write.collection).doc(write.id).set({ data: body });
    }
    // A new suggestion's detail document goes with the new documents (unit-of-work.ts, PlannedPatch.create).
    for (const patch of plan.patches ?? []) {
      if (!patch.create) continue;
      const body = plain(patchedDocument(withRow(patch, rows)));
      inserts.set(patch.collection, [...(inserts.get(patch.collection) ?? []), { ...body, _id: patch.id, _rev: 1 }]);
    }
    // New documents: one batch insert a collection (the service takes many documents in one
    // request inside a transaction: node-sdk test 事务内批量插入); an _id that exists fails the
    // insert with E11000, which becomes CONFLICT below, so no read is needed first.
    for (const [collection, docs] of inserts) await t.collection(collection).add({ data: docs });
    // Counters add up (_.inc) whatever their revision: concurrent changes never conflict on them.
    // One request a counter that exists (update answers updated: 1); those that do not, created in one
    // batch insert a collection (a counter another commit created meanwhile: a duplicate key, CONFLICT).
    const created = new Map<string, Record<string, unknown>[]>();
    for (const { collection, id, init, deltas } of plan.increments ?? []) {
      if (collection === COUNTERS) continue;
      const data: Record<string, unknown> = { _rev: _.inc(1) };
      for (const [field, delta] of Object.entries(deltas)) data[field] = _.inc(delta);
      // wx-server-sdk answers { stats: { updated }, errMsg: 'document.update:ok' }.
      const res = (await t.collection(collection).doc(id).update({ data })) as { stats?: { updated?: number } };
      if (!res.stats?.updated) {
        const body = plain(init);
        for (const [field, delta] of Object.entries(deltas)) body[field] = (typeof body[field] === 'number' ? (body[field] as number) : 0) + delta;
        created.set(collection, [...(created.get(collection) ?? []), { ...body, _id: id, _rev: 1 }]);
      }
    }
    await commitCounters(t, plan, checked, created);
    // A row whose detail document the commit does not patch (a deputy renamed; the rebuild): set alone.
    const patched = new Set((plan.patches ?? []).map((p) => p.id));
    for (const [id, row] of rows) {
      if (patched.has(id)) continue;
      const res = (await t.collection(DETAILS).doc(id).update({ data: { _rev: _.inc(1), [ROW]: _.set(row) } })) as { stats?: { updated?: number } };
      // A suggestion without its detail document yet (a data file from before them, until the rebuild).
      if (!res.stats?.updated) created.set(DETAILS, [...(created.get(DETAILS) ?? []), { _id: id, id, ...Object.fromEntries(DETAIL_PARTS.map((p) => [p, {}])), [ROW]: row, _rev: 1 }]);
    }
    for (const [collection, docs] of created) await t.collection(collection).add({ data: docs });
    for (const patch of plan.patches ?? []) {
      if (patch.create) continue;
      const { collection, id, init, set } = withRow(patch, rows);
      // Records set inside the document (unit-of-work.ts, PlannedPatch): _.set replaces the value
      // at each path whole; concurrent patches of one document are write-write conflicts the
      // service reports, so each unit of work runs again on the other's result.
      const data: Record<string, unknown> = { _rev: _.inc(1) };
      for (const [path, value] of Object.entries(set)) data[path] = _.set(plain(value));
      const res = (await t.collection(collection).doc(id).update({ data })) as { stats?: { updated?: number } };
      if (!res.stats?.updated) {
        const body = plain(init);
        for (const [path, value] of Object.entries(set)) {
          const [field, key] = path.split('.', 2) as [string, string | undefined];
          if (key === undefined) body[field] = plain(value);
          else body[field] = { ...((body[field] as Record<string, unknown> | undefined) ?? {}), [key]: plain(value) };
        }
        await t.collection(collection).add({ data: [{ ...body, _id: id, _rev: 1 }] });
      }
    }
    // The audit events and the requestId's record (REQUEST_RECORD) in one batch insert: a record
    // already there (the same request committed before) fails it with E11000, which becomes CONFLICT.
    const events: Record<string, unknown>[] = plan.events.map((event, index) => ({ _id: event.id, ...plain(event), seq: `${stamp}#${String(index).padStart(4, '0')}#${event.id}` }));
    if (plan.remember) {
      const { id, ...record } = plain(plan.remember);
      events.push({ _id: `${REQUEST_RECORD}${String(id)}`, ...record });
    }
    if (events.length > 0) await t.collection(EVENTS).add({ data: events });
  }

  /**
   * A task and its ledger row as one stored document (cloudbase.tasks.ts), one request:
   * - a new task (with its row, or without one: a task without its suggestion): with the new documents
   *   (`inserts`), so that a task whose id exists fails the batch insert, CONFLICT;
   * - a task changed with its row: the document set whole (its row's fields and the task);
   * - a task changed without its row (the row the same): its `task` set (_.set replaces it whole);
   * - a row without its task (a suggestion's change moves every one of its tasks' rows; the rebuild):
   *   each of its fields set and those it no longer has removed, its `task` left as stored; a document
   *   not there yet is created, without a task.
   * Tried again after a conflict, the stored task and row must each still be as this unit of work read
   * them (their content; new ones: absent), else CONFLICT.
   */
  async function commitLedger(t: CloudTransaction, { id, task, row }: LedgerChange, checked: boolean, inserts: Map<string, Record<string, unknown>[]>) {
    const ref = t.collection(LEDGER).doc(id);
    if (checked) {
      const raw = await getInTransaction(ref);
      // A new task needs no check: one whose id exists fails the insert.
      if (task && task.expectedRev !== 0) {
        const current = taskOf(raw);
        if (canonical(current ? strip(current).doc : null) !== canonical(task.expected ?? null)) throw staleConflict();
      }
      if (row && canonical(holdsRow(raw) ? rowFields(raw) : null) !== canonical(expectedRow(row))) throw staleConflict();
    }
    // The row's own fields and its search pieces (its `task` is the task's, written or stored).
    const written = row ? withSearchGrams(LEDGER, plain(row.doc)) : undefined;
    const rowBody: Record<string, unknown> = written ? { ...rowFields(written), [SEARCH_GRAMS]: written[SEARCH_GRAMS] } : {};
    if (task) {
      const body = { ...rowBody, [TASK]: plain(task.doc) };
      if (task.expectedRev === 0) {
        inserts.set(LEDGER, [...(inserts.get(LEDGER) ?? []), { _id: id, ...body, _rev: 1 }]);
        return;
      }
      if (row) {
        // The revision only counts up (a retried commit compares content, see commitIn).
        await ref.set({ data: { ...body, _rev: Math.max(1, Math.max(task.expectedRev, row.expectedRev) + 1) } });
        return;
      }
      const res = (await ref.update({ data: { [TASK]: _.set(plain(task.doc)), _rev: _.inc(1) } })) as { stats?: { updated?: number } };
      // A task read from its detail document whose stored copy is gone: kept, never lost.
      if (!res.stats?.updated) await t.collection(LEDGER).add({ data: [{ _id: id, [TASK]: plain(task.doc), _rev: 1 }] });
      return;
    }
    if (!row) return;
    const data: Record<string, unknown> = { _rev: _.inc(1) };
    for (const [field, value] of Object.entries(rowBody)) data[field] = _.set(value);
    for (const field of Object.keys(expectedRow(row) ?? {})) if (!(field in rowBody)) data[field] = _.remove();
    const res = (await ref.update({ data })) as { stats?: { updated?: number } };
    if (!res.stats?.updated) await t.collection(LEDGER).add({ data: [{ _id: id, ...rowBody, _rev: 1 }] });
  }

  /**
   * The rows a commit writes, by suggestion id, as stored inside their detail documents (with their
   * search pieces). Tried again after a conflict, each must still be as this unit of work read it
   * (its content; a new one: absent), else CONFLICT.
   */
  async function rowsOf(t: CloudTransaction, plan: CommitPlan, checked: boolean): Promise<Map<string, Record<string, unknown>>> {
    const rows = new Map<string, Record<string, unknown>>();
    for (const write of plan.writes) {
      if (write.collection !== ROWS) continue;
      if (checked) {
        const current = rowOf(await getInTransaction(t.collection(DETAILS).doc(write.id)));
        // As for any document (commitIn): a new one must still be absent, a changed one as read (its content).
        const stale = write.expectedRev === 0 ? current !== undefined : canonical(current ? strip(current).doc : null) !== canonical(write.expected ?? null);
        if (stale) throw staleConflict();
      }
      rows.set(write.id, withSearchGrams(ROWS, plain(write.doc)));
    }
    return rows;
  }

  /**
   * The counters a commit moves or writes, one update request per year-session document
   * (cloudbase.counters.ts): each unit's counts move by _.inc at its nested path (a path not there yet
   * starts at zero, as MongoDB's $inc creates the field), a counter written whole (the rebuild) is set
   * at its path. A document that is not there yet (updated: 0) is created with the commit's other new
   * documents (`created`); one another commit created meanwhile is a duplicate key, CONFLICT.
   * Concurrency: every commit that moves a counter of a year and 届次 moves its office-wide '*' counter
   * too, which was already one shared document per year and 届次; nesting the units' counters in that
   * document adds no conflict (an _.inc is applied to what is stored, and two commits meeting on the
   * document are a write-write conflict the service reports, tried again as before).
   */
  async function commitCounters(t: CloudTransaction, plan: CommitPlan, checked: boolean, created: Map<string, Record<string, unknown>[]>) {
    const writes = plan.writes.filter((w) => w.collection === COUNTERS);
    const increments = (plan.increments ?? []).filter((i) => i.collection === COUNTERS);
    for (const change of counterChanges(writes, increments)) {
      if (checked && change.writes.length > 0) {
        // Tried again after a conflict: each counter written whole must still be as read (as for any document).
        const raw = await getInTransaction(t.collection(COUNTERS).doc(change.group));
        for (const write of change.writes) {
          const current = storedCounter(raw, write.id);
          // As for any document (commitIn): a new one must still be absent, a changed one as read (its content).
          if (write.expectedRev === 0 ? current !== undefined : canonical(current?.doc ?? null) !== canonical(write.expected ?? null)) throw staleConflict();
        }
      }
      const data: Record<string, unknown> = { _rev: _.inc(1) };
      for (const [key, counts] of change.set) data[`${UNITS}.${key}`] = _.set(plain(counts));
      for (const [key, deltas] of change.inc) for (const [field, delta] of Object.entries(deltas)) data[`${UNITS}.${key}.${field}`] = _.inc(delta);
      const res = (await t.collection(COUNTERS).doc(change.group).update({ data })) as { stats?: { updated?: number } };
      if (!res.stats?.updated) created.set(COUNTERS, [...(created.get(COUNTERS) ?? []), plain(newGroupDocument(change))]);
    }
  }

  /**
   * A unit of work inside one CloudBase transaction (begun at its first read), so that the service's
   * own conflict detection guards it instead of a second read of every document written:
   * - a document read by id is read inside the transaction, from its snapshot (the snapshot is taken
   *   by the transaction's first operation: MongoDB's snapshot read concern);
   * - a query (the SDK runs none inside a transaction) runs outside it, and only after the snapshot
   *   was taken: what it answers is at least as new as the snapshot;
   * - so a document this unit of work writes that someone else committed after the snapshot (before or
   *   after this unit of work read it) is a write-write conflict the service reports (node-sdk test
   *   冲突检测 / 读偏);
   * - then the same writes are tried again in a new transaction after a random wait, now reading each
   *   changed document first: one changed since this unit of work read it is CONFLICT, as a stale
   *   revision always was; the records set inside a document and the counters apply to what is then
   *   stored (the conflict the service reports is usually two commits of one suggestion meeting on
   *   its detail document).
   * A refusal (AppError) rolls the transaction back and passes through; a unit of work that read
   * nothing by id and wrote nothing sends no transaction at all.
   */
  async function unitOfWork<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    let plan: CommitPlan | undefined;
    let result!: T;
    for (let attempt = 1; ; attempt += 1) {
      let begun: Promise<CloudTransaction> | undefined;
      let open: CloudTransaction | undefined;
      const begin = () => (begun ??= db.startTransaction().then((t) => (open = t)));
      try {
        if (plan === undefined) {
          await runUnitOfWork(
            transactionReader(begin),
            async (p) => {
              plan = p;
              await commitIn(await begin(), p, false);
            },
            async (tx) => (result = await fn(tx)),
            { snapshot: true },
          );
        } else await commitIn(await begin(), plan, true);
        if (open) {
          const t = open;
          open = undefined;
          // Only reads: nothing to keep.
          await (plan === undefined ? t.rollback() : t.commit());
        }
        return result;
      } catch (error) {
        // The service has aborted a transaction it reported a conflict in; any other failure rolls it back.
        if (open && !isTransactionConflict(error)) await open.rollback().catch(() => undefined);
        if (isTransactionConflict(error) && plan !== undefined && attempt <= CONFLICT_RETRIES) {
          // Waiting a random while first lets the commit it met finish, as MongoDB advises for a
          // transient transaction error.
          await new Promise((resolve) => setTimeout(resolve, conflictBackoffMs(attempt)));
          continue;
        }
        // Retries spent on a write-write conflict, or a key another commit took first: the same
        // outcome as a stale revision.
        if (isTransactionConflict(error) || isDuplicateKey(error)) throw staleConflict();
        throw error;
      }
    }
  }

  /** The reads of a unit of work: by id inside its transaction, queries after its snapshot (unitOfWork). */
  function transactionReader(begin: () => Promise<CloudTransaction>): RevReader {
    // One operation at a time inside the transaction (a MongoDB session runs its operations in turn).
    let queue: Promise<unknown> = Promise.resolve();
    const inTx = <R>(op: (t: CloudTransaction) => Promise<R>): Promise<R> => {
      const run = queue.then(async () => op(await begin()));
      queue = run.catch(() => undefined);
      return run;
    };
    let snapshot: Promise<unknown> | undefined;
    // Before the first query: a read inside the transaction, which takes its snapshot (of a document
    // nobody writes).
    const afterSnapshot = async () => {
      snapshot ??= inTx((t) => getInTransaction(t.collection(EVENTS).doc('snapshot')));
      await snapshot;
    };
    return {
      async getWithRev<C extends CollectionName>(collection: C, id: string): Promise<Revised<Doc<C>> | undefined> {
        if (collection === COUNTERS) {
          // A counter, from its year-session document (cloudbase.counters.ts).
          const address = counterAddress(id);
          if (!address) return undefined;
          const read = inTx((t) => getInTransaction(t.collection(COUNTERS).doc(address.group)));
          snapshot ??= read;
          return storedCounter(await read, id) as Revised<Doc<C>> | undefined;
        }
        const read = inTx((t) => getInTransaction(t.collection(homeOf(collection).name).doc(id)));
        snapshot ??= read;
        return revised<Doc<C>>(collection, await read);
      },
      async getManyWithRev(collection, ids) {
        await afterSnapshot();
        return reader.getManyWithRev(collection, ids);
      },
      async findWithRev(collection, query) {
        await afterSnapshot();
        return reader.findWithRev(collection, query);
      },
      async count(collection, query) {
        await afterSnapshot();
        return reader.count(collection, query);
      },
      async events(query) {
        await afterSnapshot();
        return reader.events(query);
      },
      async idempotency(requestId) {
        await afterSnapshot();
        return reader.idempotency(requestId);
      },
    };
  }

  // A timeout or a quota the service answers becomes the app's error with words (cloudbase.errors.ts).
  const mapped = <T>(promise: Promise<T>): Promise<T> =>
    promise.catch((error: unknown) => {
      throw fromServiceError(error);
    });
  return {
    get: async (collection, id) => (await mapped(reader.getWithRev(collection, id)))?.doc,
    getMany: async (collection, ids) => (await mapped(reader.getManyWithRev(collection, ids))).map((r) => r.doc),
    find: async (collection, query) => (await mapped(reader.findWithRev(collection, query))).map((r) => r.doc),
    count: (collection, query) => mapped(reader.count(collection, query)),
    events: (query) => mapped(reader.events(query)),
    idempotency: (requestId) => mapped(reader.idempotency(requestId)),
    transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      return mapped(unitOfWork(fn));
    },
  };
}
