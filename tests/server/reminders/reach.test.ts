// Reachability (docs/reminders.md): `me` names the templates to ask for at the next tap only while
// the person's count is low and never after a refusal; the roster says whether WeChat can reach each
// person, and a 43101 from WeChat marks the person unreachable (已拒绝（微信退回）).
import cloud from 'wx-server-sdk';
import { createApi } from '../../../src/server/api';
import { openSqliteStore, type SqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { DEFAULT_FIELDS } from '../../../src/server/reminders/config';
import { runSweep } from '../../../src/server/reminders/sweep';
import { createWeChatSender, type WxOpenApi } from '../../../src/server/reminders/wechat.sender';
import { startFakeOpenApi, type FakeOpenApi } from '../../support/cloudbase-emulator/openapi';
import { PEOPLE, clockAt, nineAm, seedWorld, task, testConfig } from './support/world';

const config = testConfig({
  templates: { deadline: { id: 'TPL-D', fields: DEFAULT_FIELDS.deadline, longTerm: false }, feedback: { id: 'TPL-F', fields: DEFAULT_FIELDS.feedback, longTerm: false } },
  askBelow: 3,
});

let store: SqliteStore;
let wechat: FakeOpenApi;
beforeAll(async () => {
  process.env.TENCENTCLOUD = 'true';
  process.env.TENCENTCLOUD_SECRETID = 'AKIDtest';
  process.env.TENCENTCLOUD_SECRETKEY = 'test-secret';
  wechat = await startFakeOpenApi();
  cloud.init({ env: 'test-env', serviceUrl: wechat.url } as unknown as Parameters<typeof cloud.init>[0]);
});
afterAll(() => wechat.close());
beforeEach(async () => {
  store = openSqliteStore(':memory:');
  await seedWorld(store, { tasks: [task('t1', { reply: '2026-03-04' })] });
});
afterEach(() => store.close());

const clock = clockAt(nineAm('2026-03-01'));
const api = () => createApi({ store, clock, notifier: createWeChatSender(cloud as unknown as WxOpenApi, config), reminderConfig: config });
const as = (who: keyof typeof PEOPLE, action: string, data: unknown = {}) => api()({ action, data } as never, { openid: PEOPLE[who].openid! });
const ask = async () => ((await as('handler', 'me')) as { data: { subscribeAsk?: string[] } }).data.subscribeAsk;
const reachOf = async (who: keyof typeof PEOPLE) => {
  const res = (await as('coordinator', 'users.list')) as { data: { items: { id: string; reach?: { label: string; unreachable: boolean } }[] } };
  return res.data.items.find((u) => u.id === PEOPLE[who].id)?.reach;
};

describe('asking at taps', () => {
  it('names the templates whose count is low, stops when it is high, and never asks again after a refusal', async () => {
    expect(await ask()).toEqual(['TPL-D', 'TPL-F']);
    for (let i = 0; i < 3; i += 1) await as('handler', 'subscriptions.record', { results: [{ templateId: 'TPL-D', accepted: true }] });
    expect(await ask()).toEqual(['TPL-F']);
    await as('handler', 'subscriptions.record', { results: [{ templateId: 'TPL-F', accepted: false }] });
    expect(await ask()).toEqual([]);
  });
});

describe('the roster says who WeChat can reach', () => {
  it('shows 未订阅, 剩余N条, and 已拒绝（微信退回） after WeChat answers 43101 to a send', async () => {
    expect(await reachOf('handler')).toMatchObject({ label: '未订阅', unreachable: true });
    await as('handler', 'subscriptions.record', { results: [{ templateId: 'TPL-D', accepted: true }] });
    await as('handler', 'subscriptions.record', { results: [{ templateId: 'TPL-D', accepted: true }] });
    expect(await reachOf('handler')).toMatchObject({ label: '剩余2条', unreachable: false });

    // WeChat no longer accepts messages for the handler (turned off in WeChat's settings).
    wechat.answers.push({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
    const report = await runSweep({ store, clock, notifier: createWeChatSender(cloud as unknown as WxOpenApi, config), config });
    expect(report.noQuota).toBe(1);
    expect(await reachOf('handler')).toMatchObject({ label: '已拒绝（微信退回）', unreachable: true });
    expect(await ask()).toEqual(['TPL-F']);
    // The task's people say the same to the staff who may have to call; the deputy sees nothing of it.
    const detail = (who: keyof typeof PEOPLE) => as(who, 'suggestions.get', { id: 's1' }) as Promise<{ data: { tasks: { id: string; responsibleReach?: unknown }[] } }>;
    expect((await detail('coordinator')).data.tasks.find((t) => t.id === 't1')?.responsibleReach).toEqual({ label: '已拒绝（微信退回）', unreachable: true });
    expect((await detail('reviewer')).data.tasks.find((t) => t.id === 't1')?.responsibleReach).toEqual({ label: '已拒绝（微信退回）', unreachable: true });
    expect((await detail('deputy')).data.tasks.find((t) => t.id === 't1')).not.toHaveProperty('responsibleReach');
  });
});
