// What the writes outside a suggestion's whole life cost on CloudBase, counted by the emulator's request
// counter: files added and removed, extensions asked and decided, an urge, the roster and the office's
// settings, a suggestion entered by hand, subscriptions, bind codes and locks, the first administrator of
// an empty environment, and a deputy's proposal from draft to 立案. Each call carries a requestId as the
// app sends it, must succeed (a refused call proves nothing), and stays within its budget (BUDGETS: what it
// costs today, all within the goal of 15 requests; docs/performance.md). notifications.read is held in
// tests/server/read-models/notification-requests.test.ts.
import { uploadAs } from '../../support/uploads';
import { createApi, type Api } from '../../../src/server/api';
import type { ActionName } from '../../../src/contract';
import { openCloudBaseFileStore, type CloudStorageApi } from '../../../src/server/adapters/files/cloudbase.files';
import { identityKey } from '../../../src/server/access/bind-codes';
import { seedDemo } from '../../../src/server/setup/demo-data';
import { cloud, freshCloudStore } from '../../support/cloudbase-emulator/sdk';
import { costRecorder, holdsBudgetsToGoal, sharedEmulatorForFile } from './request-costs';

const NOW = '2024-04-10T02:00:00.000Z';
/** The requests each write costs at most: its figure today, so that none grows (all within the goal, request-costs.ts). */
const BUDGETS: Record<string, number> = {
  // A file on a proposal: the proposal and its files read before the file is stored, and again in the commit.
  'attachments.add': 14,
  'attachments.remove': 10,
  'tasks.requestExtension': 11,
  'tasks.decideExtension': 11,
  'tasks.urge': 13,
  'units.upsert': 10,
  'office.update': 6,
  'suggestions.create': 11,
  'subscriptions.record': 7,
  'users.revokeBindCode': 6,
  'users.liftBindLock': 6,
  'users.firstAdmin': 10,
  'proposals.window': 6,
  'proposals.save': 8,
  'proposals.invite': 11,
  'proposals.respond': 11,
  'proposals.submit': 11,
  // 立案: the next 建议号, the proposal's files carried over, the new suggestion with its documents and notices.
  'proposals.decide': 15,
};
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(32, 1)]);
const DRAFT = { title: '关于增设社区食堂的建议', content: '建议在老旧小区增设社区食堂。', problem: '老年人就餐不便。', measures: '利用闲置用房改建社区食堂。' };

holdsBudgetsToGoal(BUDGETS);
const emulated = sharedEmulatorForFile();

