// suggestions.list and ledger.list filter, search, sort, page and count through the store's read
// models; every answer must equal the oracle computed from the stored records with plain array code.
import fc from 'fast-check';
import { generateYear } from '../../../bench/generate';
import type { CaseFilters } from '../../../src/contract';
import type { User } from '../../../src/core/model';
import { SHANDONG_POLICY } from '../../../src/core/policy';
import { createApi, type Api } from '../../../src/server/api';
import { openSqliteStore, type SqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { DEMO_UNITS, seedDemo } from '../../../src/server/setup/demo-data';
import { ledgerOracle, loadRaw, suggestionOracle, type Raw, type Sort } from './list-oracle';

const NOW = '2026-05-20T02:00:00.000Z';
const TODAY = '2026-05-20';
const UNIT_IDS = DEMO_UNITS.map((u) => u.id);
const NAMES = ['王建华', '李秀英', '张立新', '陈静', '刘洋'];

let store: SqliteStore;
let api: Api;
let raw: Raw;

beforeAll(async () => {
  store = openSqliteStore(':memory:');
  await seedDemo(store, NOW);
  const data = generateYear(160, UNIT_IDS, 11);
  await store.transaction(async (tx) => {
    for (const u of data.users) {
      tx.insert('users', { id: u.id, name: NAMES[Number(u.id.slice(1)) % NAMES.length]!, roles: ['deputy'], createdAt: NOW, version: 1 });
    }
    // Numbers from 6001 on: the demo's own 建议号 stay unique within their session.
    for (const s of data.suggestions) tx.insert('suggestions', { ...s, number: String(Number(s.number) + 5000), keySupervised: Number(s.number) % 7 === 0, session: Number(s.number) % 5 === 0 ? '十八届二次' : s.session });
    for (const t of data.tasks) tx.insert('tasks', t);
    for (const r of data.replies) tx.insert('replies', r);
    for (const c of data.contacts) tx.insert('contacts', c);
    for (const f of data.feedbacks) tx.insert('feedback', { ...f, ...(Number(f.suggestionId.slice(1)) % 6 === 0 ? { result: 'unsatisfied' as const } : {}) });
  });
  api = createApi({ store, clock: { now: () => NOW } });
  raw = await loadRaw(store);
});
afterAll(() => store.close());

async function call<T>(openid: string, action: string, data: unknown): Promise<T> {
  const res = await api({ action, data }, { openid });
  if (!res.ok) throw new Error(`${action}: ${res.error.code} ${res.error.message}`);
  return res.data as T;
}

const allFilters = fc.record(
  {
    session: fc.constantFrom('十八届三次', '十八届二次'),
    year: fc.constantFrom(2026, 2025),
    unitId: fc.constantFrom(...UNIT_IDS),
    status: fc.constantFrom('pending', 'handling', 'replied', 'closed'),
    state: fc.constantFrom('assigned', 'handling', 'replied', 'closed', 'opinionSent'),
    role: fc.constantFrom('lead', 'co', 'split', 'sole'),
    overdue: fc.boolean(),
    atRisk: fc.constant(true as const),
    replyClass: fc.constantFrom('A', 'B', 'C', 'D'),
    satisfaction: fc.constantFrom('satisfied', 'basic', 'unsatisfied', 'none'),
    phase: fc.constantFrom('session', 'recess'),
    keySupervised: fc.boolean(),
    responsibleUserId: fc.constantFrom('h0', 'h1', 'h2'),
    keyword: fc.constantFrom('60', '6012', '第1', '项工作', '李秀英', '王', '建议', '不存在的'),
    sort: fc.constantFrom('number', 'replyDue', 'assignedAt'),
    order: fc.constantFrom('asc', 'desc'),
  },
  { requiredKeys: [] },
);
/** Up to three filters at once (more seldom match anything), with a sort. */
const filters: fc.Arbitrary<CaseFilters & Sort> = allFilters.chain((all) =>
  fc.shuffledSubarray(Object.keys(all), { maxLength: 3 }).map((keys) => {
    const picked = Object.fromEntries(keys.map((k) => [k, (all as Record<string, unknown>)[k]]));
    return { ...picked, ...(all.sort ? { sort: all.sort } : {}), ...(all.order ? { order: all.order } : {}) } as CaseFilters & Sort;
  }),
);
/** The share of generated queries that matched something, so that a property cannot pass on empty pages alone. */
const matched = { some: 0, runs: 0 };
afterAll(() => {
  expect(matched.some / matched.runs).toBeGreaterThan(0.3);
});

const paging = fc.record({ page: fc.integer({ min: 1, max: 3 }), pageSize: fc.constantFrom(5, 20, 100) });
const runs = { numRuns: process.env.CI ? 150 : 60 };

describe('ledger.list with filters, search, sort and pages', () => {
  it('answers the page and the total the stored records give, for the office', async () => {
    await fc.assert(
      fc.asyncProperty(filters, paging, async (f, p) => {
        const got = await call<{ items: { taskId: string }[]; total: number; page: number }>('demo-coordinator', 'ledger.list', { ...f, ...p });
        const want = ledgerOracle(raw, f, TODAY, SHANDONG_POLICY.atRiskDays, p.page, p.pageSize);
        matched.runs += 1;
        if (want.ids.length > 0) matched.some += 1;
        expect({ total: got.total, ids: got.items.map((i) => i.taskId) }).toEqual(want);
      }),
      runs,
    );
  });

  it('holds a unit’s staff to their own unit, whatever unit they ask for', async () => {
    const got = await call<{ items: { taskId: string; unitName: string }[]; total: number }>('demo-handler', 'ledger.list', { pageSize: 100 });
    expect(got.total).toBe(raw.tasks.filter((t) => t.unitId === 'unit-fgw').length);
    expect(new Set(got.items.map((i) => i.unitName))).toEqual(new Set(['市发展改革委']));
    const other = await api({ action: 'ledger.list', data: { unitId: 'unit-jtj' } }, { openid: 'demo-handler' });
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses unknown values with VALIDATION', async () => {
    for (const data of [{ state: 'lost' }, { satisfaction: 'happy' }, { sort: 'title' }, { atRisk: false }, { pageSize: 101 }, { keyword: 'x'.repeat(51) }]) {
      expect(await api({ action: 'ledger.list', data }, { openid: 'demo-coordinator' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });
});

describe('suggestions.list with filters, search, sort and pages', () => {
  const callers: [string, string][] = [
    ['demo-coordinator', 'user-coordinator'],
    ['demo-handler', 'user-handler'],
    ['demo-deputy', 'user-deputy-wang'],
  ];
  it.each(callers)('answers the page and the total the stored records give, for %s', async (openid, userId) => {
    const user = raw.users.find((u) => u.id === userId) as User;
    await fc.assert(
      fc.asyncProperty(filters, paging, async (f, p) => {
        const got = await call<{ items: { id: string }[]; total: number }>(openid, 'suggestions.list', { ...f, ...p });
        const want = suggestionOracle(raw, user, f, TODAY, SHANDONG_POLICY.atRiskDays, p.page, p.pageSize);
        matched.runs += 1;
        if (want.ids.length > 0) matched.some += 1;
        expect({ total: got.total, ids: got.items.map((i) => i.id) }).toEqual(want);
      }),
      runs,
    );
  });

  it('finds a suggestion by part of its 建议号, its title or its deputy, in one or more characters', async () => {
    for (const keyword of ['6012', '第12项', '秀', '李秀英']) {
      const got = await call<{ items: { number: string; title: string; leadDeputyName: string }[]; total: number }>('demo-coordinator', 'suggestions.list', { keyword, pageSize: 100 });
      expect(got.total).toBeGreaterThan(0);
      for (const item of got.items) expect(`${item.number} ${item.title} ${item.leadDeputyName}`).toContain(keyword);
    }
  });
});
