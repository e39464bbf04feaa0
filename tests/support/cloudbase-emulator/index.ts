// A CloudBase emulator for tests and benchmarks: the HTTP listener that the real wx-server-sdk talks
// to through cloud.init({ serviceUrl }), executing the database requests it sends against an
// in-memory store with the service's semantics. docs/cloudbase-emulator.md lists each behaviour with
// its source; the comments below cite them where they are implemented. Never bundled into a function.
//
// Wire format (@cloudbase/node-sdk dist/utils/tcbapirequester.js, @cloudbase/database dist/commonjs):
// every call is a POST of JSON { action, collectionName, query, queryType, order, limit, offset, data,
// transactionId, merge, upsert, multi, ... } to serviceUrl?env=…&seqId=…; query, order and update data
// are EJSON strings (utils.stringifyByEJSON, relaxed: false), inserted documents an array of them. An
// answer is JSON: success { data, requestId }, failure { code, message, requestId } — the SDK throws
// any answer with a `code` (utils.processReturn) and wx-server-sdk turns the code into errCode through
// its TCB_ERR_CODE table, SYS_ERR (-501001) for codes it does not know.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EJSON } from 'bson';
import { applyUpdate, matches, project, QueryError, sortDocs, type Docu } from './query';
import { createOpenApiService, isOpenApiRequest } from './openapi';
import { createStorage, StorageError, type EmulatedStorage } from './storage';
import { createFunctions, FunctionError, type EmulatedFunctions } from './functions';

export interface EmulatorOptions {
  /** Real milliseconds each request waits before it is answered (a network round trip). */
  latencyMs?: number;
  /** Milliseconds each request adds to the emulator's clock without waiting (billing-scale runs). */
  simulatedLatencyMs?: number;
  /** Start the clock here (ms since epoch) and move it only by simulated latency and advance(). */
  clockStart?: number;
  /** Collections that exist from the start (a fresh environment has none). */
  collections?: readonly string[];
  /** The environment id in the fileIDs of cloud storage (cloud://<env>.<bucket>/<path>); default test-env. */
  env?: string;
  /**
   * The indexes the environment has (besides `_id`'s own): a query no index serves is recorded
   * (`unindexed`), and over a collection of more than `scanLimit` documents answers DATABASE_TIMEOUT.
   * Without this list every query counts as served (the emulator knows no indexes).
   */
  indexes?: readonly EmulatedIndex[];
  /** The documents a query may scan without an index before it times out; default SCAN_LIMIT. */
  scanLimit?: number;
}

/** The open API (subscribe messages, SMS, URL Links) served on the same URL (./openapi.ts). */
export const openApi = createOpenApiService();

/** An index as the environment holds it: its collection and its keys in order. */
export interface EmulatedIndex {
  collection: string;
  name?: string;
  keys: readonly { field: string }[];
}

/** A query the environment's indexes do not serve: its collection and the fields it filters or sorts by. */
export interface UnindexedQuery {
  collection: string;
  fields: string[];
  documents: number;
}

/** The quota and rate errors of a plan (wx-server-sdk TCB_ERR_CODE: -501003, -501004). */
export type QuotaCode = 'EXCEED_REQUEST_LIMIT' | 'EXCEED_CONCURRENT_REQUEST_LIMIT';

