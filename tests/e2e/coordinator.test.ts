import Database from 'better-sqlite3';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Notification } from '../../src/core/model';
import { importCsv, NUMBERS } from '../server/tasks/lifecycle.scenario';
import { launchBrowser } from './support/browser';
import { startGateway, type RunningGateway } from './support/gateway';
import { back, fill, login, onPage, seeText, snap, tap, type Session, confirmDialog, seeToast } from './support/pages';

// The office coordinator presses a unit (催办) from the suggestion's page, and the unit's handler
// finds the reminder in his inbox. Daytime clock, so quiet hours do not hold the message. The urge is
// written to the outbox in the request and sent by the reminders' timer run (here every second).
const NEV = { suggestion: 'sug-nev', title: '关于加快新能源汽车推广普及的建议' };
const FLOODPLAIN = { suggestion: 'sug-floodplain', title: '关于改善黄河滩区群众生产生活条件的建议' };
const CANTEEN = { suggestion: 'sug-canteen', task: 'sug-canteen-task-1', title: '关于推进社区老年食堂建设的建议' };

describe('催办 in the mini-program', () => {
  let gw: RunningGateway;
  let browser: Browser;
  const sessions: Session[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    gw = await startGateway({ SWEEP_INTERVAL_MS: '1000', APP_NOW: '2026-11-27T10:00:00+08:00' });
  });

  afterAll(async () => {
    for (const s of sessions) await s.context.close();
    await browser?.close();
    await gw?.stop();
  });

  /** From the home to 全部建议, found there by its title, and opened. */
  async function openFromAll(office: Page, suggestion: { suggestion: string; title: string }): Promise<void> {
    await tap(office, '#all-suggestions-link');
    await onPage(office, 'pages/office/suggestions/index');
    await fill(office, 'suggestions-keyword', suggestion.title);
    await tap(office, '#suggestions-search');
    await seeText(office, '共1件，已显示1件', '#suggestions-count');
    await tap(office, `#suggestion-${suggestion.suggestion}`);
  }

  const as = async (openid: string) => {
    const session = await login(browser, gw.url, openid);
    sessions.push(session);
    return session.page;
  };

  function notificationsOf(userId: string): Notification[] {
    const db = new Database(path.join(gw.dataDir, 'jianyitong.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT doc FROM notifications').all() as { doc: string }[])
        .map((r) => JSON.parse(r.doc) as Notification)
        .filter((n) => n.userId === userId);
    } finally {
      db.close();
    }
  }

  it('lets the coordinator urge a unit, and the handler reads it in the inbox', async () => {
    const office = await as('demo-coordinator');
    await tap(office, '#all-suggestions-link');
    await onPage(office, 'pages/office/suggestions/index');
    await fill(office, 'suggestions-keyword', '老年食堂');
    await tap(office, '#suggestions-search');
    await seeText(office, '共1件，已显示1件', '#suggestions-count');
    await seeText(office, CANTEEN.title, '#suggestions');
    await tap(office, `#suggestion-${CANTEEN.suggestion}`);
    await onPage(office, 'pages/work/detail/index');
    await tap(office, '#urge-btn');
    await onPage(office, 'pages/office/decide/index');
    await fill(office, 'urge-message', '请尽快认领并联系代表');
    await snap(office, 'coordinator-urge', '#urge-submit');
    await tap(office, '#urge-submit');
    await seeText(office, /已催办，已通知 \d+ 人/, '#urge-result');

    const urges = () => notificationsOf('user-handler').filter((n) => n.kind === 'urge');
    expect(urges()).toHaveLength(1);
    // Sent by the next timer run, not inside the request.
    for (let i = 0; i < 60 && urges()[0]?.status !== 'sent'; i++) await new Promise((r) => setTimeout(r, 250));
    expect(urges()).toHaveLength(1);
    expect(urges()[0]).toMatchObject({ taskId: CANTEEN.task, status: 'sent' });

    const handler = await as('demo-handler');
    await tap(handler, '#messages-link');
    await onPage(handler, 'pages/account/messages/index');
    await seeText(handler, '请尽快认领并联系代表', '#inbox');
    await snap(handler, 'handler-inbox-urge');
  });

  it('shows the coordinator the year’s figures and summary', async () => {
    const office = await as('demo-coordinator');
    await tap(office, '#stats-link');
    await onPage(office, 'pages/office/stats/index');
    await seeText(office, /办结率：\d/, '#stat-completion');
    await tap(office, '#report-open');
    // The demo deployment is named 市人民政府办公室 (its settings, as setup would name it).
    await seeText(office, /2026年，市人民政府办公室共收到人大代表建议\d+件/, '#annual-text');
    await seeText(office, NEV.title, '#adopted');
    await snap(office, 'coordinator-stats');
  });

  it('shows the coordinator the ledger of every unit’s task', async () => {
    const office = await as('demo-coordinator');
    await tap(office, '#ledger-link');
    await onPage(office, 'pages/office/ledger/index');
    await seeText(office, /共\d+项/, '#ledger-count');
    await seeText(office, '关于推进社区老年食堂建设的建议', '#ledger');
    await snap(office, 'coordinator-ledger');
  });

  it('lets the coordinator disclose a finished suggestion in full, archive it, and the public read it', async () => {
    const office = await as('demo-coordinator');
    await openFromAll(office, NEV);
    await onPage(office, 'pages/work/detail/index');
    await tap(office, '#disclose-btn');
    await onPage(office, 'pages/office/disclose/index');
    await tap(office, '#disclose-mode-full');
    await snap(office, 'coordinator-disclose');
    await tap(office, '#disclose-submit');
    expect(await confirmDialog(office)).toContain('公众无需登录即可');
    await seeToast(office, '已公开');
    await onPage(office, 'pages/work/detail/index');
    await seeText(office, '已公开', '#suggestion-status');

    // Archiving has its own button, not a second 统一公开.
    await seeText(office, '统一归档', '#archive-btn');
    await tap(office, '#archive-btn');
    await onPage(office, 'pages/office/disclose/index');
    await seeText(office, '现在的决定：全文公开', '#disclosure-now');
    await tap(office, '#archive-submit');
    expect(await confirmDialog(office)).toContain('不能再修改');
    await seeToast(office, '已归档');
    await onPage(office, 'pages/work/detail/index');
    await seeText(office, '已归档', '#suggestion-status');
    await back(office);

    const res = await fetch(new URL('/api/api', gw.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'public.list', data: {} }),
    });
    const list = (await res.json()) as { ok: boolean; data: { items: { title: string }[] } };
    expect(list.data.items.map((i) => i.title)).toContain(NEV.title);
  });

  it('lets the coordinator assign a waiting suggestion, which then reaches the unit’s handler', async () => {
    const office = await as('demo-coordinator');
    await openFromAll(office, FLOODPLAIN);
    await onPage(office, 'pages/work/detail/index');
    await seeText(office, '待交办', '#suggestion-status');
    await tap(office, '#assign-btn');
    await onPage(office, 'pages/office/assign/index');
    await tap(office, '#pick-unit-fgw');
    await tap(office, '#assign-unit-fgw-sole');
    await fill(office, 'assign-requirements', '请一个月内与代表见面沟通');
    await snap(office, 'coordinator-assign', '#assign-submit');
    await tap(office, '#assign-submit');
    await onPage(office, 'pages/work/detail/index');
    await seeText(office, '市发展改革委（独办）', '#tasks');

    const handler = await as('demo-handler');
    await seeText(handler, FLOODPLAIN.title, '#handler-queue');
  });

  it('lets the coordinator import the 交办清单 from a file, all or nothing, and once', async () => {
    const office = await as('demo-coordinator');
    await tap(office, '#import-link');
    await onPage(office, 'pages/office/import/index');
    const csv = Buffer.from(importCsv('2026-11-27'), 'utf8');
    const importOnce = async () => {
      const chooser = office.waitForEvent('filechooser');
      await tap(office, '#import-pick');
      await (await chooser).setFiles({ name: '交办清单.csv', mimeType: 'text/csv', buffer: csv });
    };
    await importOnce();
    await seeText(office, '新导入3件，已导入过（未变）0件', '#import-result');
    await snap(office, 'coordinator-import');
    await importOnce();
    await seeText(office, '新导入0件，已导入过（未变）3件', '#import-result');

    // A bad row (an impossible 交办日期) refuses the whole file; a mistyped unit would be asked about instead (import-names.test.ts).
    const bad = Buffer.from(importCsv('2026-11-27').replace('2026-11-27', '2026-02-30').replace(/3001/g, '4001'), 'utf8');
    const chooser = office.waitForEvent('filechooser');
    await tap(office, '#import-pick');
    await (await chooser).setFiles({ name: '有误的清单.csv', mimeType: 'text/csv', buffer: bad });
    await seeText(office, /第2行.*交办日期/, '#form-error');
    const db = new Database(path.join(gw.dataDir, 'jianyitong.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const numbers = (db.prepare('SELECT doc FROM suggestions').all() as { doc: string }[]).map((r) => (JSON.parse(r.doc) as { number: string }).number);
      expect(numbers).toEqual(expect.arrayContaining(Object.values(NUMBERS)));
      expect(numbers).not.toContain('4001');
    } finally {
      db.close();
    }
  });
});
