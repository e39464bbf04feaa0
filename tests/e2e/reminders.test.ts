import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import cloud from 'wx-server-sdk';
import type { Notification } from '../../src/core/model';
import { openSqliteStore } from '../../src/server/adapters/sqlite/sqlite.store';
import { reminderConfig } from '../../src/server/reminders/config';
import { deliverIds } from '../../src/server/reminders/delivery';
import { subscriptionId } from '../../src/server/reminders/subscriptions';
import { createWeChatSender, type WxOpenApi } from '../../src/server/reminders/wechat.sender';
import { startFakeOpenApi } from '../support/cloudbase-emulator/openapi';
import { launchBrowser } from './support/browser';
import { startGateway, type RunningGateway } from './support/gateway';
import { login, onPage, seeText, settle, snap, tap, textOf, type Session } from './support/pages';

// Reminders that reach people, in a 375×812 phone browser over the real gateway and SQLite file,
// with a subscribe-message template configured: WeChat answered 43101 to a reminder for 刘洋 (the real
// delivery code against the open API's stand-in), so the roster shows him unreachable and the office's
// home lists the reminder with his number; claiming a task asks for the template while the person's
// count is low (the H5 build announces the ask it would make in WeChat) and not once it is high, and
// the task's card then says how many messages WeChat may still carry to him.
jest.setTimeout(240_000);

const TEMPLATE = 'TPL-deadline';
const ENV = { SWEEP_INTERVAL_MS: '0', APP_NOW: '2026-11-27T10:00:00+08:00', APP_CLOCK: 'frozen', REMINDER_TEMPLATE_DEADLINE: TEMPLATE };
const BUS = { task: 'sug-bus-task-1', title: '关于优化公交线网接驳地铁站点的建议' };
const CANTEEN = { task: 'sug-canteen-task-1', title: '关于推进社区老年食堂建设的建议' };

