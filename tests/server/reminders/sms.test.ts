// The SMS fallback on both stores (SQLite and the production CloudBase adapter on the emulator), with
// the real wx-server-sdk calling the open API the emulator answers as WeChat's documents show
// (tests/support/cloudbase-emulator/openapi.ts): a deadline reminder WeChat cannot carry goes by SMS,
// never inside quiet hours, at most once a day a person; a used-up SMS package is recorded and shown;
// a run that dies between its claim and its record never sends the SMS again.
import type { Notification } from '../../../src/core/model';
import type { Store, Tx } from '../../../src/server/ports';
import { DEFAULT_FIELDS, type ReminderConfig } from '../../../src/server/reminders/config';
import { INTERRUPTED_SEND } from '../../../src/server/reminders/delivery';
import { createSmsSender, type WxSmsApi } from '../../../src/server/reminders/sms.sender';
import { runSweep } from '../../../src/server/reminders/sweep';
import { createWeChatSender, type WxOpenApi } from '../../../src/server/reminders/wechat.sender';
import { openApi } from '../../support/cloudbase-emulator';
import { cloud, freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';
import { clockAt, PEOPLE, seedWorld, task, tempSqlite, testConfig } from './support/world';

const config: ReminderConfig = testConfig({
  templates: { deadline: { id: 'TPL-deadline', fields: DEFAULT_FIELDS.deadline, longTerm: false } },
  quietHours: { startMinute: 22 * 60, endMinute: 8 * 60 },
  sms: { templateId: 'SMS-TPL-1', env: 'test-env', days: [3, 1, 0], overdue: true, envVersion: 'release' },
});

const notifier = () =>
  createWeChatSender(cloud as unknown as WxOpenApi, config, createSmsSender(cloud as unknown as WxSmsApi, config.sms!, 'pages/index/index'));

// The reply is due on 2 March: on 1 March the handler's T-1 reminder is due (Beijing dates).
const AT_23 = '2026-03-01T15:00:00.000Z'; // 23:00 in Beijing, within quiet hours
const AT_08 = '2026-03-02T00:00:00.000Z'; // 08:00 the next morning
const PHONE = '13800138000';

async function world(store: Store) {
  await seedWorld(store, { tasks: [task('t1', { reply: '2026-03-02' })] });
  await store.transaction(async (tx) => {
    const handler = (await tx.get('users', PEOPLE.handler.id))!;
    tx.update('users', { ...handler, phone: PHONE });
  });
}

const rowsOf = async (store: Store, userId: string): Promise<Notification[]> => store.find('notifications', { where: { userId } });

let temp: ReturnType<typeof tempSqlite> | undefined;
const stores: [string, () => Promise<Store>][] = [
  ['SQLite', async () => {
    temp = tempSqlite();
    return temp.open();
  }],
  ['CloudBase (emulated)', async () => freshCloudStore(await sharedEmulator())],
];

beforeAll(async () => {
  await sharedEmulator(); // wx-server-sdk points at it: the open API and the cloud database
});
afterAll(async () => (await sharedEmulator()).close());
beforeEach(() => {
  openApi.calls.length = 0;
  openApi.sms.sent.length = 0;
  openApi.sms.balance = 100;
});
afterEach(() => {
  temp?.remove();
  temp = undefined;
});

describe.each(stores)('the SMS fallback on %s', (_name, open) => {
  it('sends an unreachable T-1 reminder by SMS once, at 08:00 and not at 23:00', async () => {
    const store = await open();
    await world(store);
    const clock = clockAt(AT_23);
    const late = await runSweep({ store, clock, notifier: notifier(), config });
    expect(late.written).toBeGreaterThan(0);
    expect(late.held).toBeGreaterThan(0);
    expect(openApi.sms.sent).toEqual([]);

    clock.set(AT_08);
    await runSweep({ store, clock, notifier: notifier(), config });
    // One SMS to the handler, with a URL Link; it carries the T-1 reminder and the due day's, written this morning.
    expect(openApi.sms.sent).toHaveLength(1);
    expect(openApi.sms.sent[0]).toMatchObject({ phone: `+86${PHONE}`, params: ['2项建议办理期限提醒'] });
    expect(openApi.sms.sent[0]!.urlLink).toMatch(/^https:\/\/wxaurl\.cn\//);
    const generate = openApi.calls.find((c) => c.apiName === 'urllink.generate');
    expect(generate?.fields).toMatchObject({ path: 'pages/index/index', expire_type: 1, expire_interval: 30 });
    const handlerRows = await rowsOf(store, PEOPLE.handler.id);
    const tMinus1 = handlerRows.find((n) => n.threshold === 1)!;
    expect(tMinus1).toMatchObject({ status: 'sent', channel: 'sms' });
    expect(handlerRows.filter((n) => n.threshold !== undefined).every((n) => n.status === 'sent' && n.channel === 'sms')).toBe(true);
    // The reviewer (due day) has no phone on the roster: nobody reached, and it says why.
    const reviewerRows = await rowsOf(store, PEOPLE.reviewer.id);
    expect(reviewerRows.map((n) => [n.status, n.error])).toEqual([['noQuota', '无法经微信送达，名册中没有可用的手机号']]);
    // The send is audited with the service's answer.
    const events = await store.events({ entityId: tMinus1.id });
    expect(events.find((e) => e.action === 'reminders.send' && e.to === 'sent')?.detail).toMatchObject({ channel: 'sms', code: 'Ok' });

    // Later runs of the day send nothing again.
    clock.set('2026-03-02T00:10:00.000Z');
    await runSweep({ store, clock, notifier: notifier(), config });
    clock.set('2026-03-02T04:00:00.000Z');
    await runSweep({ store, clock, notifier: notifier(), config });
    expect(openApi.sms.sent).toHaveLength(1);
  });

  it('records a used-up SMS package on the reminder and in its audit event, and does not retry it', async () => {
    const store = await open();
    await world(store);
    openApi.sms.balance = 0;
    const clock = clockAt(AT_08);
    const report = await runSweep({ store, clock, notifier: notifier(), config });
    expect(report.failed).toBeGreaterThan(0);
    expect(openApi.sms.sent).toEqual([]);
    const row = (await rowsOf(store, PEOPLE.handler.id)).find((n) => n.threshold === 0)!;
    expect(row).toMatchObject({ status: 'failed', channel: 'sms' });
    expect(row.error).toContain('短信资源包余量不足');
    const events = await store.events({ entityId: row.id });
    expect(events.find((e) => e.to === 'failed')?.detail).toMatchObject({ code: 'FailedOperation.InsufficientBalanceInSmsPackage', channel: 'sms' });
    // Not retried: the package stays empty until someone buys one.
    clock.set('2026-03-02T03:00:00.000Z');
    await runSweep({ store, clock, notifier: notifier(), config });
    expect(openApi.calls.filter((c) => c.apiName === 'cloudbase.sendSmsV2')).toHaveLength(1);
  });

  it('never sends the SMS twice after a run dies between its claim and its record', async () => {
    const store = await open();
    await world(store);
    const clock = clockAt(AT_08);
    // The process dies right after the SMS went out, before the outcome is written.
    const dying: Store = {
      ...store,
      get: store.get.bind(store),
      getMany: store.getMany.bind(store),
      find: store.find.bind(store),
      count: store.count.bind(store),
      events: store.events.bind(store),
      idempotency: store.idempotency.bind(store),
      transaction: <T>(fn: (tx: Tx) => Promise<T>) => {
        if (openApi.sms.sent.length > 0) return Promise.reject(new Error('函数执行超时，进程被终止'));
        return store.transaction(fn);
      },
    };
    await expect(runSweep({ store: dying, clock, notifier: notifier(), config })).rejects.toThrow('进程被终止');
    expect(openApi.sms.sent).toHaveLength(1);
    // The next runs, after the claim's lease: marked 结果未知, never sent again.
    clock.set('2026-03-02T00:10:00.000Z');
    await runSweep({ store, clock, notifier: notifier(), config });
    clock.set('2026-03-03T00:10:00.000Z');
    await runSweep({ store, clock, notifier: notifier(), config });
    const rows = (await rowsOf(store, PEOPLE.handler.id)).filter((n) => n.createdAt < '2026-03-02T01:00:00.000Z' && n.threshold !== undefined && n.threshold >= 0);
    expect(rows.length).toBeGreaterThan(0);
    for (const n of rows) expect([n.status, n.error]).toEqual(['failed', INTERRUPTED_SEND]);
    // The day after brings its own overdue reminder, which may go by SMS again (one a day): only that one.
    expect(openApi.sms.sent.map((s) => s.params)).toEqual([['答复期限提醒：今天到期'], [expect.stringContaining('已超期') as unknown as string]]);
  });
});
