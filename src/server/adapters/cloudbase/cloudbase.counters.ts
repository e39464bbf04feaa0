// The statistics counters (statCounters) on CloudBase: one document per year and 届次, holding every
// unit's counts (and the office-wide '*') nested under `units.<unit key>`, so that a commit moves all
// its counters of a year and 届次 with one update request (docs/architecture.md, Scale). The
// Store port still answers one virtual document per counter — its id `year|session|unit` (counterId),
// year, session, unitId and the counts — as the SQLite store does; this module maps between the two.
import { COUNTER_FIELDS, counterId, parseCounterId, type StatCounter } from '../../ports/read-model-docs';
import type { IndexValue, Query } from '../../ports';
import type { PlannedIncrement, PlannedWrite, Revised } from '../unit-of-work';

export const COUNTERS = 'statCounters';
/** The field of a year-session document that holds each unit's counts by its key. */
export const UNITS = 'units';

/**
 * The Store port's statCounters index fields that are no field of the stored document: a unit is a
 * key inside its year-session document, so a query on it reads the year-session documents (few: one
 * per year and 届次) and keeps that unit's counts (cloudbase.indexes.ts creates no index for it).
 */
export const NESTED_COUNTER_FIELDS: readonly string[] = ['unitId'];

/** A stored year-session document as the SDK answers it. */
type Raw = Record<string, unknown>;

/** Where a counter lives: its year-session document's _id and its key in `units`. */
export interface CounterAddress {
  group: string;
  key: string;
}

/**
 * The address of a counter id, or undefined when the id is no counterId (nothing is stored under it).
 * The session and unit parts of a counterId are escaped (no `.`, no `$`, no `|`: counterId), so the
 * unit part is a field name the database keeps; an empty unit part is not (MongoDB refuses an empty
 * field name in an update path).
 */
export function counterAddress(id: string): CounterAddress | undefined {
  const parts = id.split('|');
  if (parts.length !== 3 || parts[2] === '') return undefined;
  const { year, session, unitId } = parseCounterId(id);
  if (!Number.isInteger(year) || counterId(year, session, unitId) !== id) return undefined;
  const cut = id.lastIndexOf('|');
  return { group: id.slice(0, cut), key: id.slice(cut + 1) };
}

const addressOf = (id: string): CounterAddress => {
  const address = counterAddress(id);
  if (!address) throw new Error(`not a counter id: ${id}`);
  return address;
};

/** A unit's key in its year-session documents (its escaped id, as in counterId). */
export const unitKey = (unitId: string): string => counterId(0, '', unitId).split('|')[2]!;

const revOf = (raw: Raw) => (typeof raw._rev === 'number' ? raw._rev : 1);

/**
 * The counters a year-session document holds, as the port's documents (sorted by id), each with the
 * document's revision. A count never moved reads as 0. A document of another shape (a counter stored
 * on its own by an older version: no `units`) holds none; the rebuild writes the counters anew.
 */
export function countersOf(raw: Raw): Revised<StatCounter>[] {
  const units = raw[UNITS];
  if (!units || typeof units !== 'object') return [];
  const out: Revised<StatCounter>[] = [];
  for (const [key, counts] of Object.entries(units as Record<string, Record<string, unknown>>)) {
    const id = `${String(raw._id)}|${key}`;
    const zeros = Object.fromEntries(COUNTER_FIELDS.map((f) => [f, 0]));
    out.push({ doc: { ...zeros, ...counts, id, ...parseCounterId(id) } as StatCounter, rev: revOf(raw) });
  }
  return out.sort((a, b) => compare(a.doc.id, b.doc.id));
}