/** A T-1 reminder to 刘洋 that WeChat refuses with 43101, sent by the delivery code into the gateway's file. */
async function refusedByWeChat(dataDir: string) {
  process.env.TENCENTCLOUD = 'true';
  process.env.TENCENTCLOUD_SECRETID = 'AKIDtest';
  process.env.TENCENTCLOUD_SECRETKEY = 'test-secret';
  const wechat = await startFakeOpenApi();
  cloud.init({ env: 'test-env', serviceUrl: wechat.url } as unknown as Parameters<typeof cloud.init>[0]);
  const store = openSqliteStore(path.join(dataDir, 'jianyitong.sqlite'));
  const at = '2026-11-26T01:00:00.000Z';
  const notification: Notification = {
    id: 'n-e2e-43101',
    key: 'sug-canteen-task-1:reply:r1:1:user-handler',
    userId: 'user-handler',
    taskId: CANTEEN.task,
    suggestionId: 'sug-canteen',
    kind: 'reply',
    title: '答复期限提醒：剩余1天',
    body: '《关于推进社区老年食堂建设的建议》答复期限临近。',
    template: 'deadline',
    params: { title: CANTEEN.title, dueDate: '2026-11-27', stage: '即将到期', note: '请按时答复代表' },
    status: 'pending',
    attempts: 0,
    threshold: 1,
    createdAt: at,
  };
  await store.transaction(async (tx) => {
    tx.insert('subscriptions', { id: subscriptionId('user-handler', TEMPLATE), userId: 'user-handler', templateId: TEMPLATE, longTerm: false, quota: 1, updatedAt: at });
    tx.insert('notifications', notification);
  });
  wechat.answers.push({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
  const config = reminderConfig({ REMINDER_TEMPLATE_DEADLINE: TEMPLATE, REMINDER_QUIET_HOURS: 'off' });
  const tally = await deliverIds({ store, clock: { now: () => at }, notifier: createWeChatSender(cloud as unknown as WxOpenApi, config), config }, [notification.id]);
  expect(tally.noQuota).toBe(1);
  await store.close?.();
  await wechat.close();
}

describe('reminders that reach people', () => {
  let gw: RunningGateway;
  let browser: Browser;
  let dataDir: string;
  const sessions: Session[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'jyt-e2e-reminders-'));
    const first = await startGateway({ ...ENV, DATA_DIR: dataDir }); // loads the demo data
    await first.stop();
    await refusedByWeChat(dataDir);
    gw = await startGateway({ ...ENV, DATA_DIR: dataDir });
  });

  afterAll(async () => {
    for (const s of sessions) await s.context.close();
    await browser?.close();
    await gw?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const as = async (openid: string): Promise<Page> => {
    const session = await login(browser, gw.url, openid);
    sessions.push(session);
    return session.page;
  };

  it('shows on the roster that WeChat no longer reaches a person after a 43101', async () => {
    const admin = await as('demo-admin');
    await tap(admin, '#roster-link');
    await onPage(admin, 'pages/roster/index/index');
    await seeText(admin, '微信提醒：已拒绝（微信退回），收不到', '#person-user-handler');
    await seeText(admin, '微信提醒：未订阅，收不到', '#person-user-handler-co');
    await snap(admin, 'roster-reach', '#person-user-handler');
  });

  it("lists the week's undelivered reminders on the office's home, with whom to call", async () => {
    const office = await as('demo-coordinator');
    await seeText(office, '未送达的期限提醒', '#undelivered-home');
    const item = await textOf(office, '#undelivered-n-e2e-43101');
    expect(item).toContain('刘洋');
    expect(item).toContain('0531-86000001');
    expect(item).toContain('答复期限提醒：剩余1天');
    expect(item).toContain('43101');
    await snap(office, 'office-undelivered', '#undelivered-home');
  });

  /** Opens a task from the home page and waits until the page knows what to ask for at a tap. */
  async function openTask(page: Page, taskId: string, title: string) {
    await page.evaluate(() => {
      const w = window as unknown as { asks: string[][] };
      w.asks = [];
      window.addEventListener('subscribe-ask', (e) => w.asks.push((e as CustomEvent<string[]>).detail));
    });
    const primed = page.waitForResponse((r) => r.url().endsWith('/api/api') && (r.request().postData() ?? '').includes('"action":"me"'));
    await tap(page, `#task-${taskId}`);
    await onPage(page, 'pages/work/detail/index');
    await seeText(page, title, '#suggestion-title');
    await primed;
  }
  const asks = (page: Page) => page.evaluate(() => (window as unknown as { asks: string[][] }).asks);
  const claim = async (page: Page, taskId: string) => {
    await tap(page, '#claim-btn');
    expect(await settle(() => textOf(page, `#task-card-${taskId} .task-state`), '办理中')).toBe('办理中');
  };

  it('asks for the reminder template at the claim while the count is low', async () => {
    const handler = await as('demo-handler-co'); // 赵敏: never subscribed
    await openTask(handler, BUS.task, BUS.title);
    await claim(handler, BUS.task);
    expect(await asks(handler)).toEqual([[TEMPLATE]]);
  });

  it('does not ask at the claim once the count is high', async () => {
    const handler = await as('demo-handler'); // 刘洋 accepts five times on the messages page
    for (let i = 0; i < 5; i += 1) {
      const response = await handler.request.post(new URL('/api/api', gw.url).toString(), {
        data: { action: 'subscriptions.record', data: { results: [{ templateId: TEMPLATE, accepted: true }] } },
      });
      expect(await response.json()).toMatchObject({ ok: true });
    }
    await openTask(handler, CANTEEN.task, CANTEEN.title);
    await claim(handler, CANTEEN.task);
    expect(await asks(handler)).toEqual([]);
    // The task's people say whether WeChat reaches them: his five acceptances undo the 43101 refusal.
    await seeText(handler, '办理责任人：刘洋（微信提醒：剩余5条）', `#task-card-${CANTEEN.task}`);
  });
});
