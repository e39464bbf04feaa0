// The statistics kept as counters (moved in the commit of each change) must equal a full recomputation
// by the core (computeMetrics over every record) after any history of changes; and the rebuild command
// must find nothing to correct, or restore everything from the records when the read models are lost.
import fc from 'fast-check';
import { shanghaiDate } from '../../../src/core/calendar';
import { computeDue } from '../../../src/core/deadlines';
import { computeMetrics } from '../../../src/core/metrics';
import type { Rating, ReplyClass, Suggestion, Task, TaskState, UnitRole } from '../../../src/core/model';
import { SHANDONG_POLICY } from '../../../src/core/policy';
import type { StatsSummary } from '../../../src/contract';
import { createApi } from '../../../src/server/api';
import { openSqliteStore, type SqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { Directory } from '../../../src/server/directory';
import { rebuildReadModels } from '../../../src/server/read-models/rebuild';
import { metricsInput, statsSummary } from '../../../src/server/queries/reporting';
import type { Store } from '../../../src/server/ports';
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import { cloud, freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';
import { suggestion as suggestionDoc, task as taskDoc, user } from '../adapters/store.contract';

const NOW = '2026-05-20T02:00:00.000Z';
const UNITS = ['u1', 'u2', 'u3'];
const SESSIONS = ['十八届二次', '十八届三次'];
const STATES: TaskState[] = ['assigned', 'handling', 'returnRequested', 'returned', 'inReview', 'awaitingSignature', 'replied', 'opinionSent', 'rehandling', 'closed'];
const RATINGS: Rating[] = ['satisfied', 'basic', 'unsatisfied'];

type Step =
  | { kind: 'suggest'; session: number; year: number; phase: boolean; key: boolean }
  | { kind: 'assign'; s: number; unit: number; role: UnitRole; month: number }
  | { kind: 'state'; t: number; state: TaskState; round: number; replied: boolean; onTime: boolean }
  | { kind: 'reply'; t: number; round: number; cls: ReplyClass; signed: boolean }
  | { kind: 'feedback'; t: number; round: number; attitude: number; result: number }
  | { kind: 'contact'; t: number; faceToFace: boolean }
  | { kind: 'edit'; s: number; session: number; archived: boolean; disclose: boolean; month: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('suggest' as const), session: fc.nat(1), year: fc.constantFrom(2025, 2026), phase: fc.boolean(), key: fc.boolean() }),
  fc.record({ kind: fc.constant('assign' as const), s: fc.nat(), unit: fc.nat(2), role: fc.constantFrom<UnitRole>('lead', 'co', 'split', 'sole'), month: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('state' as const), t: fc.nat(), state: fc.constantFrom(...STATES), round: fc.integer({ min: 1, max: 2 }), replied: fc.boolean(), onTime: fc.boolean() }),
  fc.record({ kind: fc.constant('reply' as const), t: fc.nat(), round: fc.integer({ min: 1, max: 2 }), cls: fc.constantFrom<ReplyClass>('A', 'B', 'C', 'D'), signed: fc.boolean() }),
  fc.record({ kind: fc.constant('feedback' as const), t: fc.nat(), round: fc.integer({ min: 1, max: 2 }), attitude: fc.nat(2), result: fc.nat(2) }),
  fc.record({ kind: fc.constant('contact' as const), t: fc.nat(), faceToFace: fc.boolean() }),
  fc.record({ kind: fc.constant('edit' as const), s: fc.nat(), session: fc.nat(1), archived: fc.boolean(), disclose: fc.boolean(), month: fc.integer({ min: 1, max: 12 }) }),
);

