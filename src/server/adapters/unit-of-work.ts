// The unit of work both stores share: reads remember the revision they saw, writes are buffered,
// and the adapter's commit applies them all at once, refusing a document changed since it was read.
import { AppError } from '../../core/errors';
import type { AuditEvent } from '../../core/model';
import type { CollectionName, Doc, EventQuery, IdempotencyRecord, Query, Tx } from '../ports';
import { uniqueKeysOf } from './unique-keys';
import { detailsFromCollections } from '../read-models/details';
import { counterId, DETAIL_PARTS, parseCounterId, recordKey, type Counts, type StatCounter, type SuggestionDetailDoc } from '../ports/read-model-docs';
import { addCounts, detailRecords, emptyDetail, project, zeroCounts, type Contribution, type SuggestionRecords } from '../read-models/project';

export interface Revised<T> {
  doc: T;
  rev: number;
}

export interface RevReader {
  getWithRev<C extends CollectionName>(collection: C, id: string): Promise<Revised<Doc<C>> | undefined>;
  getManyWithRev<C extends CollectionName>(collection: C, ids: readonly string[]): Promise<Revised<Doc<C>>[]>;
  findWithRev<C extends CollectionName>(collection: C, query?: Query<C>): Promise<Revised<Doc<C>>[]>;
  count<C extends CollectionName>(collection: C, query?: Query<C>): Promise<number>;
  events(query: EventQuery): Promise<AuditEvent[]>;
  idempotency(requestId: string): Promise<IdempotencyRecord | undefined>;
}

export interface PlannedWrite {
  collection: CollectionName;
  id: string;
  doc: unknown;
  /** 0: the document must not exist yet; n: it must still be at revision n; -1: written whole, or read from its detail document (UnitOfWorkOptions.snapshot). */
  expectedRev: number;
  /**
   * Snapshot only: what this unit of work takes the document to be now (undefined: absent) — for a
   * row written whole, and for every document changed, so that a retried commit compares content.
   */
  expected?: unknown;
}

/** Numbers added to a document's fields at the commit, whatever they are then (no revision check). */
export interface PlannedIncrement {
  collection: CollectionName;
  id: string;
  /** The document to create when it does not exist yet (its number fields at zero). */
  init: Record<string, unknown>;
  deltas: Record<string, number>;
}

/**
 * Values set inside a document at the commit, whatever its revision then (no check): the records a
 * commit writes, copied into their suggestion's detail document. Two commits that write different
 * records of one suggestion both apply; two that write the same record already conflict on it.
 */
export interface PlannedPatch {
  collection: CollectionName;
  id: string;
  /** The document to create when it does not exist yet (before the values are set). */
  init: Record<string, unknown>;
  /** Values by path: a top-level field, or `field.key` (a key of that field's object). */
  set: Record<string, unknown>;
  /** The document is new in this commit (its suggestion is created here): insert it, with the new ones. */
  create?: boolean;
}

export interface CommitPlan {
  writes: PlannedWrite[];
  /** Documents removed (if present): only the UniqueKey claims a document gave up. */
  deletes: { collection: CollectionName; id: string }[];
  events: AuditEvent[];
  increments?: PlannedIncrement[];
  patches?: PlannedPatch[];
  remember?: IdempotencyRecord;
}

/** A detail document as this transaction first read it ({ doc: undefined } when absent), or undefined when not read. */
type ReadDetail = (suggestionId: string) => { doc: SuggestionDetailDoc | undefined } | undefined;

/** The collections a suggestion's read models are derived from (src/server/read-models/project.ts). */
const SOURCES = new Set<CollectionName>(['suggestions', 'tasks', 'replies', 'feedback', 'contacts', 'opinions', 'commitments']);
/** The collections a suggestion's detail document copies (src/server/read-models/project.ts). */
const DETAIL_SOURCES = new Set<CollectionName>(['suggestions', ...DETAIL_PARTS]);
/** Read models carry a stored copy of their suggestion's share of the counters. */
type StoredSuggestionRow = Doc<'suggestionRows'> & { contribution?: Contribution };