it('keeps each write outside the lifecycle within its budget', async () => {
  const files = openCloudBaseFileStore(cloud as unknown as CloudStorageApi, { now: () => NOW });
  const costs = costRecorder(emulated());
  let sent = 0;
  /** One measured call: it must succeed; the cost of the costliest call of each action is kept. */
  const measure = (api: Api) => async <T>(openid: string, action: string, data: unknown): Promise<T> => {
    costs.start();
    const res = await api({ action: action as ActionName, data, requestId: `more-${(sent += 1)}` }, { openid });
    if (!res.ok) throw new Error(`${action} by ${openid} failed: ${res.error.code} ${res.error.message}`);
    costs.record(action);
    return res.data as T;
  };

  // The first administrator, on an environment with nobody in it yet.
  const empty = await freshCloudStore(emulated());
  await measure(createApi({ store: empty, files, clock: { now: () => NOW }, log: () => undefined, firstAdminInApp: true }))('wx-first', 'users.firstAdmin', { name: '张敏', officeName: '市发展改革委' });

  const store = await freshCloudStore(emulated());
  await seedDemo(store, NOW);
  const api = createApi({ store, files, clock: { now: () => NOW }, log: () => undefined });
  const call = measure(api);
  /** A step before a measured call, not counted. */
  const prepare = async <T>(openid: string, action: string, data: unknown): Promise<T> => {
    const res = await api({ action: action as ActionName, data }, { openid });
    if (!res.ok) throw new Error(`${action} by ${openid} failed: ${res.error.code} ${res.error.message}`);
    return res.data as T;
  };

  // Files on a suggestion: added by the deputy who sees it, removed by the office.
  const photo = await call<{ id: string; version: number }>('demo-deputy', 'attachments.add', {
    target: 'suggestion', targetId: 'sug-yellow-river', fileName: '现场.png', fileID: await uploadAs(files, 'demo-deputy', PNG),
  });
  await call('demo-coordinator', 'attachments.remove', { id: photo.id, version: photo.version });

  // An extension asked by the lead unit and decided by the office; an urge of the same task.
  const asked = await call<{ task: { id: string; version: number } }>('demo-handler', 'tasks.requestExtension', { taskId: 'sug-charging-task-1', version: 1, reason: '需调研', requestedDue: '2024-07-20' });
  await call('demo-coordinator', 'tasks.decideExtension', { taskId: asked.task.id, version: asked.task.version, approve: true, comment: '同意延期' });
  await call('demo-coordinator', 'tasks.urge', { taskId: 'sug-charging-task-1', message: '请抓紧办理' });

  // The roster and the office's settings.
  await call('demo-admin', 'units.upsert', { name: '市新设单位' });
  await call('demo-admin', 'units.upsert', { id: 'unit-mzj', name: '市民政局（市老龄办）' });
  const settings = await prepare<{ version: number }>('demo-coordinator', 'office.settings', {});
  await call('demo-coordinator', 'office.update', { name: '市人民政府办公室', reportTo: '市人大常委会', version: settings.version });
  await call('demo-coordinator', 'suggestions.create', {
    number: '9002', title: '关于测试的建议', content: '内容', leadDeputyId: 'user-deputy-wang', delegation: '历下区代表团', session: '十八届二次', phase: 'session',
  });
  await call('demo-handler', 'subscriptions.record', { results: [{ templateId: 'tpl-reply', accepted: true }, { templateId: 'tpl-due', accepted: false }] });

  // Bind codes and locks: a code issued then revoked; an identity locked by wrong codes, then lifted.
  await prepare('demo-coordinator', 'users.issueBindCode', { userId: 'user-deputy-chen' });
  const codes = await prepare<{ items: { id: string }[] }>('demo-coordinator', 'users.bindCodes', {});
  await call('demo-coordinator', 'users.revokeBindCode', { id: codes.items[0]!.id });
  for (let i = 0; i < 5; i++) await api({ action: 'users.bind', data: { code: 'K7PM-3XQ9-TR' } }, { openid: 'wx-mistyper' });
  await call('demo-coordinator', 'users.liftBindLock', { id: identityKey('wx-mistyper') });

  // A proposal: the window opened, a draft saved, a co-signer invited who accepts, submitted, 立案.
  await call('demo-coordinator', 'proposals.window', { open: true, session: '十八届二次', phase: 'recess', startDate: '2024-04-01', endDate: '2024-04-30' });
  let p = await call<{ id: string; version: number }>('demo-deputy', 'proposals.save', DRAFT);
  p = await call<{ id: string; version: number }>('demo-deputy', 'proposals.save', { ...DRAFT, id: p.id, version: p.version, title: `${DRAFT.title}（修改）` });
  await call('demo-deputy', 'attachments.add', { target: 'proposal', targetId: p.id, fileName: '选址.png', fileID: await uploadAs(files, 'demo-deputy', PNG) });
  p = await call<{ id: string; version: number }>('demo-deputy', 'proposals.invite', { id: p.id, version: p.version, userIds: ['user-deputy-li'] });
  await call('demo-deputy2', 'proposals.respond', { id: p.id, accept: true });
  p = await prepare<{ id: string; version: number }>('demo-deputy', 'proposals.get', { id: p.id });
  p = await call<{ id: string; version: number }>('demo-deputy', 'proposals.submit', { id: p.id, version: p.version });
  const decided = await call<{ suggestionId?: string; proposal: { state: string; number?: string } }>('demo-coordinator', 'proposals.decide', { id: p.id, version: p.version, decision: 'accept' });
  expect(decided.suggestionId).toBeTruthy();
  expect(decided.proposal).toMatchObject({ state: 'accepted', number: expect.any(String) });

  expect(costs.judge(BUDGETS)).toEqual({ overBudget: [], overGoal: [], unmeasured: [] });
}, 300_000);