export interface CloudBaseEmulator {
  /** The serviceUrl to give cloud.init. */
  readonly url: string;
  /** Requests answered (or cut) since the last resetCounter(), in all and by action. */
  readonly requests: number;
  readonly byAction: Readonly<Record<string, number>>;
  /** Each request since the last resetCounter(): its action, collection, and `tx` inside a transaction. */
  readonly trace: readonly string[];
  resetCounter(): void;
  /** The emulator's clock (ms since epoch); transactions expire by it. */
  now(): number;
  advance(ms: number): void;
  setLatency(latencyMs: number, simulatedLatencyMs?: number): void;
  /** The console's 新建集合 (the SDK's createCollection does the same over the wire). */
  createCollection(name: string): void;
  collectionNames(): string[];
  /** The committed documents of a collection in insertion order. */
  documents(name: string): Docu[];
  /** Every committed document, as stable text: equal dumps mean equal databases. */
  dump(): string;
  /** From the (n+1)-th request on, drop every connection unanswered (the function was killed). */
  cutAfter(n: number | undefined): void;
  /** Transactions begun and neither committed, aborted nor expired. */
  openTransactions(): number;
  /** Queries no index of `indexes` served, since the last reset (with the collection's size then). */
  readonly unindexed: readonly UnindexedQuery[];
  /** The environment's indexes from now on (and the scan limit); undefined: the emulator knows none. */
  useIndexes(indexes: readonly EmulatedIndex[] | undefined, scanLimit?: number): void;
  /** The console's (or the management API's) 添加索引; the environment's indexes as they stand. */
  addIndex(index: EmulatedIndex): void;
  readonly indexes: readonly EmulatedIndex[] | undefined;
  /** From now on every request answers this quota error (the plan's limit is reached); undefined lifts it. */
  exhaustQuota(code: QuotaCode | undefined): void;
  /** Cloud storage (storage.ts): the objects by cloud path, and COS's size limit to lower for a test. */
  readonly storage: Pick<EmulatedStorage, 'objects' | 'setMaxObjectBytes'>;
  /** Cloud functions (functions.ts): deployed handlers called through callFunction, with the call's 6 MB and time limits. */
  readonly functions: EmulatedFunctions;
  /** The console's 导入 (import a JSON file into a collection): documents committed without requests. */
  load(name: string, docs: readonly object[]): void;
  /** Back to a fresh environment holding only these (empty) collections and no files; the counter restarts. */
  reset(collections?: readonly string[]): void;
  close(): Promise<void>;
}

// Messages as the service words them (@cloudbase/node-sdk test/database/unit/transaction.test.ts and
// docs/database/database.md, runTransaction section).
const CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';
const NOT_EXIST_MESSAGE =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.';
/** Transactions must commit or abort within 30 s (the TransactionNotExist message above). */
export const TRANSACTION_TTL_MS = 30_000;
/** At most 1000 documents a get in a cloud function, 100 without a limit (Collection.limit docs; query.js get()). */
export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 100;
/**
 * An unindexed query over a large collection times out: the service answers DATABASE_TIMEOUT
 * ("数据库请求超时，查询或操作执行时间过长", remedy 「添加索引」: docs.cloudbase.net/error-code/DATABASE_TIMEOUT).
 * The service publishes no size; the emulator takes 1,000 documents, past which a full scan of the
 * shared instance of the lower plans is not answered in time. A test lowers it to 0 to find every
 * unindexed query on small data.
 */
export const SCAN_LIMIT = 1000;
const TIMEOUT_MESSAGE = '[FailedOperation.Timeout] Database request timeout, query or operation execution took too long. Please check your request, but if the problem persists, contact us.';

