// tasks.mine reads one page of the task read model (ledgerRows); every page must equal the plain
// computation over the stored records (the caller's tasks, each judged by the workflow from its
// suggestion's records), on SQLite and on the CloudBase emulator.
import { generateYear } from '../../../bench/generate';
import type { MyTasksData, MyTasksResult, SuggestionDetail, TaskListItem } from '../../../src/contract';
import type { User } from '../../../src/core/model';
import { isTerminal } from '../../../src/core/workflow';
import { createApi, type Api } from '../../../src/server/api';
import { openSqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { DEMO_UNITS, seedDemo } from '../../../src/server/setup/demo-data';
import { isDeputy, isUnitStaff, may } from '../../../src/server/access/permissions';
import type { Store } from '../../../src/server/ports';
import { numberSortKey } from '../../../src/server/read-models/project';
import { freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';

const NOW = '2026-05-20T02:00:00.000Z';
const STATES = { review: 'inReview', sign: 'awaitingSignature' } as const;

/** The demo office with 80 more suggestions of its units, some deputies of them able to log in. */
async function load(store: Store): Promise<void> {
  await seedDemo(store, NOW);
  const data = generateYear(80, DEMO_UNITS.map((u) => u.id), 5);
  await store.transaction(async (tx) => {
    for (const u of data.users) tx.insert('users', { id: u.id, name: u.name, roles: ['deputy'], openid: `gen-${u.id}`, createdAt: NOW, version: 1 });
    for (const s of data.suggestions) tx.insert('suggestions', { ...s, number: String(Number(s.number) + 7000), ...(Number(s.number) % 9 === 0 ? { archivedAt: NOW } : {}) });
    for (const t of data.tasks) tx.insert('tasks', t);
    for (const r of data.replies) tx.insert('replies', r);
    for (const c of data.contacts) tx.insert('contacts', c);
    for (const f of data.feedbacks) tx.insert('feedback', f);
  });
}

/**
 * What tasks.mine must answer. Which tasks and in what order: plain rules over the stored records. What each
 * item says of its task (state, deadline, actions, reasons): the suggestion's detail as the same caller sees it
 * (suggestions.get judges every task from the records, not from the read model), field by field.
 */
async function oracle(store: Store, api: Api, user: User, data: MyTasksData): Promise<TaskListItem[]> {
  const [suggestions, tasks] = await Promise.all([store.find('suggestions'), store.find('tasks')]);
  const waiting = (t: (typeof tasks)[number]) => t.state === 'returnRequested' || (t.extensionRequest !== undefined && !t.extensionRequest.decidedAt);
  const byId = new Map(suggestions.map((s) => [s.id, s]));
  const mine = tasks.filter((t) => {
    const s = byId.get(t.suggestionId)!;
    const listed =
      (isUnitStaff(user) && t.unitId === user.unitId) ||
      ((may(user, 'tasks.decideReturn') || may(user, 'tasks.decideExtension')) && waiting(t)) ||
      (isDeputy(user) && s.leadDeputyId === user.id && t.state === 'replied');
    if (!listed) return false;
    if (data.scope !== 'all' && (isTerminal(t.state) || s.archivedAt)) return false;
    return !data.queue || data.queue === 'all' || t.state === STATES[data.queue];
  });
  const details = new Map<string, SuggestionDetail>();
  for (const id of new Set(mine.map((t) => t.suggestionId))) {
    const res = await api({ action: 'suggestions.get', data: { id } }, { openid: user.openid! });
    if (!res.ok) throw new Error(`${user.openid} cannot read ${id}: ${res.error.code} ${res.error.message}`);
    details.set(id, res.data as SuggestionDetail);
  }
  const items = mine.map((task) => {
    const suggestion = byId.get(task.suggestionId)!;
    const view = details.get(suggestion.id)!.tasks.find((t) => t.id === task.id)!;
    const deadline = view.deadlines.find((d) => d.active);
    const item: TaskListItem = {
      id: task.id,
      suggestionId: suggestion.id,
      number: suggestion.number,
      title: suggestion.title,
      unitName: view.unitName,
      role: view.role,
      roleLabel: view.roleLabel,
      state: view.state,
      stateLabel: view.stateLabel,
      round: view.round,
      replyDue: deadline?.date ?? task.due.reply,
      ...(deadline ? { daysLeftText: deadline.daysLeftText, deadline } : {}),
      overdue: view.overdue,
      atRisk: view.atRisk,
      keySupervised: suggestion.keySupervised,
      version: task.version,
      allowedActions: view.allowedActions,
      blockedActions: view.blockedActions,
      ...(view.waitingFor ? { waitingFor: view.waitingFor } : {}),
    };
    return { item, key: `${numberSortKey(suggestion.session, suggestion.number)}\u0001${task.unitId}\u0001${task.id}` };
  });
  // Nearest date first, then 届次 and 建议号 (then the unit and the task).
  items.sort((a, b) => a.item.replyDue.localeCompare(b.item.replyDue) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return items.map((x) => x.item);
}

async function pagesOf(api: Api, openid: string, data: MyTasksData, pageSize: number): Promise<{ items: TaskListItem[]; totals: number[] }> {
  const items: TaskListItem[] = [];
  const totals: number[] = [];
  for (let page = 1; page < 100; page++) {
    const res = await api({ action: 'tasks.mine', data: { ...data, page, pageSize } }, { openid });
    if (!res.ok) throw new Error(`${res.error.code} ${res.error.message}`);
    const result = res.data as MyTasksResult;
    expect(result).toMatchObject({ page, pageSize });
    totals.push(result.total);
    items.push(...result.items);
    if (result.items.length < pageSize) break;
  }
  return { items, totals };
}

let emulator: Awaited<ReturnType<typeof sharedEmulator>> | undefined;
afterAll(async () => {
  await emulator?.close();
});

const CALLERS = ['demo-handler', 'demo-handler-co', 'demo-reviewer', 'demo-leader', 'demo-coordinator', 'demo-admin', 'demo-deputy', 'demo-deputy2', 'gen-d3', 'gen-d7'];
const QUERIES: MyTasksData[] = [{}, { queue: 'review' }, { queue: 'sign' }, { scope: 'all' }];

describe.each([
  ['SQLite', async () => openSqliteStore(':memory:') as Store],
  ['the CloudBase emulator', async () => freshCloudStore((emulator = await sharedEmulator({})))],
])('tasks.mine page by page on %s', (_name, open) => {
  let store: Store;
  let api: Api;
  beforeAll(async () => {
    store = await open();
    await load(store);
    api = createApi({ store, clock: { now: () => NOW }, log: () => undefined });
  }, 60_000);
  afterAll(async () => {
    await store.close?.();
  });

  it('equals the computation from the records for every caller, queue and scope, across pages', async () => {
    let listed = 0;
    const users = await store.find('users');
    for (const openid of CALLERS) {
      const user = users.find((u) => u.openid === openid)!;
      for (const data of QUERIES) {
        const want = await oracle(store, api, user, data);
        const { items, totals } = await pagesOf(api, openid, data, 7);
        expect({ openid, data, items }).toEqual({ openid, data, items: want });
        expect(new Set(totals)).toEqual(new Set([want.length]));
        listed += want.length;
      }
    }
    // Not a property of empty lists: the callers have work, some of it held up or waiting.
    expect(listed).toBeGreaterThan(100);
  }, 120_000);

  it('follows a change at once: a claimed task leaves 待认领 and shows its new actions', async () => {
    const before = await pagesOf(api, 'demo-handler', {}, 100);
    const assigned = before.items.find((t) => t.allowedActions.includes('tasks.claim'))!;
    expect(assigned).toBeDefined();
    const res = await api({ action: 'tasks.claim', data: { taskId: assigned.id, version: assigned.version } }, { openid: 'demo-handler' });
    expect(res.ok).toBe(true);
    const user = (await store.find('users', { where: { openid: 'demo-handler' } }))[0]!;
    const after = await pagesOf(api, 'demo-handler', {}, 100);
    expect(after.items).toEqual(await oracle(store, api, user, {}));
    expect(after.items.find((t) => t.id === assigned.id)!.allowedActions).not.toContain('tasks.claim');
  });

  it('refuses a page size out of range with VALIDATION', async () => {
    const res = await api({ action: 'tasks.mine', data: { pageSize: 101 } }, { openid: 'demo-handler' });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