export const staleConflict = () => new AppError('CONFLICT');

/** The revision noted for a record copied from its detail document (its own revision is not known). */
export const FROM_DETAIL = -1;

const keyOf = (collection: string, id: string) => `${collection}/${id}`;
const copy = <T>(value: T): T => structuredClone(value);

/**
 * `snapshot`: every read of this unit of work is at least as new as the snapshot its commit is
 * checked against, and the store refuses a commit that writes a document changed since (CloudBase: the
 * transaction's write-write conflict). Then a suggestion's rows are derived from its detail document
 * as read (what they were) and as written (what they become), without reading the rows themselves,
 * and written whole (PlannedWrite.expectedRev -1); a record its detail document holds is taken from
 * there instead of read (FROM_DETAIL); and every document changed carries its content as read
 * (PlannedWrite.expected), which a commit tried again after a conflict compares with what is stored.
 */
export interface UnitOfWorkOptions {
  snapshot?: boolean;
}

export async function runUnitOfWork<T>(
  reader: RevReader,
  commit: (plan: CommitPlan) => Promise<void>,
  fn: (tx: Tx) => Promise<T>,
  options: UnitOfWorkOptions = {},
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
      before.set(key, doc === undefined ? undefined : copy(doc));
    }
  };

  /**
   * Snapshot only: a suggestion's record as the detail document this unit of work read holds it. The
   * detail document is written in the same commit as each of its records, and every read of a
   * transaction is of one snapshot, so the copy is the record as stored: it is not read again.
   */
  const fromDetail = (collection: CollectionName, id: string): { doc: unknown } | undefined => {
    if (!options.snapshot) return undefined;
    if (collection === 'suggestions') {
      const suggestion = (before.get(keyOf('suggestionDetails', id)) as SuggestionDetailDoc | undefined)?.suggestion;
      return suggestion ? { doc: suggestion } : undefined;
    }
    if (!(DETAIL_PARTS as readonly string[]).includes(collection)) return undefined;
    for (const [key, detail] of before) {
      if (!key.startsWith('suggestionDetails/') || !detail) continue;
      const part = (detail as Record<string, Record<string, unknown> | undefined>)[collection];
      const record = part?.[recordKey(id)];
      if (record) return { doc: record };
    }
    return undefined;
  };

  const tx: Tx = {
    async get(collection, id) {
      const buffered = writes.get(keyOf(collection, id));
      if (buffered) return copy(buffered.doc) as Doc<typeof collection>;
      // A document this unit of work has read already is not read again (its revision is the one noted).
      if (seen.has(keyOf(collection, id))) return copy(before.get(keyOf(collection, id))) as Doc<typeof collection> | undefined;
      const copied = fromDetail(collection, id);
      if (copied) {
        // Its revision is unknown (FROM_DETAIL): a retried commit compares its content instead.
        note(collection, id, FROM_DETAIL, copied.doc);
        return copy(copied.doc) as Doc<typeof collection>;
      }
      const found = await reader.getWithRev(collection, id);
      note(collection, id, found?.rev ?? 0, found?.doc);
      return found?.doc;
    },
    async getMany(collection, ids) {
      // Documents written in this transaction are read from it, the others in one call.
      const unique = [...new Set(ids)];
      const own = unique.filter((id) => writes.has(keyOf(collection, id)));
      const known = unique.filter((id) => !writes.has(keyOf(collection, id)) && seen.has(keyOf(collection, id)) && before.get(keyOf(collection, id)) !== undefined);
      const rest = unique.filter((id) => !writes.has(keyOf(collection, id)) && !seen.has(keyOf(collection, id)));
      const found = rest.length > 0 ? await reader.getManyWithRev(collection, rest) : [];
      for (const { doc, rev } of found) note(collection, (doc as { id: string }).id, rev, doc);
      return [
        ...found.map((r) => r.doc),
        ...known.map((id) => copy(before.get(keyOf(collection, id))) as Doc<typeof collection>),
        ...own.map((id) => copy(writes.get(keyOf(collection, id))!.doc) as Doc<typeof collection>),
      ];
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
      // Snapshot: the document as read goes with the write, for a retried commit to compare (see UnitOfWorkOptions).
      writes.set(key, { collection, id, doc: copy(doc), expectedRev: rev, ...(options.snapshot ? { expected: copy(before.get(key)) } : {}) });
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
    // A detail document the transaction has read already (loadTask) is not read again.
    const readDetail = (id: string) => {
      const key = keyOf('suggestionDetails', id);
      return seen.has(key) ? { doc: before.get(key) as SuggestionDetailDoc | undefined } : undefined;
    };
    // A row written whole, whatever is stored (snapshot only: see UnitOfWorkOptions).
    const put = (collection: 'suggestionRows' | 'ledgerRows', doc: { id: string }, expected: unknown) => {
      const key = keyOf(collection, doc.id);
      if (writes.has(key)) throw new Error(`${key} written twice`);
      writes.set(key, { collection, id: doc.id, doc: copy(doc), expectedRev: -1, ...(expected !== undefined ? { expected: copy(expected) } : {}) });
    };
    const nameBefore = (userId: string) => (before.get(keyOf('users', userId)) as { name?: string } | undefined)?.name;
    const projected =
      (options.snapshot ? await projectFromDetails(tx, [...writes.values()], readDetail, nameBefore, put) : undefined) ??
      (await projectReadModels(tx, [...writes.values()], readDetail, nameBefore));
    const increments = projected.increments;
    const patches = detailPatches([...writes.values()]);
    // Each detail document keeps the lead deputy's name its rows carry (so the next change need not read it).
    for (const [id, name] of projected.names) {
      const stored = readDetail(id)?.doc;
      if (stored?.deputyName === name) continue;
      let patch = patches.find((p) => p.id === id);
      // A suggestion without its document yet (until the rebuild) gets none for the name alone.
      if (!patch && !stored?.suggestion) continue;
      if (!patch) patches.push((patch = { collection: 'suggestionDetails', id, init: { ...emptyDetail(id) }, set: {} }));
      patch.set.deputyName = name;
    }
    await commit({ ...withUniqueKeys([...writes.values()], before), events, increments, patches, remember });
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

/** The document a patch makes of its initial document (for a document new in the commit). */
export function patchedDocument(patch: PlannedPatch): Record<string, unknown> {
  const doc = structuredClone(patch.init);
  for (const [path, value] of Object.entries(patch.set)) {
    const dot = path.indexOf('.');
    if (dot < 0) doc[path] = copy(value);
    else {
      const field = path.slice(0, dot);
      const inner = (doc[field] && typeof doc[field] === 'object' ? doc[field] : (doc[field] = {})) as Record<string, unknown>;
      inner[path.slice(dot + 1)] = copy(value);
    }
  }
  return doc;
}

/** Each written record set in its suggestion's detail document: one patch a suggestion. */
function detailPatches(writes: readonly PlannedWrite[]): PlannedPatch[] {
  const out = new Map<string, PlannedPatch>();
  for (const w of writes) {
    if (!DETAIL_SOURCES.has(w.collection)) continue;
    const suggestionId = w.collection === 'suggestions' ? w.id : (w.doc as { suggestionId?: string }).suggestionId;
    if (!suggestionId) continue;
    let patch = out.get(suggestionId);
    if (!patch) out.set(suggestionId, (patch = { collection: 'suggestionDetails', id: suggestionId, init: { ...emptyDetail(suggestionId) }, set: {} }));
    if (w.collection === 'suggestions' && w.expectedRev === 0) patch.create = true;
    patch.set[w.collection === 'suggestions' ? 'suggestion' : `${w.collection}.${recordKey(w.id)}`] = copy(w.doc);
  }
  return [...out.values()];
}

/**
 * Rebuilds the read models of every suggestion the writes touch, through the transaction (so a
 * concurrent change to the same suggestion makes one of the two commits fail with CONFLICT), and
 * returns the counter increments: the suggestion's new share minus the share stored with its row.
 */
/** The counter increments of a projection, and the lead deputy's name each touched suggestion's rows now carry. */
interface Projected {
  increments: PlannedIncrement[];
  names: Map<string, string>;
}

async function touchedSuggestions(tx: Tx, planned: readonly PlannedWrite[], nameBefore: (userId: string) => string | undefined): Promise<Set<string>> {
  const touched = new Set<string>();
  for (const w of planned) {
    // A deputy's name is in the search text of the suggestions he or she leads: only a new name touches them.
    if (w.collection === 'users' && w.expectedRev > 0 && (w.doc as { name?: string }).name !== nameBefore(w.id)) {
      for (const s of await tx.find('suggestions', { where: { leadDeputyId: w.id } })) touched.add(s.id);
    }
    if (!SOURCES.has(w.collection)) continue;
    touched.add(w.collection === 'suggestions' ? w.id : (w.doc as { suggestionId: string }).suggestionId);
  }
  return touched;
}

/**
 * The snapshot way (UnitOfWorkOptions.snapshot): each touched suggestion's rows as they are (derived
 * from its detail document as this unit of work read it, with the deputy's name as first read) and as
 * they become (with this unit of work's writes laid over it): the rows that differ are written whole,
 * the counters move by the difference of the two shares. Undefined when a touched suggestion has no
 * detail document yet (a data file from before them): then its rows are read (projectReadModels).
 */
async function projectFromDetails(
  tx: Tx,
  planned: readonly PlannedWrite[],
  readDetail: ReadDetail,
  nameBefore: (userId: string) => string | undefined,
  put: (collection: 'suggestionRows' | 'ledgerRows', doc: { id: string }, expected: unknown) => void,
): Promise<Projected | undefined> {
  const names = new Map<string, string>();
  const touched = await touchedSuggestions(tx, planned, nameBefore);
  if (touched.size === 0) return { increments: [], names };
  const ids = [...touched].sort();
  const created = new Set(planned.filter((w) => w.collection === 'suggestions' && w.expectedRev === 0).map((w) => w.id));
  const stored = ids.filter((id) => !created.has(id));
  const befores = new Map<string, SuggestionDetailDoc>();
  const unread = stored.filter((id) => readDetail(id) === undefined);
  if (unread.length > 0) await tx.getMany('suggestionDetails', unread);
  for (const id of stored) {
    const doc = readDetail(id)?.doc;
    if (!doc?.suggestion) return undefined;
    befores.set(id, copy(doc));
  }
  const afters = new Map(ids.map((id) => [id, copy(befores.get(id) ?? emptyDetail(id))]));
  layWrites(afters, planned);
  // The deputy's name: renamed here, kept in the detail document, or (a document from before it kept
  // the name) read; as it was for the rows stored, as it is for the rows written.
  const renamed = new Map(planned.filter((w) => w.collection === 'users').map((w) => [w.id, (w.doc as { name: string }).name]));
  const keptName = (id: string, deputyId: string) => {
    const b = befores.get(id);
    return b?.deputyName !== undefined && b.suggestion?.leadDeputyId === deputyId ? b.deputyName : undefined;
  };
  const toRead = new Set<string>();
  for (const id of ids) {
    const a = afters.get(id)!.suggestion?.leadDeputyId;
    if (a && !renamed.has(a) && keptName(id, a) === undefined) toRead.add(a);
    const b = befores.get(id);
    if (b?.suggestion?.leadDeputyId && b.deputyName === undefined) toRead.add(b.suggestion.leadDeputyId);
  }
  const read = new Map(toRead.size > 0 ? (await tx.getMany('users', [...toRead])).map((u) => [u.id, u.name]) : []);
  const nameOfAfter = (id: string, deputyId: string) => renamed.get(deputyId) ?? keptName(id, deputyId) ?? read.get(deputyId) ?? '';
  const nameOfBefore = (b: SuggestionDetailDoc) => b.deputyName ?? nameBefore(b.suggestion!.leadDeputyId) ?? read.get(b.suggestion!.leadDeputyId) ?? '';
  const recordsFrom = (d: SuggestionDetailDoc, deputyName: string): SuggestionRecords => {
    const r = detailRecords(d);
    return { suggestion: d.suggestion!, tasks: r.tasks, replies: r.replies, feedbacks: r.feedback, contacts: r.contacts, opinions: r.opinions, commitments: r.commitments, deputyName };
  };
  const increments = new Map<string, Counts & { _init: StatCounter }>();
  for (const id of ids) {
    const after = afters.get(id)!;
    if (!after.suggestion) continue;
    const deputyName = nameOfAfter(id, after.suggestion.leadDeputyId);
    names.set(id, deputyName);
    const next = project(recordsFrom(after, deputyName));
    const b = befores.get(id);
    const prev = b ? project(recordsFrom(b, nameOfBefore(b))) : undefined;
    const row: StoredSuggestionRow = { ...next.suggestionRow, contribution: next.contribution };
    const prevRow = prev ? { ...prev.suggestionRow, contribution: prev.contribution } : undefined;
    if (!prevRow) tx.insert('suggestionRows', row);
    else if (JSON.stringify(prevRow) !== JSON.stringify(row)) put('suggestionRows', row, prevRow);
    const prevLedger = new Map((prev?.ledgerRows ?? []).map((r) => [r.id, r]));
    for (const ledgerRow of next.ledgerRows) {
      const was = prevLedger.get(ledgerRow.id);
      if (!prev) tx.insert('ledgerRows', ledgerRow);
      else if (JSON.stringify(was) !== JSON.stringify(ledgerRow)) put('ledgerRows', ledgerRow, was);
    }
    for (const [counter, counts] of Object.entries(next.contribution)) addIncrement(increments, counter, counts, 1);
    for (const [counter, counts] of Object.entries(prev?.contribution ?? {})) addIncrement(increments, counter, counts, -1);
  }
  return { increments: incrementsOf(increments), names };
}

/** This unit of work's records laid over their suggestions' detail documents. */
function layWrites(details: Map<string, SuggestionDetailDoc>, planned: readonly PlannedWrite[]): void {
  for (const w of planned) {
    const doc = w.doc as { id: string; suggestionId?: string };
    if (w.collection === 'suggestions') {
      const d = details.get(w.id);
      if (d) d.suggestion = copy(w.doc) as SuggestionDetailDoc['suggestion'];
    } else if ((DETAIL_PARTS as readonly string[]).includes(w.collection) && doc.suggestionId !== undefined) {
      const d = details.get(doc.suggestionId);
      if (d) (d[w.collection as (typeof DETAIL_PARTS)[number]] as Record<string, unknown>)[recordKey(doc.id)] = copy(doc);
    }
  }
}

function incrementsOf(increments: Map<string, Counts & { _init: StatCounter }>): PlannedIncrement[] {
  const out: PlannedIncrement[] = [];
  for (const [id, { _init, ...counts }] of increments) {
    const deltas = Object.fromEntries(Object.entries(counts).filter(([, v]) => v !== 0));
    if (Object.keys(deltas).length > 0) out.push({ collection: 'statCounters', id, init: _init as unknown as Record<string, unknown>, deltas });
  }
  return out;
}

async function projectReadModels(tx: Tx, planned: readonly PlannedWrite[], readDetail: ReadDetail, nameBefore: (userId: string) => string | undefined): Promise<Projected> {
  const touched = await touchedSuggestions(tx, planned, nameBefore);
  const increments = new Map<string, Counts & { _init: StatCounter }>();
  const names = new Map<string, string>();
  if (touched.size === 0) return { increments: [], names };
  const ids = [...touched].sort();
  // A suggestion created in this transaction has nothing stored yet: its rows come from the buffer alone.
  const created = new Set(planned.filter((w) => w.collection === 'suggestions' && w.expectedRev === 0).map((w) => w.id));
  const stored = ids.filter((id) => !created.has(id));
  // Everything the touched suggestions' rows derive from, in one query a collection (not one a suggestion).
  const [records, previousRows, existingRows] = await Promise.all([
    recordsOf(tx, planned, ids, stored, readDetail),
    stored.length > 0 ? tx.getMany('suggestionRows', stored) : Promise.resolve([]),
    stored.length > 0 ? tx.find('ledgerRows', { where: { suggestionId: stored } }) : Promise.resolve([]),
  ]);
  const previousById = new Map(previousRows.map((r) => [r.id, r as StoredSuggestionRow]));
  const existing = new Map(existingRows.map((r) => [r.id, r]));
  for (const record of records) {
    names.set(record.suggestion.id, record.deputyName);
    const { suggestionRow, ledgerRows, contribution } = project(record);
    const previous = previousById.get(record.suggestion.id);
    const row: StoredSuggestionRow = { ...suggestionRow, contribution };
    if (!previous) tx.insert('suggestionRows', row);
    else if (JSON.stringify(previous) !== JSON.stringify(row)) tx.update('suggestionRows', row);
    for (const ledgerRow of ledgerRows) {
      const before = existing.get(ledgerRow.id);
      if (!before) tx.insert('ledgerRows', ledgerRow);
      else if (JSON.stringify(before) !== JSON.stringify(ledgerRow)) tx.update('ledgerRows', ledgerRow);
    }
    for (const [id, counts] of Object.entries(contribution)) addIncrement(increments, id, counts, 1);
    for (const [id, counts] of Object.entries(previous?.contribution ?? {})) addIncrement(increments, id, counts, -1);
  }
  return { increments: incrementsOf(increments), names };
}

function addIncrement(into: Map<string, Counts & { _init: StatCounter }>, id: string, counts: Partial<Counts>, sign: 1 | -1) {
  let entry = into.get(id);
  if (!entry) {
    const init: StatCounter = { id, ...parseCounterId(id), ...zeroCounts() };
    if (counterId(init.year, init.session, init.unitId) !== id) throw new Error(`bad counter id ${id}`);
    entry = { ...zeroCounts(), _init: init };
    into.set(id, entry);
  }
  addCounts(entry, counts, sign);
}

/**
 * The suggestions' records as this transaction sees them: their detail documents (one request for
 * all), with this transaction's own writes laid over them. A suggestion without a detail document (a
 * data file from before them, until the rebuild) is read from its collections, one query a kind.
 */
async function recordsOf(
  tx: Tx,
  planned: readonly PlannedWrite[],
  suggestionIds: readonly string[],
  stored: readonly string[],
  readDetail: ReadDetail,
): Promise<SuggestionRecords[]> {
  const details = new Map<string, SuggestionDetailDoc>();
  const known = stored.filter((id) => readDetail(id) !== undefined);
  for (const id of known) {
    const doc = readDetail(id)!.doc;
    if (doc?.suggestion) details.set(id, copy(doc));
  }
  const unread = stored.filter((id) => readDetail(id) === undefined);
  for (const d of unread.length > 0 ? await tx.getMany('suggestionDetails', unread) : []) if (d.suggestion) details.set(d.id, d);
  const missing = stored.filter((id) => !details.has(id));
  if (missing.length > 0) for (const d of await detailsFromCollections(tx, missing)) details.set(d.id, d);
  for (const id of suggestionIds) if (!details.has(id)) details.set(id, emptyDetail(id));
  layWrites(details, planned);
  const suggestions = suggestionIds.map((id) => details.get(id)!).filter((d) => d.suggestion).sort((a, b) => (a.id < b.id ? -1 : 1));
  const deputies = new Map((await tx.getMany('users', suggestions.map((d) => d.suggestion!.leadDeputyId).filter(Boolean))).map((u) => [u.id, u.name]));
  return suggestions.map((d) => {
    const r = detailRecords(d);
    return {
      suggestion: d.suggestion!,
      tasks: r.tasks,
      replies: r.replies,
      feedbacks: r.feedback,
      contacts: r.contacts,
      opinions: r.opinions,
      commitments: r.commitments,
      deputyName: deputies.get(d.suggestion!.leadDeputyId) ?? '',
    };
  });
}