const compare = (a: unknown, b: unknown): number => {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * The part of a counters query the year-session documents answer by index (year, session), and the
 * projection that keeps only the units asked for (the service's Query.field: a list of one unit does
 * not carry every unit's counts).
 */
export function groupQuery(query: Query<'statCounters'> | undefined): { where: Record<string, IndexValue | readonly IndexValue[]>; units?: string[] } {
  const where: Record<string, IndexValue | readonly IndexValue[]> = {};
  for (const field of ['year', 'session'] as const) {
    const value = query?.where?.[field];
    if (value !== undefined) where[field] = value;
  }
  const unit = query?.where?.unitId;
  if (unit === undefined) return { where };
  return { where, units: (Array.isArray(unit) ? (unit as readonly IndexValue[]) : [unit as IndexValue]).map((u) => unitKey(String(u))) };
}

/** The projection of a query for these unit keys (all fields when none is named). */
export function projectionOf(units: readonly string[] | undefined): Record<string, boolean> | undefined {
  if (!units) return undefined;
  return Object.fromEntries([['year', true], ['session', true], ['_rev', true], ...units.map((k) => [`${UNITS}.${k}`, true])]);
}

const matchesValue = (actual: unknown, wanted: IndexValue | readonly IndexValue[]) =>
  Array.isArray(wanted) ? (wanted as readonly IndexValue[]).includes(actual as IndexValue) : actual === wanted;

/**
 * A query of the port over the virtual counters (the year-session documents' counters): where, range,
 * order (by its fields, then id in the last one's direction; by id alone by default), afterId, offset,
 * limit — as the SQLite store answers them.
 */
export function selectCounters(counters: Revised<StatCounter>[], query: Query<'statCounters'> | undefined): Revised<StatCounter>[] {
  if (query?.search) throw new Error('no search field on statCounters');
  if (query?.every && Object.values(query.every).some((v) => v !== undefined)) throw new Error('every on scalar index statCounters');
  const field = (c: Revised<StatCounter>, name: string) => (c.doc as unknown as Record<string, unknown>)[name];
  let out = counters.filter((c) => {
    for (const [name, wanted] of Object.entries(query?.where ?? {}) as [string, IndexValue | readonly IndexValue[] | undefined][]) {
      if (wanted !== undefined && !matchesValue(field(c, name), wanted)) return false;
    }
    const range = query?.range;
    if (range) {
      const value = field(c, range.field);
      if (range.gte !== undefined && !(typeof value === typeof range.gte && compare(value, range.gte) >= 0)) return false;
      if (range.lt !== undefined && !(typeof value === typeof range.lt && compare(value, range.lt) < 0)) return false;
    }
    return true;
  });
  const order = query?.orderBy ?? [];
  const lastDesc = order[order.length - 1]?.desc ?? false;
  out.sort((a, b) => {
    for (const { field: name, desc } of order) {
      const c = compare(field(a, name), field(b, name));
      if (c !== 0) return desc ? -c : c;
    }
    const c = compare(a.doc.id, b.doc.id);
    return lastDesc ? -c : c;
  });
  if (query?.afterId !== undefined) out = out.filter((c) => compare(c.doc.id, query.afterId) > 0);
  const offset = query?.offset ?? 0;
  return out.slice(offset, query?.limit === undefined ? undefined : offset + query.limit);
}

/** The counts a counter document holds (without the fields its id is made of). */
function countsIn(doc: unknown): Record<string, unknown> {
  const { id: _id, year: _year, session: _session, unitId: _unit, ...counts } = doc as Record<string, unknown>;
  return counts;
}

/** What one commit does to one year-session document. */
export interface CounterGroupChange {
  group: string;
  year: number;
  session: string;
  /** Counters written whole (the rebuild), with this commit's increments added: by unit key. */
  set: Map<string, Record<string, unknown>>;
  /** Counts added (the unit of work's increments): by unit key, then field. */
  inc: Map<string, Record<string, number>>;
  /** The whole counters written, for the check of a commit tried again after a conflict. */
  writes: PlannedWrite[];
  /** The counters this commit creates when the document is not there yet: by unit key. */
  init: Map<string, Record<string, unknown>>;
}

/** A commit's counter writes and increments, by year-session document. */
export function counterChanges(writes: readonly PlannedWrite[], increments: readonly PlannedIncrement[]): CounterGroupChange[] {
  const groups = new Map<string, CounterGroupChange>();
  const groupOf = (id: string) => {
    const { group, key } = addressOf(id);
    let change = groups.get(group);
    if (!change) {
      const { year, session } = parseCounterId(id);
      groups.set(group, (change = { group, year, session, set: new Map(), inc: new Map(), writes: [], init: new Map() }));
    }
    return { change, key };
  };
  for (const write of writes) {
    const { change, key } = groupOf(write.id);
    change.set.set(key, countsIn(write.doc));
    change.writes.push(write);
  }
  for (const { id, init, deltas } of increments) {
    const { change, key } = groupOf(id);
    const written = change.set.get(key);
    if (written) {
      for (const [field, delta] of Object.entries(deltas)) written[field] = (typeof written[field] === 'number' ? (written[field] as number) : 0) + delta;
      continue;
    }
    const inc = change.inc.get(key) ?? {};
    for (const [field, delta] of Object.entries(deltas)) inc[field] = (inc[field] ?? 0) + delta;
    change.inc.set(key, inc);
    if (!change.init.has(key)) change.init.set(key, countsIn(init));
  }
  return [...groups.values()];
}

/** A new year-session document for a change (when none was there): its counters as the commit leaves them. */
export function newGroupDocument(change: CounterGroupChange): Record<string, unknown> {
  const units: Record<string, Record<string, unknown>> = {};
  for (const [key, counts] of change.set) units[key] = { ...counts };
  for (const [key, deltas] of change.inc) {
    const counts = { ...(change.init.get(key) ?? {}) };
    for (const [field, delta] of Object.entries(deltas)) counts[field] = (typeof counts[field] === 'number' ? (counts[field] as number) : 0) + delta;
    units[key] = counts;
  }
  return { _id: change.group, year: change.year, session: change.session, [UNITS]: units, _rev: 1 };
}

/** The current counter of a write, from its year-session document as stored (for the checked retry). */
export function storedCounter(raw: Raw | null, id: string): Revised<StatCounter> | undefined {
  return raw ? countersOf(raw).find((c) => c.doc.id === id) : undefined;
}
