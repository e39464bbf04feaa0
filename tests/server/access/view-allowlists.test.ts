// Every role walked through a suggestion's life: what each receives is only the fields of its
// audience (src/server/access/audiences.ts). Deputies never get the units' internal work (draft reviews with
// the reviewer's name and comment, reasons of return and extension requests, co-handlers' opinions),
// the public never a contact person or phone, and no one an openid.
import type { ApiResponse } from '../../../src/core/errors';
import type { SuggestionDetail, SuggestionListItem, TaskResult } from '../../../src/contract';
import { createApi, type Api } from '../../../src/server/api';
import { openSqliteStore, type SqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { SUGGESTION_FIELDS, NOTIFICATION_FIELDS, taskAudience, type Audience, type Fields } from '../../../src/server/access/audiences';
import { seedDemo } from '../../../src/server/setup/demo-data';

const NOW = '2024-04-10T02:00:00.000Z';
const SECRETS = {
  reject: '退回意见：数据口径不一致XQ',
  extension: '内部原因：预算尚未批复XQ',
  return: '内部原因：职责不符XQ',
};
const ROLES: Record<string, Audience> = {
  'demo-deputy': 'deputy',
  'demo-deputy2': 'deputy',
  'demo-handler': 'unit',
  'demo-handler-co': 'unit',
  'demo-reviewer': 'unit',
  'demo-leader': 'unit',
  'demo-coordinator': 'office',
  'demo-admin': 'office',
};

let store: SqliteStore;
let api: Api;

async function ok<T>(openid: string | undefined, action: string, data: unknown): Promise<T> {
  const res = (await api({ action, data }, openid ? { openid } : {})) as ApiResponse<T>;
  if (!res.ok) throw new Error(`${action} by ${openid}: ${res.error.code} ${res.error.message}`);
  return res.data;
}
const versionOf = async (taskId: string) => (await store.get('tasks', taskId))!.version;

/** Every path of keys in a value ("tasks.returnRequest.reason"), array elements folded into their array. */
function paths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => paths(v, prefix));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [`${prefix}${k}`, ...paths(v, `${prefix}${k}.`)]);
}
/** Every path a list of fields allows (a plain field allows whatever lies below it). */
function allowed(fields: Fields, prefix = ''): { exact: Set<string>; below: string[] } {
  const exact = new Set<string>();
  const below: string[] = [];
  for (const f of fields) {
    if (typeof f === 'string') {
      exact.add(`${prefix}${f}`);
      below.push(`${prefix}${f}.`);
    } else {
      exact.add(`${prefix}${f[0]}`);
      const inner = allowed(f[1], `${prefix}${f[0]}.`);
      inner.exact.forEach((p) => exact.add(p));
      below.push(...inner.below);
    }
  }
  return { exact, below };
}
function outside(value: unknown, fields: Fields): string[] {
  const ok = allowed(fields);
  return [...new Set(paths(value))].filter((p) => !ok.exact.has(p) && !ok.below.some((b) => p.startsWith(b)));
}

beforeAll(async () => {
  store = openSqliteStore(':memory:');
  await seedDemo(store, NOW);
  api = createApi({ store, clock: { now: () => NOW }, log: () => undefined });
  // The units' internal work on suggestions the demo deputies lead:
  // 1. an extension request with its reason (王建华's 充电设施建议);
  await ok('demo-handler', 'tasks.requestExtension', { taskId: 'sug-charging-task-1', version: await versionOf('sug-charging-task-1'), reason: SECRETS.extension, requestedDue: '2024-07-20' });
  // 2. a return request with its reason (李秀英's 公交建议);
  await ok('demo-handler-co', 'tasks.requestReturn', { taskId: 'sug-bus-task-1', version: await versionOf('sug-bus-task-1'), reason: SECRETS.return });
  // 3. a draft sent back with the reviewer's comment, then approved, signed and rated (王建华's 养老建议).
  const t = 'sug-elderly-care-task-1';
  await ok('demo-reviewer', 'tasks.review', { taskId: t, version: await versionOf(t), decision: 'reject', comment: SECRETS.reject });
  const reply = (await store.find('replies', { where: { taskId: t } }))[0]!;
  await ok('demo-handler', 'tasks.saveDraft', {
    taskId: t,
    version: await versionOf(t),
    class: 'A',
    text: '王建华代表：现答复如下。',
    leaderContact: reply.leaderContact,
    handlerContact: reply.handlerContact,
  });
  await ok<TaskResult>('demo-handler', 'tasks.submitDraft', { taskId: t, version: await versionOf(t) });
  await ok<TaskResult>('demo-reviewer', 'tasks.review', { taskId: t, version: await versionOf(t), decision: 'approve' });
  await ok<TaskResult>('demo-leader', 'tasks.sign', { taskId: t, version: await versionOf(t) });
  await ok('demo-deputy', 'feedback.submit', { taskId: t, attitude: 'satisfied', result: 'satisfied' });
  // 4. disclosed in full, so that the public has something to read.
  await ok('demo-coordinator', 'suggestions.disclose', { suggestionId: 'sug-elderly-care', version: (await store.get('suggestions', 'sug-elderly-care'))!.version, mode: 'full' });
});
afterAll(() => store.close());