const at = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-10T02:00:00.000Z`;

async function apply(store: Store, steps: Step[]) {
  const suggestions: string[] = [];
  const tasks: string[] = [];
  let n = 0;
  const id = (prefix: string) => `${prefix}${(n += 1)}`;
  for (const s of steps) {
    await store.transaction(async (tx) => {
      switch (s.kind) {
        case 'suggest': {
          const sid = id('s');
          suggestions.push(sid);
          tx.insert('suggestions', suggestionDoc(sid, { number: String(1000 + n), session: SESSIONS[s.session]!, phase: s.phase ? 'session' : 'recess', keySupervised: s.key, createdAt: at(s.year, 1) }));
          return;
        }
        case 'assign': {
          if (suggestions.length === 0) return;
          const sug = (await tx.get('suggestions', suggestions[s.s % suggestions.length]!))!;
          const assignedAt = sug.assignedAt ?? at(Number(sug.createdAt.slice(0, 4)), s.month);
          if (!sug.assignedAt) tx.update('suggestions', { ...sug, assignedAt, version: sug.version + 1 });
          const tid = id('t');
          tasks.push(tid);
          tx.insert('tasks', taskDoc(tid, { suggestionId: sug.id, unitId: UNITS[s.unit]!, role: s.role, assignedAt, due: computeDue(s.role, assignedAt, SHANDONG_POLICY), responsibleUserId: `p${s.unit}` }));
          return;
        }
        case 'state': {
          if (tasks.length === 0) return;
          const t = (await tx.get('tasks', tasks[s.t % tasks.length]!))!;
          const replyAt = s.onTime ? t.assignedAt : '2027-01-01T02:00:00.000Z';
          const next: Task = { ...t, state: s.state, round: s.round, version: t.version + 1 };
          delete next.firstRepliedAt;
          delete next.repliedAt;
          delete next.closedAt;
          delete next.opinionSentAt;
          if (s.round > 1) next.due = { ...t.due, rehandling: '2026-08-01' };
          if (s.replied) Object.assign(next, { firstRepliedAt: replyAt, repliedAt: replyAt });
          if (s.state === 'closed') next.closedAt = replyAt;
          if (s.state === 'opinionSent') next.opinionSentAt = replyAt;
          tx.update('tasks', next);
          return;
        }
        case 'reply': {
          if (tasks.length === 0) return;
          const t = (await tx.get('tasks', tasks[s.t % tasks.length]!))!;
          tx.insert('replies', {
            id: id('r'), taskId: t.id, suggestionId: t.suggestionId, round: s.round, class: s.cls, text: '答复', leaderContact: { name: '甲', phone: '12345' },
            handlerContact: { name: '乙', phone: '12345' }, coOpinionIds: [], reviews: [], ...(s.signed ? { signedAt: NOW, signerId: 'l' } : {}),
            createdBy: 'h', createdAt: NOW, updatedAt: NOW, version: 1,
          });
          return;
        }
        case 'feedback': {
          if (tasks.length === 0) return;
          const t = (await tx.get('tasks', tasks[s.t % tasks.length]!))!;
          tx.insert('feedback', { id: id('f'), replyId: 'r', taskId: t.id, suggestionId: t.suggestionId, round: s.round, deputyId: 'd1', attitude: RATINGS[s.attitude]!, result: RATINGS[s.result]!, at: NOW });
          return;
        }
        case 'contact': {
          if (tasks.length === 0) return;
          const t = (await tx.get('tasks', tasks[s.t % tasks.length]!))!;
          tx.insert('contacts', { id: id('c'), taskId: t.id, suggestionId: t.suggestionId, at: NOW, mode: 'meeting', people: '代表', notes: '面谈', faceToFace: s.faceToFace, createdBy: 'h', createdAt: NOW });
          return;
        }
        case 'edit': {
          if (suggestions.length === 0) return;
          const sug = (await tx.get('suggestions', suggestions[s.s % suggestions.length]!))!;
          const next: Suggestion = { ...sug, session: SESSIONS[s.session]!, version: sug.version + 1 };
          delete next.archivedAt;
          delete next.disclosure;
          if (s.archived) next.archivedAt = NOW;
          if (s.disclose) next.disclosure = { mode: 'full', decidedAt: NOW, decidedBy: 'c' };
          // Moving the 交办 date may move the suggestion to another year.
          if (sug.assignedAt) next.assignedAt = at(Number(sug.assignedAt.slice(0, 4)) + (s.month > 6 ? 1 : 0), s.month);
          tx.update('suggestions', next);
          return;
        }
      }
    });
  }
}

async function openWithRoster(): Promise<SqliteStore> {
  return roster(openSqliteStore(':memory:'));
}

async function roster<S extends Store>(store: S): Promise<S> {
  await store.transaction(async (tx) => {
    tx.insert('users', user('c1', { roles: ['coordinator'], openid: 'coordinator' }));
    tx.insert('users', user('d1', { name: '王建华' }));
    for (const u of UNITS) tx.insert('units', { id: u, name: `单位${u}`, departments: [] });
  });
  return store;
}

/** stats.summary through the counters, and the same summary recomputed by the core from every record. */
async function both(store: Store, query: { year?: number; session?: string; unitId?: string }) {
  const api = createApi({ store, clock: { now: () => NOW }, log: () => undefined });
  const res = await api({ action: 'stats.summary', data: query }, { openid: 'coordinator' });
  if (!res.ok) throw new Error(res.error.message);
  const filter = { ...(query.year !== undefined ? { year: query.year } : {}), ...(query.session ? { session: query.session } : {}) };
  const input = await metricsInput(store, filter);
  const scope = query.unitId ? { kind: 'unit' as const, unitId: query.unitId } : { kind: 'all' as const };
  const metrics = computeMetrics(input, scope, shanghaiDate(NOW), SHANDONG_POLICY);
  const want = await statsSummary(metrics, filter, new Directory(store));
  return { got: res.data as StatsSummary, want };
}

const QUERIES = [{}, { year: 2025 }, { year: 2026 }, { session: SESSIONS[1] }, { unitId: 'u1' }, { year: 2026, unitId: 'u2' }, { year: 2026, session: SESSIONS[0] }];

/** Rates computed from sums may differ from the core's in the last bit: compare them to 1e-12. */
const close = (value: unknown): unknown =>
  typeof value === 'number' && !Number.isInteger(value)
    ? expect.closeTo(value, 12)
    : Array.isArray(value)
      ? value.map(close)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, close(v)]))
        : value;

describe('statistics kept as counters', () => {
  it('equal a full recomputation after any history of changes, and the rebuild finds nothing to correct', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 60 }), async (steps) => {
        const store = await openWithRoster();
        try {
          await apply(store, steps);
          for (const query of QUERIES) {
            const { got, want } = await both(store, query);
            expect(got).toEqual(close(want));
          }
          expect(await rebuildReadModels(store)).toMatchObject({ rowsWritten: 0, countersWritten: 0 });
        } finally {
          store.close();
        }
      }),
      { numRuns: process.env.CI ? 120 : 40 },
    );
  });

  it('are restored from the records by the rebuild when the read models are lost', async () => {
    const store = await openWithRoster();
    try {
      await apply(store, fc.sample(fc.array(step, { minLength: 80, maxLength: 80 }), { numRuns: 1, seed: 7 })[0]!);
      const before = await both(store, {});
      expect(before.got.received).toBeGreaterThan(0);
      store.db.exec('DELETE FROM statCounters; DELETE FROM ledgerRows; DELETE FROM suggestionRows__viewers; DELETE FROM suggestionRows__facets; DELETE FROM suggestionRows');
      expect((await both(store, {})).got.received).toBe(0);
      const result = await rebuildReadModels(store);
      expect(result.countersWritten).toBeGreaterThan(0);
      for (const query of QUERIES) {
        const { got, want } = await both(store, query);
        expect(got).toEqual(close(want));
      }
    } finally {
      store.close();
    }
  });
});

describe('statistics kept as counters on CloudBase (emulated)', () => {
  let emulator: CloudBaseEmulator;
  beforeAll(async () => {
    emulator = await sharedEmulator({});
  });
  afterAll(() => emulator.close());

  it('equal a full recomputation after a history of changes', async () => {
    const store = await roster(await freshCloudStore(emulator));
    await apply(store, fc.sample(fc.array(step, { minLength: 40, maxLength: 40 }), { numRuns: 1, seed: 11 })[0]!);
    const counters = await store.find('statCounters');
    expect(counters.length).toBeGreaterThan(1);
    for (const query of QUERIES) {
      const { got, want } = await both(store, query);
      expect(got).toEqual(close(want));
    }
  }, 60_000);

  it('are corrected, or restored when lost, by the rebuild (npm run rebuild:read-models) from the records', async () => {
    const store = await roster(await freshCloudStore(emulator));
    await apply(store, fc.sample(fc.array(step, { minLength: 60, maxLength: 60 }), { numRuns: 1, seed: 7 })[0]!);
    expect(await rebuildReadModels(store)).toMatchObject({ rowsWritten: 0, countersWritten: 0 });
    const wanted = await Promise.all(QUERIES.map(async (query) => (await both(store, query)).want));
    const db = cloud.database();
    // One unit's count made wrong inside its year-session document: the rebuild sets it right.
    const group = emulator.documents('statCounters')[0]!;
    const unit = Object.keys(group.units as object).find((k) => k !== '*')!;
    await db.collection('statCounters').doc(String(group._id)).update({ data: { [`units.${unit}.received`]: db.command.inc(7) } });
    expect(await rebuildReadModels(store)).toMatchObject({ countersWritten: 1 });
    // Every counter lost: the rebuild writes them all anew.
    for (const doc of emulator.documents('statCounters')) await db.collection('statCounters').doc(String(doc._id)).remove();
    expect((await both(store, {})).got.received).toBe(0);
    expect((await rebuildReadModels(store)).countersWritten).toBeGreaterThan(1);
    for (const [i, query] of QUERIES.entries()) expect((await both(store, query)).got).toEqual(close(wanted[i]));
    expect(await rebuildReadModels(store)).toMatchObject({ rowsWritten: 0, countersWritten: 0 });
  }, 60_000);
});
