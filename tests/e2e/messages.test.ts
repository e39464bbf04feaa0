import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startGateway, type RunningGateway } from './support/gateway';
import { back, login, onPage, seeText, settle, snap, tap, textOf, textsOf, type Session } from './support/pages';

// Messages read and counted, on a 375×812 phone browser: the coordinator urges the handler's unit on
// three suggestions; the handler's home shows the unread count; opening a message reads it (the count
// falls by one back home); 全部已读 reads the rest, and the count stays at nothing after a reload.
jest.setTimeout(180_000);

const URGED = [
  { task: 'sug-canteen-task-1', message: '请尽快认领老年食堂建议' },
  { task: 'sug-charging-task-1', message: '请加快充电桩建议的答复' },
  { task: 'sug-community-care-task-2', message: '请尽快送达会办意见' },
];

describe('messages read and counted', () => {
  let gw: RunningGateway;
  let browser: Browser;
  const sessions: Session[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    gw = await startGateway({ SWEEP_INTERVAL_MS: '0', APP_NOW: '2026-11-27T10:00:00+08:00', APP_CLOCK: 'frozen' });
  });

  afterAll(async () => {
    for (const s of sessions) await s.context.close();
    await browser?.close();
    await gw?.stop();
  });

  const as = async (openid: string): Promise<Page> => {
    const session = await login(browser, gw.url, openid);
    sessions.push(session);
    return session.page;
  };

  /** The unread count on the home page's messages button (0 when it names none). */
  async function unreadOnHome(page: Page): Promise<number> {
    const label = await textOf(page, '#messages-link');
    const m = /（(\d+)条未读）/.exec(label);
    if (!m) expect(label).toBe('消息与提醒');
    return m ? Number(m[1]) : 0;
  }

  it('counts the unread messages on the home page, reads one on opening it, and all with 全部已读, for good', async () => {
    // The coordinator urges; each urge is a message to the unit's handler (and whoever else the unit names).
    const office = await as('demo-coordinator');
    for (const { task, message } of URGED) {
      const response = await office.request.post(new URL('/api/api', gw.url).toString(), { data: { action: 'tasks.urge', data: { taskId: task, message } } });
      expect(await response.json()).toMatchObject({ ok: true });
    }

    const handler = await as('demo-handler');
    const before = await unreadOnHome(handler);
    expect(before).toBeGreaterThanOrEqual(URGED.length);
    await snap(handler, 'messages-home-unread', '#messages-link');

    await tap(handler, '#messages-link');
    await onPage(handler, 'pages/account/messages/index');
    await seeText(handler, `共${before}条，未读${before}条`, '#inbox-count');
    const unreadTags = async () => (await textsOf(handler, '#inbox .message-item .card-head .tag')).filter((t) => t === '未读').length;
    expect(await unreadTags()).toBe(before);
    await snap(handler, 'messages-unread');

    // Opening one urge reads it and opens its suggestion; back in the inbox it says 已读.
    const opened = handler.locator('#inbox .message-item').filter({ visible: true, hasText: URGED[2]!.message }).first();
    const id = await opened.getAttribute('id');
    await opened.click();
    await onPage(handler, 'pages/work/detail/index');
    await seeText(handler, '关于构建以社区为基础的养老及托育模式的建议', '#suggestion-title');
    await back(handler);
    await onPage(handler, 'pages/account/messages/index');
    expect(await settle(() => textOf(handler, `#${id} .card-head .tag`), '已读')).toBe('已读');
    expect(await settle(() => textOf(handler, '#inbox-count'), `共${before}条，未读${before - 1}条`)).toBe(`共${before}条，未读${before - 1}条`);

    await back(handler);
    await onPage(handler, 'pages/index/index');
    expect(await settle(() => unreadOnHome(handler), before - 1)).toBe(before - 1);

    // 全部已读: the rest, at once; nothing unread on the home page, now and after a reload.
    await tap(handler, '#messages-link');
    await onPage(handler, 'pages/account/messages/index');
    await tap(handler, '#read-all');
    await seeText(handler, `已将${before - 1}条消息标为已读`, '#read-all-result');
    expect(await settle(() => textOf(handler, '#inbox-count'), `共${before}条，未读0条`)).toBe(`共${before}条，未读0条`);
    expect(await unreadTags()).toBe(0);
    await snap(handler, 'messages-all-read');

    await back(handler);
    await onPage(handler, 'pages/index/index');
    expect(await settle(() => unreadOnHome(handler), 0)).toBe(0);
    await handler.reload();
    await onPage(handler, 'pages/index/index');
    await seeText(handler, '刘洋，您好', '#greeting');
    expect(await unreadOnHome(handler)).toBe(0);
    await tap(handler, '#messages-link');
    await onPage(handler, 'pages/account/messages/index');
    await seeText(handler, `共${before}条，未读0条`, '#inbox-count');
    expect(await unreadTags()).toBe(0);
  });
});