describe('what each role receives', () => {
  it.each(Object.entries(ROLES))('%s gets only the fields of its audience in every suggestion it opens', async (openid, audience) => {
    const list = await ok<{ items: SuggestionListItem[] }>(openid, 'suggestions.list', { pageSize: 100 });
    expect(list.items.length).toBeGreaterThan(0);
    for (const item of list.items) {
      const detail = await ok<SuggestionDetail>(openid, 'suggestions.get', { id: item.id });
      expect([item.number, outside(detail, SUGGESTION_FIELDS[audience])]).toEqual([item.number, []]);
    }
  });

  it.each(['demo-deputy', 'demo-deputy2'])('%s never receives the units’ internal work, in any answer', async (openid) => {
    const answers: unknown[] = [];
    const list = await ok<{ items: SuggestionListItem[] }>(openid, 'suggestions.list', { pageSize: 100 });
    answers.push(list, await ok(openid, 'tasks.mine', {}), await ok(openid, 'notifications.mine', {}), await ok(openid, 'me', {}));
    for (const item of list.items) answers.push(await ok(openid, 'suggestions.get', { id: item.id }));
    const text = JSON.stringify(answers);
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    const keys = new Set(paths(answers).map((p) => p.split('.').pop()));
    for (const key of ['reviews', 'returnRequest', 'extensionRequest', 'contact']) expect(keys).not.toContain(key);
    // Nor that a unit asked to return the suggestion or for more time: no state, label or word of it.
    expect(text).not.toMatch(/returnRequested|申请退回中|退回中|申请延期中|延期中/);
    const seen = answers.slice(4) as SuggestionDetail[];
    expect(seen.every((d) => d.opinions.length === 0)).toBe(true);
    expect(seen.some((d) => d.replies.some((r) => r.signed))).toBe(true); // the signed reply itself is there
  });

  it('lets the office and the unit see the internal work the deputy does not', async () => {
    const office = JSON.stringify(await ok('demo-coordinator', 'suggestions.get', { id: 'sug-elderly-care' }));
    expect(office).toContain(SECRETS.reject);
    const unit = JSON.stringify(await ok('demo-handler', 'suggestions.get', { id: 'sug-charging' }));
    expect(unit).toContain(SECRETS.extension);
  });

  it('gives no one an openid, and every message only its own fields', async () => {
    const openids = (await store.find('users')).map((u) => u.openid).filter((o): o is string => !!o);
    for (const openid of Object.keys(ROLES)) {
      const answers: unknown[] = [await ok(openid, 'me', {}), await ok(openid, 'notifications.mine', {}), await ok(openid, 'tasks.mine', {})];
      const list = await ok<{ items: SuggestionListItem[] }>(openid, 'suggestions.list', { pageSize: 100 });
      for (const item of list.items) answers.push(await ok(openid, 'suggestions.get', { id: item.id }));
      if (ROLES[openid] !== 'deputy') answers.push(await ok(openid, 'users.list', {}));
      const text = JSON.stringify(answers);
      for (const o of openids) expect(text).not.toContain(`"${o}"`);
      expect(text).not.toMatch(/openid/i);
      const messages = (answers[1] as { items: unknown[] }).items;
      expect(outside(messages, NOTIFICATION_FIELDS)).toEqual([]);
    }
  });

  it('shows the public no contact person and no phone', async () => {
    const phones = (await store.find('users')).map((u) => u.phone).filter((p): p is string => !!p);
    const list = await ok<{ items: { id: string }[] }>(undefined, 'public.list', { pageSize: 100 });
    expect(list.items.length).toBeGreaterThan(0);
    const answers = [list, ...(await Promise.all(list.items.map((i) => ok(undefined, 'public.get', { id: i.id }))))];
    const text = JSON.stringify(answers);
    for (const phone of phones) expect(text).not.toContain(phone);
    const keys = new Set(paths(answers).map((p) => p.split('.').pop()));
    for (const key of ['leaderContact', 'handlerContact', 'contact', 'phone', 'reviews', 'openid']) expect(keys).not.toContain(key);
  });
});

describe("a task's audience", () => {
  const suggestion = { leadDeputyId: 'u-wang', coSignerIds: ['u-li'] } as never;
  const task = { unitId: 'unit-fgw' } as never;
  const person = (roles: string[], unitId?: string, id = 'u-x') => ({ id, name: 'X', roles, ...(unitId ? { unitId } : {}), createdAt: NOW, version: 1 }) as never;

  it.each<[string, unknown, Audience]>([
    ['the office', person(['coordinator']), 'office'],
    ["staff of the task's unit", person(['handler'], 'unit-fgw'), 'unit'],
    ['staff of a co-handling unit', person(['handler'], 'unit-jtj'), 'unit'],
    ['the lead deputy', person(['deputy'], undefined, 'u-wang'), 'deputy'],
    ['a co-signer who is also staff of another unit', person(['deputy', 'handler'], 'unit-jtj', 'u-li'), 'deputy'],
    ["a deputy who is also staff of the task's unit", person(['deputy', 'handler'], 'unit-fgw', 'u-li'), 'unit'],
  ])('%s', (_who, user, audience) => {
    expect(taskAudience(user as never, task, suggestion)).toBe(audience);
  });
});