class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const conflict = () => new ServiceError('DATABASE_TRANSACTION_CONFLICT', CONFLICT_MESSAGE);
const notExist = () => new ServiceError('DATABASE_TRANSACTION_FAIL', NOT_EXIST_MESSAGE);
// Codes from the service's error table (docs.cloudbase.net/error-code/basic, 数据库错误); the duplicate
// key message is MongoDB's, which the service passes through for a unique index violation.
const missingCollection = (name: string) =>
  new ServiceError('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound.TableNotExist] Db or Table not exist: ${name}. Please check your request, but if the problem persists, contact us.`);
const duplicateKey = (env: string, name: string, id: string) =>
  new ServiceError('DATABASE_REQUEST_FAILED', `E11000 duplicate key error collection: ${env}.${name} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`);

interface Version {
  seq: number;
  doc: Docu | null; // null: removed
}

interface Transaction {
  id: string;
  startedAt: number;
  /**
   * The snapshot: taken at the transaction's first read or write, not when it is started (MongoDB's
   * snapshot read concern: a multi-document transaction reads the snapshot of its first operation,
   * docs.mongodb.com "Read Concern \"snapshot\"" / Transactions and Read Concern).
   */
  startSeq: number | undefined;
  /** Pending writes by "collection/id": the document after the write, or null when removed. */
  writes: Map<string, { collection: string; id: string; doc: Docu | null }>;
}

const keyOf = (collection: string, id: string) => `${collection}/${id}`;
/** The sequence a transaction reads at: fixed by its first operation. */
const snapshotOf = (tx: Transaction, current: number): number => (tx.startSeq ??= current);

/**
 * A field name MongoDB cannot keep or address: one containing `.` (an update's path would split it) or
 * starting with `$` (an operator). The SDK serialises nested update data to dotted paths
 * (@cloudbase/database serializer/update.js, flattenObject), and MongoDB refuses such names in stored
 * documents ("Field names cannot contain the . character / start with $", docs.mongodb.com
 * "Documents › Field Names", before 5.0; still refused by update operators since).
 */
function badFieldName(value: unknown, path = ''): string | undefined {
  if (!value || typeof value !== 'object' || value instanceof Date) return undefined;
  if (Array.isArray(value)) {
    for (const element of value) {
      const bad = badFieldName(element, path);
      if (bad) return bad;
    }
    return undefined;
  }
  for (const [key, inner] of Object.entries(value as Docu)) {
    if (key.includes('.') || key.startsWith('$')) return `${path}${key}`;
    const bad = badFieldName(inner, `${path}${key}.`);
    if (bad) return bad;
  }
  return undefined;
}
const invalidFieldName = (name: string) =>
  new ServiceError('DATABASE_REQUEST_FAILED', `The dotted or dollar field '${name}' is not valid for storage.`);
/** The update operators the SDK sends (@cloudbase/database serializer/update.js). */
const UPDATE_OPERATORS = new Set(['$set', '$unset', '$inc', '$mul', '$push', '$pull', '$pullAll', '$addToSet', '$pop', '$min', '$max', '$rename']);
/**
 * An update operator's path: each of its parts is a field name, so none may be empty ("An empty update
 * path is not valid.") or start with `$` (refused for storage as above; the positional `$` operators are
 * not sent by this adapter and not emulated).
 */
function assertUpdatePath(path: string) {
  const part = path.split('.').find((p) => p === '' || p.startsWith('$'));
  if (part === '') throw new ServiceError('DATABASE_REQUEST_FAILED', `An empty update path is not valid: '${path}'.`);
  if (part !== undefined) throw invalidFieldName(path);
}
function assertStorable(doc: Docu) {
  const bad = badFieldName(doc);
  if (bad) throw invalidFieldName(bad);
}
const parseEjson = (value: unknown): unknown => (typeof value === 'string' ? EJSON.parse(value) : value);
const clone = <T>(value: T): T => structuredClone(value);

export async function startCloudBaseEmulator(options: EmulatorOptions = {}): Promise<CloudBaseEmulator> {
  let latencyMs = options.latencyMs ?? 0;
  let simulatedLatencyMs = options.simulatedLatencyMs ?? 0;
  let offset = 0;
  const now = () => (options.clockStart !== undefined ? options.clockStart : Date.now()) + offset;

  // Multi-version storage: every committed write is a version stamped with the commit's sequence
  // number, so a transaction reads the snapshot of its start (node-sdk test 读快照 / 读偏).
  const data = new Map<string, Map<string, Version[]>>();
  let seq = 0;
  const transactions = new Map<string, Transaction>();
  /** Document key → the transaction holding an uncommitted write on it (MongoDB's write lock). */
  const locks = new Map<string, string>();
  let counter = 0;
  let byAction: Record<string, number> = {};
  let trace: string[] = [];
  let cutAt: number | undefined;
  let txCounter = 0;
  const env = 'emulator';

  for (const name of options.collections ?? []) data.set(name, new Map());

  const collectionOf = (name: string | undefined) => {
    const found = name === undefined ? undefined : data.get(name);
    if (!found) throw missingCollection(String(name));
    return found;
  };

  const latest = (versions: Version[] | undefined) => versions?.[versions.length - 1];
  const atSeq = (versions: Version[] | undefined, at: number) => {
    if (!versions) return undefined;
    for (let i = versions.length - 1; i >= 0; i -= 1) if (versions[i]!.seq <= at) return versions[i];
    return undefined;
  };

  function release(tx: Transaction) {
    for (const key of tx.writes.keys()) if (locks.get(key) === tx.id) locks.delete(key);
    transactions.delete(tx.id);
  }

  /** The live transaction, or TransactionNotExist when unknown, finished or older than 30 s. */
  function liveTransaction(id: string): Transaction {
    const tx = transactions.get(id);
    if (!tx) throw notExist();
    if (now() - tx.startedAt > TRANSACTION_TTL_MS) {
      release(tx);
      throw notExist();
    }
    return tx;
  }

  function expireStale() {
    for (const tx of [...transactions.values()]) if (now() - tx.startedAt > TRANSACTION_TTL_MS) release(tx);
  }

  /** The documents a reader sees: the latest commit, or a transaction's snapshot with its own writes. */
  function visible(name: string, tx?: Transaction): Docu[] {
    const collection = collectionOf(name);
    const out: Docu[] = [];
    for (const [id, versions] of collection) {
      const pending = tx?.writes.get(keyOf(name, id));
      if (pending) {
        if (pending.doc) out.push(pending.doc);
        continue;
      }
      const version = tx ? atSeq(versions, snapshotOf(tx, seq)) : latest(versions);
      if (version?.doc) out.push(version.doc);
    }
    if (tx) for (const pending of tx.writes.values()) if (pending.collection === name && pending.doc && !collection.has(pending.id)) out.push(pending.doc);
    return out;
  }

  /**
   * A write inside a transaction: MongoDB's write-write conflict rule, which the service reports as
   * TransactionConflict and answers by aborting the transaction (node-sdk test 冲突检测: a document
   * another transaction wrote and has not committed; 读偏: a document committed by someone else after
   * this transaction's snapshot).
   */
  function writeInTransaction(tx: Transaction, name: string, id: string, next: (current: Docu | null) => Docu | null) {
    const collection = collectionOf(name);
    const key = keyOf(name, id);
    // A transaction past its 30 s has been rolled back by the service (the TransactionNotExist message
    // above): its locks no longer hold anyone up, inside a transaction as outside (waitForLock).
    expireStale();
    const holder = locks.get(key);
    const committed = latest(collection.get(id));
    const at = snapshotOf(tx, seq);
    if ((holder && holder !== tx.id) || (committed && committed.seq > at)) {
      release(tx);
      throw conflict();
    }
    const pending = tx.writes.get(key);
    const current = pending ? pending.doc : (atSeq(collection.get(id), at)?.doc ?? null);
    let doc: Docu | null;
    try {
      doc = next(current);
    } catch (error) {
      // Any failed statement aborts a MongoDB transaction; the SDK's rollback then finds none.
      release(tx);
      throw error;
    }
    locks.set(key, tx.id);
    tx.writes.set(key, { collection: name, id, doc });
  }

  /** A write outside a transaction waits for a transaction holding the document (MongoDB blocks it). */
  async function waitForLock(name: string, id: string) {
    for (;;) {
      expireStale();
      if (!locks.has(keyOf(name, id))) return;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  function commitWrite(name: string, id: string, doc: Docu | null) {
    const collection = collectionOf(name);
    const versions = collection.get(id) ?? [];
    versions.push({ seq, doc });
    collection.set(id, versions);
  }

  /** One document by _id as a reader sees it (the fast path of a DOC query or an _id equality). */
  function visibleById(name: string, id: string, tx?: Transaction): Docu | undefined {
    const collection = collectionOf(name);
    const pending = tx?.writes.get(keyOf(name, id));
    if (pending) return pending.doc ?? undefined;
    const versions = collection.get(id);
    return (tx ? atSeq(versions, snapshotOf(tx, seq)) : latest(versions))?.doc ?? undefined;
  }

  function findIds(name: string, query: unknown, queryType: string | undefined, tx?: Transaction): Docu[] {
    const filter = (query ?? {}) as Docu;
    if (queryType === 'DOC' || typeof filter._id === 'string') {
      const found = typeof filter._id === 'string' ? visibleById(name, filter._id, tx) : undefined;
      return found && (queryType === 'DOC' || matches(found, filter)) ? [found] : [];
    }
    // _id in [...]: the documents by their ids (the _id index), then the rest of the filter.
    const ids = (filter._id as Docu | undefined)?.$in;
    if (Array.isArray(ids) && ids.every((id) => typeof id === 'string')) {
      const byId = new Map<string, Docu>();
      for (const id of ids as string[]) {
        const found = visibleById(name, id, tx);
        if (found) byId.set(id, found);
      }
      const { _id: _ids, ...rest } = filter;
      return [...byId.values()].filter((d) => matches(d, rest));
    }
    const docs = visible(name, tx);
    checkIndexed(name, filter, undefined, docs.length);
    return docs.filter((d) => matches(d, filter));
  }

  // Indexes: the environment's list, by collection (plus _id's own, which every collection has).
  let indexFirstKeys: Map<string, Set<string>> | undefined;
  let indexList: EmulatedIndex[] | undefined;
  let scanLimit = SCAN_LIMIT;
  function useIndexes(indexes: readonly EmulatedIndex[] | undefined, limit = SCAN_LIMIT) {
    scanLimit = limit;
    indexList = indexes ? [...indexes] : undefined;
    if (!indexes) {
      indexFirstKeys = undefined;
      return;
    }
    indexFirstKeys = new Map();
    for (const index of indexes) {
      const first = index.keys[0]?.field;
      if (first !== undefined) indexFirstKeys.set(index.collection, (indexFirstKeys.get(index.collection) ?? new Set()).add(first));
    }
  }
  useIndexes(options.indexes, options.scanLimit);
  let unindexed: UnindexedQuery[] = [];

  /** The fields a filter constrains, at its top level and inside an $and. */
  function filterFields(filter: Docu): string[] {
    const out: string[] = [];
    for (const [key, value] of Object.entries(filter)) {
      if (key === '$and' && Array.isArray(value)) for (const part of value) out.push(...filterFields(part as Docu));
      else if (!key.startsWith('$')) out.push(key);
    }
    return out;
  }

  /**
   * A query an index serves: one of its filter's fields (other than _id) leads an index, or, filtering
   * by _id alone or nothing, its first sort key is _id or leads an index (MongoDB's planner uses an
   * index whose prefix the query constrains). Otherwise it scans the collection: recorded, and past
   * scanLimit documents answered with DATABASE_TIMEOUT as the service does.
   */
  function checkIndexed(name: string, filter: Docu, order: Record<string, number> | undefined, documents: number) {
    if (!indexFirstKeys) return;
    const leading = indexFirstKeys.get(name) ?? new Set<string>();
    const fields = filterFields(filter).filter((f) => f !== '_id');
    const sortFirst = Object.keys(order ?? {})[0];
    const served = fields.length > 0 ? fields.some((f) => leading.has(f)) : sortFirst === undefined || sortFirst === '_id' || leading.has(sortFirst);
    if (served) return;
    unindexed.push({ collection: name, fields: [...fields, ...(sortFirst ? [`sort:${sortFirst}`] : [])], documents });
    if (documents > scanLimit) throw new ServiceError('DATABASE_TIMEOUT', TIMEOUT_MESSAGE);
  }

  let nextAutoId = 0;
  const autoId = () => `emu${Date.now().toString(16)}${(nextAutoId++).toString(16).padStart(8, '0')}`;

  let base = '';
  const storage = createStorage({ env: options.env ?? 'test-env', base: () => base, now });
  const functions = createFunctions({ env: options.env ?? 'test-env', now });

  let quota: QuotaCode | undefined;

  async function handle(body: Docu): Promise<Docu> {
    const action = String(body.action);
    // A plan's limits reached (requests a second, concurrent connections, the day's reads and writes):
    // every request is refused with the code until the limit lifts (wx-server-sdk TCB_ERR_CODE
    // EXCEED_REQUEST_LIMIT -501003, EXCEED_CONCURRENT_REQUEST_LIMIT -501004: the codes a plan's limits answer).
    if (quota) throw new ServiceError(quota, `[LimitExceeded] ${quota === 'EXCEED_REQUEST_LIMIT' ? 'Request limit exceeded' : 'Concurrent request limit exceeded'}. Please check your request, but if the problem persists, contact us.`);
    if (action.startsWith('storage.')) return { data: storage.action(action, body) };
    if (action === 'functions.invokeFunction') return functions.invoke(body);
    const name = body.collectionName === undefined ? undefined : String(body.collectionName);
    const txId = body.transactionId === undefined ? undefined : String(body.transactionId);
    const query = parseEjson(body.query);
    const queryType = body.queryType === undefined ? undefined : String(body.queryType);
    switch (action) {
      case 'database.addCollection': {
        if (!name) throw new ServiceError('INVALID_PARAM', 'collectionName is required');
        if (data.has(name)) throw new ServiceError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse.TableExist] Table exist: ${name}.`);
        data.set(name, new Map());
        return {};
      }
      case 'database.startTransaction': {
        txCounter += 1;
        const tx: Transaction = { id: `tx-${txCounter}-${now()}`, startedAt: now(), startSeq: undefined, writes: new Map() };
        transactions.set(tx.id, tx);
        return { transactionId: tx.id };
      }
      case 'database.commitTransaction': {
        const tx = liveTransaction(String(txId));
        seq += 1;
        for (const write of tx.writes.values()) commitWrite(write.collection, write.id, write.doc);
        release(tx);
        return {};
      }
      case 'database.abortTransaction': {
        release(liveTransaction(String(txId)));
        return {};
      }
      case 'database.getDocument': {
        const tx = txId === undefined ? undefined : liveTransaction(txId);
        const limit = body.limit === undefined ? DEFAULT_LIMIT : Number(body.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new ServiceError('INVALID_PARAM', `limit must be an integer from 1 to ${MAX_LIMIT}`);
        collectionOf(name);
        const order = parseEjson(body.order) as Record<string, number> | undefined;
        const offsetN = body.offset === undefined ? 0 : Number(body.offset);
        const filter = (query ?? {}) as Docu;
        // An unfiltered query sorted by a field no index leads scans and sorts the whole collection.
        if (queryType !== 'DOC' && Object.keys(filter).length === 0 && order && Object.keys(order).length > 0) {
          checkIndexed(name!, filter, order, visible(name!, tx).length);
        }
        const projection = parseEjson(body.projection) as Record<string, unknown> | undefined;
        const found = sortDocs(findIds(name!, query, queryType, tx), order)
          .slice(offsetN, offsetN + limit)
          .map((d) => project(d, projection));
        return { data: { list: found.map((d) => EJSON.stringify(d, { relaxed: false })), limit, offset: offsetN } };
      }
      case 'database.calculateDocument': {
        collectionOf(name);
        return { data: { total: findIds(name!, query, queryType).length } };
      }
      case 'database.insertDocument': {
        const collection = collectionOf(name);
        const docs = (body.data as unknown[]).map((d) => parseEjson(d) as Docu);
        for (const doc of docs) assertStorable(doc);
        const ids: string[] = [];
        if (txId !== undefined) {
          const tx = liveTransaction(txId);
          for (const doc of docs) {
            const id = doc._id === undefined ? autoId() : String(doc._id);
            writeInTransaction(tx, name!, id, (current) => {
              if (current) throw duplicateKey(env, name!, id);
              return { ...clone(doc), _id: id };
            });
            ids.push(id);
          }
          return { data: { insertedIds: ids } };
        }
        for (const doc of docs) {
          const id = doc._id === undefined ? autoId() : String(doc._id);
          await waitForLock(name!, id);
          if (latest(collection.get(id))?.doc) throw duplicateKey(env, name!, id);
          seq += 1;
          commitWrite(name!, id, { ...clone(doc), _id: id });
          ids.push(id);
        }
        return { data: { insertedIds: ids } };
      }
      case 'database.modifyDocument': {
        collectionOf(name);
        const update = parseEjson(body.data) as Docu;
        // A replacement (set) is a stored document: its field names must be storable. An update's
        // top-level keys are operators and dotted paths, its values documents to store.
        if (!Object.keys(update).some((k) => UPDATE_OPERATORS.has(k))) assertStorable(update);
        else {
          for (const fields of Object.values(update)) {
            for (const [path, value] of Object.entries(fields as Docu)) {
              assertUpdatePath(path);
              assertStorable({ value });
            }
          }
        }
        const merge = body.merge === true || body.merge === 'true';
        const upsert = body.upsert === true || body.upsert === 'true';
        const multi = body.multi === true || body.multi === 'true';
        const tx = txId === undefined ? undefined : liveTransaction(txId);
        let targets = findIds(name!, query, queryType, tx);
        if (!multi) targets = targets.slice(0, 1);
        let upsertId: string | null = null;
        if (targets.length === 0 && upsert) {
          const id = queryType === 'DOC' ? String((query as Docu)._id) : autoId();
          upsertId = id;
          const created = applyUpdate({ _id: id }, update, merge);
          if (tx) writeInTransaction(tx, name!, id, () => created);
          else {
            await waitForLock(name!, id);
            seq += 1;
            commitWrite(name!, id, created);
          }
          return { data: { updated: 0, upsert_id: upsertId } };
        }
        for (const target of targets) {
          const id = String(target._id);
          if (tx) writeInTransaction(tx, name!, id, (current) => applyUpdate(current ?? target, update, merge));
          else {
            await waitForLock(name!, id);
            const current = latest(collectionOf(name).get(id))?.doc;
            if (!current) continue;
            seq += 1;
            commitWrite(name!, id, applyUpdate(current, update, merge));
          }
        }
        return { data: { updated: targets.length, upsert_id: upsertId } };
      }
      case 'database.removeDocument': {
        collectionOf(name);
        const multi = body.multi === true || body.multi === 'true';
        const tx = txId === undefined ? undefined : liveTransaction(txId);
        let targets = findIds(name!, query, queryType, tx);
        if (!multi) targets = targets.slice(0, 1);
        for (const target of targets) {
          const id = String(target._id);
          if (tx) writeInTransaction(tx, name!, id, () => null);
          else {
            await waitForLock(name!, id);
            seq += 1;
            commitWrite(name!, id, null);
          }
        }
        return { data: { deleted: targets.length } };
      }
      default:
        throw new ServiceError('INVALID_ACTION', `action ${action} is not emulated`);
    }
  }

  let requestSeq = 0;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      // The COS side of storage (uploads and temporary URLs): not a database call, not counted.
      if (req.url?.startsWith('/cos/')) return storage.cos(req, res, bytes);
      // The open API (subscribeMessage.send, cloudbase.sendSmsV2, urllink.generate): not a database call.
      if (isOpenApiRequest(req)) return openApi.handle(req, res, bytes);
      const raw = bytes.toString('utf8');
      counter += 1;
      const position = counter;
      let body: Docu;
      try {
        body = JSON.parse(raw) as Docu;
      } catch {
        res.statusCode = 400;
        res.end();
        return;
      }
      const action = String(body.action);
      byAction[action] = (byAction[action] ?? 0) + 1;
      trace.push([action, body.collectionName, body.transactionId === undefined ? '' : 'tx'].filter(Boolean).join(' '));
      offset += simulatedLatencyMs;
      if (cutAt !== undefined && position > cutAt) {
        req.socket.destroy();
        return;
      }
      const requestId = `emu-${(requestSeq += 1)}`;
      const answer = async () => {
        let reply: Docu;
        try {
          reply = { ...(await handle(body)), requestId };
        } catch (error) {
          if (error instanceof ServiceError || error instanceof StorageError || error instanceof FunctionError) reply = { code: error.code, message: error.message, requestId };
          else if (error instanceof QueryError) reply = { code: 'DATABASE_INVALID_OPERRATOR', message: error.message, requestId };
          else reply = { code: 'SYS_ERR', message: String(error), requestId };
        }
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(reply));
      };
      if (latencyMs > 0) setTimeout(() => void answer(), latencyMs);
      else void answer();
    });
  });
  // Node's clients keep connections alive (the SDK's requests reuse them); Node's server drops an idle one
  // after 5 s, and a request sent on it at that moment fails with ECONNRESET, which a loaded machine made
  // happen. The emulator keeps idle connections for 10 minutes instead, as a long-lived service would; close()
  // ends them all.
  server.keepAliveTimeout = 600_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  return {
    storage,
    functions,
    url: `http://127.0.0.1:${port}/admin`,
    get requests() {
      return counter;
    },
    get byAction() {
      return byAction;
    },
    get trace() {
      return trace;
    },
    resetCounter() {
      counter = 0;
      byAction = {};
      trace = [];
      if (cutAt !== undefined) cutAt = undefined;
    },
    now,
    advance(ms) {
      offset += ms;
    },
    setLatency(real, simulated = simulatedLatencyMs) {
      latencyMs = real;
      simulatedLatencyMs = simulated;
    },
    createCollection(name) {
      if (!data.has(name)) data.set(name, new Map());
    },
    collectionNames: () => [...data.keys()].sort(),
    documents(name) {
      return visible(name).map((d) => clone(d));
    },
    dump() {
      const out: Record<string, Docu[]> = {};
      for (const name of [...data.keys()].sort()) {
        out[name] = visible(name)
          .map((d) => clone(d))
          .sort((a, b) => (String(a._id) < String(b._id) ? -1 : 1));
      }
      return JSON.stringify(out);
    },
    cutAfter(n) {
      cutAt = n === undefined ? undefined : counter + n;
    },
    load(name, docs) {
      const collection = collectionOf(name);
      seq += 1;
      for (const doc of docs as readonly Docu[]) {
        const id = String(doc._id ?? doc.id);
        if (latest(collection.get(id))?.doc) throw duplicateKey(env, name, id);
        collection.set(id, [{ seq, doc: { ...clone(doc), _id: id } }]);
      }
    },
    reset(collections = options.collections ?? []) {
      data.clear();
      transactions.clear();
      locks.clear();
      for (const name of collections) data.set(name, new Map());
      storage.reset();
      functions.reset();
      unindexed = [];
      quota = undefined;
      counter = 0;
      byAction = {};
      cutAt = undefined;
    },
    get unindexed() {
      return unindexed;
    },
    useIndexes,
    addIndex(index) {
      useIndexes([...(indexList ?? []), index], scanLimit);
    },
    get indexes() {
      return indexList;
    },
    exhaustQuota(code) {
      quota = code;
    },
    openTransactions() {
      expireStale();
      return transactions.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
