// Every screen costs at most 5 CloudBase requests, whatever the size of the office: each screen's
// action is called on the CloudBase emulator (the real wx-server-sdk, docs/cloudbase-emulator.md) at
// a small and at a four times larger office, and its requests are counted (what CloudBase bills); a
// contact logged (a write) is held to what it costs now.
import { generateOffice, type OfficeData } from '../../../bench/generate';
import { loadOffice } from '../../../bench/load.bench';
import { createApi } from '../../../src/server/api';
import { freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';

const NOW = '2026-06-20T02:00:00.000Z';
const SIZES = [30, 120];
const LIMIT = 5;

/** The first `size` suggestions of the city office with their records; the finished ones disclosed. */
function office(size: number): OfficeData {
  const data = generateOffice('city');
  data.suggestions = data.suggestions.slice(0, size);
  const keep = new Set(data.suggestions.map((s) => s.id));
  data.tasks = data.tasks.filter((t) => keep.has(t.suggestionId));
  data.replies = data.replies.filter((r) => keep.has(r.suggestionId));
  data.contacts = data.contacts.filter((c) => keep.has(c.suggestionId));
  data.feedbacks = data.feedbacks.filter((f) => keep.has(f.suggestionId));
  data.events = data.events.filter((e) => keep.has(e.suggestionId!));
  // Every finished suggestion disclosed in full (公开), so that the public pages have something to show.
  for (const s of data.suggestions) {
    const replying = data.tasks.filter((t) => t.suggestionId === s.id && t.role !== 'co');
    if (replying.length > 0 && replying.every((t) => t.state === 'closed')) s.disclosure = { mode: 'full', decidedAt: '2026-06-01T02:00:00.000Z', decidedBy: 'c0' };
  }
  return data;
}

interface Screen {
  name: string;
  openid?: string;
  action: string;
  data: Record<string, unknown>;
}

/** The screens a user opens, with the caller and the request each one sends. */
function screens(data: OfficeData): Screen[] {
  // Callers whose lists are not empty at the smaller size already (the first suggestions are the same
  // at both): an empty page costs one request less (no names), which is not a saving of scale.
  const first = data.tasks.filter((t) => data.suggestions.slice(0, SIZES[0]).some((s) => s.id === t.suggestionId));
  const unitWith = (states: readonly string[]) => {
    const perUnit = new Map<string, number>();
    for (const t of first) if (states.includes(t.state)) perUnit.set(t.unitId, (perUnit.get(t.unitId) ?? 0) + 1);
    return [...perUnit].sort((a, b) => b[1] - a[1])[0]![0];
  };
  const unit = unitWith(['assigned', 'handling', 'inReview', 'awaitingSignature', 'replied', 'rehandling', 'returnRequested']);
  const reviewing = unitWith(['inReview']);
  const signing = unitWith(['awaitingSignature']);
  const task = first.find((t) => t.unitId === unit)!;
  const disclosed = data.suggestions.find((s) => s.disclosure)!.id;
  const deputy = `bench-deputy-${data.suggestions[0]!.leadDeputyId.slice(1)}`;
  const office = 'bench-coordinator';
  return [
    { name: 'me', openid: office, action: 'me', data: {} },
    { name: "deputy's home (suggestions.list)", openid: deputy, action: 'suggestions.list', data: { pageSize: 100 } },
    { name: "office's home (suggestions.list)", openid: office, action: 'suggestions.list', data: { pageSize: 100 } },
    { name: 'suggestions.list page 2', openid: office, action: 'suggestions.list', data: { page: 2, pageSize: 20 } },
    { name: 'suggestions.list filter', openid: office, action: 'suggestions.list', data: { status: 'handling', role: 'lead' } },
    { name: 'suggestions.list search', openid: office, action: 'suggestions.list', data: { keyword: '社区养老' } },
    { name: "handler's tasks (tasks.mine)", openid: `bench-h-${unit}`, action: 'tasks.mine', data: { scope: 'open', queue: 'all' } },
    { name: "handler's tasks page 2", openid: `bench-h-${unit}`, action: 'tasks.mine', data: { scope: 'all', page: 2, pageSize: 1 } },
    { name: "reviewer's queue (tasks.mine)", openid: `bench-r-${reviewing}`, action: 'tasks.mine', data: { scope: 'open', queue: 'review' } },
    { name: "leader's queue (tasks.mine)", openid: `bench-l-${signing}`, action: 'tasks.mine', data: { scope: 'open', queue: 'sign' } },
    { name: "coordinator's decisions (tasks.mine)", openid: office, action: 'tasks.mine', data: {} },
    { name: "deputy's ratings (tasks.mine)", openid: deputy, action: 'tasks.mine', data: {} },
    { name: 'detail (suggestions.get), office', openid: office, action: 'suggestions.get', data: { id: task.suggestionId } },
    { name: 'detail (suggestions.get), unit', openid: `bench-h-${unit}`, action: 'suggestions.get', data: { id: task.suggestionId } },
    { name: 'detail (suggestions.get), deputy', openid: deputy, action: 'suggestions.get', data: { id: data.suggestions[0]!.id } },
    { name: 'ledger.list', openid: office, action: 'ledger.list', data: { page: 1, pageSize: 20 } },
    { name: "ledger.list, a unit's", openid: `bench-h-${unit}`, action: 'ledger.list', data: { page: 1, pageSize: 20 } },
    { name: 'stats.summary', openid: office, action: 'stats.summary', data: {} },
    { name: "statistics page, the year's figures (stats.summary)", openid: office, action: 'stats.summary', data: { year: Number(NOW.slice(0, 4)) } },
    { name: 'messages (notifications.mine)', openid: `bench-h-${unit}`, action: 'notifications.mine', data: {} },
    { name: 'units.list', openid: office, action: 'units.list', data: {} },
    { name: 'public list (public.list)', action: 'public.list', data: {} },
    { name: 'public reply (public.get)', action: 'public.get', data: { id: disclosed } },
    { name: "roster's people (users.list)", openid: office, action: 'users.list', data: {} },
    { name: "a person's bind codes (users.bindCodes)", openid: office, action: 'users.bindCodes', data: { userId: 'd1' } },
  ];
}

/** A write: a phone call logged on a task in hand (after the screens, so that they see the same data at both sizes). */
function write(data: OfficeData): Screen {
  const task = data.tasks.find((t) => t.state === 'handling' && t.role !== 'co' && data.suggestions.slice(0, SIZES[0]).some((s) => s.id === t.suggestionId))!;
  return {
    name: 'tasks.logContact (a write)',
    openid: `bench-h-${task.unitId}`,
    action: 'tasks.logContact',
    data: { taskId: task.id, at: NOW, mode: 'phone', people: '代表、承办人', notes: '电话沟通办理进展。', faceToFace: false },
  };
}
const WRITE_LIMIT = 11;

let emulator: CloudBaseEmulator;
/** Requests per screen, one figure per size. */
const counts = new Map<string, number[]>();

beforeAll(async () => {
  emulator = await sharedEmulator({});
  for (const size of SIZES) {
    const store = await freshCloudStore(emulator);
    const data = office(size);
    await loadOffice(store, data, 20);
    const api = createApi({ store, clock: { now: () => NOW }, log: () => undefined });
    for (const screen of [...screens(data), write(data)]) {
      emulator.resetCounter();
      const res = await api({ action: screen.action, data: screen.data }, screen.openid ? { openid: screen.openid } : {});
      if (!res.ok) throw new Error(`${screen.name}: ${res.error.code} ${res.error.message}`);
      counts.set(screen.name, [...(counts.get(screen.name) ?? []), emulator.requests]);
    }
  }
}, 120_000);
afterAll(async () => {
  await emulator.close();
});

describe('CloudBase requests per screen', () => {
  it(`are at most ${LIMIT} for every screen (${WRITE_LIMIT} for a contact logged), and the same at ${SIZES.join(' and ')} suggestions`, () => {
    const table = [...counts].map(([name, n]) => `${name}: ${n.join(' / ')}`).join('\n');
    // SHOW_REQUESTS=1 prints the table (the figures of docs/performance.md).
    if (process.env.SHOW_REQUESTS) console.log(`CloudBase requests per screen at ${SIZES.join(' / ')} suggestions\n${table}`);
    const limitOf = (name: string) => (name.includes('(a write)') ? WRITE_LIMIT : LIMIT);
    const over = [...counts].filter(([name, n]) => n.some((x) => x > limitOf(name)) || new Set(n).size > 1);
    expect({ over: over.map(([name, n]) => `${name}: ${n.join(' / ')}`), table }).toEqual({ over: [], table });
    expect(counts.size).toBe(screens(office(SIZES[0]!)).length + 1);
  });
});
