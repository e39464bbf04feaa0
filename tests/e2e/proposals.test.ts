import Database from 'better-sqlite3';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Proposal } from '../../src/core/model';
import { launchBrowser } from './support/browser';
import { startGateway, type RunningGateway } from './support/gateway';
import { back, confirmDialog, fill, login, onPage, PHONE, seeText, seeToast, settle, snap, tap, textOf, valueOf, visible, type Session } from './support/pages';

// A deputy's proposal on the phone, from the draft to 交办 (docs/proposals.md): 王建华 drafts (it saves
// as he types; leaving the page loses nothing), is told where 提交 would be that the phase is not open,
// invites 李秀英 and 张立新 from the roster, adds a photo (the office sees it once submitted); one accepts (from her home), one declines (from 消息); the
// coordinator opens the phase; he submits; the coordinator accepts it (立案) and it is in 全部建议 with
// its 建议号 and both signed deputies; after 交办 both deputies see the unit and the reply deadline (一人一函). A second proposal
// is returned with a reason (checked before the confirmation) and comes back editable with it.
jest.setTimeout(300_000);

const NOW = '2026-11-27T10:00:00+08:00';
const FIRST = {
  title: '关于在老旧小区增设社区食堂的建议',
  content: '建议在老旧小区统筹闲置用房，增设社区食堂。',
  problem: '老旧小区老年人多，就餐不便。',
  measures: '利用闲置用房改建社区食堂，给予运营补贴。',
};
const SECOND = { title: '关于增设公交夜班线路的建议', content: '建议增设夜班公交线路。', problem: '夜间出行不便。', measures: '先在主干道试点两条夜班线路。' };
const RETURN_REASON = '请补充线路走向和客流测算';
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(64, 7)]);

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

async function boxOf(page: Page, selector: string): Promise<Box> {
  return (await visible(page, selector)).evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  });
}

const sideBySide = (a: Box, b: Box) => (a.right <= b.left + 1 || b.right <= a.left + 1) && a.top < b.bottom && b.top < a.bottom;

describe('a deputy’s proposal from the phone to 交办', () => {
  let gw: RunningGateway;
  let browser: Browser;
  const sessions: Session[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    gw = await startGateway({ APP_NOW: NOW });
  });

  afterAll(async () => {
    for (const s of sessions) await s.context.close();
    await browser?.close();
    await gw?.stop();
  });

  const as = async (openid: string) => {
    const session = await login(browser, gw.url, openid);
    sessions.push(session);
    return session.page;
  };

  /** The proposals in the gateway's SQLite file, read as the records are. */
  function proposals(): Proposal[] {
    const db = new Database(path.join(gw.dataDir, 'jianyitong.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT doc FROM proposals').all() as { doc: string }[]).map((r) => JSON.parse(r.doc) as Proposal);
    } finally {
      db.close();
    }
  }

  /** 张立新 has no WeChat bound in the demo: the coordinator issues him a code and he binds it on a new phone. */
  async function bindZhang(office: Page): Promise<Page> {
    const code = await office.evaluate(async () => {
      const res = await fetch('/api/api', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ action: 'users.issueBindCode', data: { userId: 'user-deputy-zhang' }, requestId: 'e2e-bind-zhang' }),
      });
      return ((await res.json()) as { data: { code: string } }).data.code;
    });
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    sessions.push({ context, page });
    await page.goto(gw.url);
    await tap(page, '#public-bind');
    await onPage(page, 'pages/account/bind/index');
    await fill(page, 'bind-code', code);
    await tap(page, '#bind-btn');
    await seeText(page, '张立新，您好', '#greeting');
    return page;
  }

  /** Opens the app afresh at this page (a person coming back to it later). */
  async function openAt(page: Page, route: string): Promise<void> {
    await page.goto(`${gw.url}/#/${route}`);
    await page.reload();
    await onPage(page, route.split('?')[0]!);
  }

  /** From the home to 我的建议. */
  async function openMine(page: Page): Promise<void> {
    await tap(page, '#my-proposals-link');
    await onPage(page, 'pages/proposals/mine/index');
  }

  /** An invitee finds the invitation on his home (我的建议, with the count) or in 消息, and answers it. */
  async function answerInvitation(page: Page, id: string, accept: boolean, from: 'home' | 'messages'): Promise<void> {
    await openAt(page, 'pages/index/index');
    await seeText(page, '1条附议邀请待答复', '#my-proposals-link');
    if (from === 'home') {
      await openMine(page);
      await tap(page, `#invitation-${id}`);
    } else {
      await tap(page, '#messages-link');
      await onPage(page, 'pages/account/messages/index');
      await tap(page, '#inbox .message-item:has-text("请答复附议邀请")');
    }
    await onPage(page, 'pages/proposals/view/index');
    await seeText(page, FIRST.problem, '#proposal-text');
    await tap(page, accept ? '#accept-invitation-btn' : '#decline-invitation-btn');
    await seeText(page, accept ? '我的答复：同意附议' : '我的答复：谢绝附议', '#my-invitation');
  }

  it('drafts, co-signs, submits, 立案, 交办, and returns one for revision', async () => {
    const deputy = await as('demo-deputy');
    const office = await as('demo-coordinator');
    const zhang = await bindZhang(office);

    // 王建华 drafts: saved as he types, before any button.
    await openMine(deputy);
    await seeText(deputy, '建议提交期尚未开放', '#proposal-window');
    await tap(deputy, '#new-proposal-btn');
    await onPage(deputy, 'pages/proposals/edit/index');
    await fill(deputy, 'proposal-title', FIRST.title);
    await fill(deputy, 'proposal-content', FIRST.content);
    await fill(deputy, 'proposal-problem', FIRST.problem);
    await seeText(deputy, '已保存', '#save-state');
    expect(await settle(async () => proposals()[0]?.problem, FIRST.problem)).toBe(FIRST.problem);
    expect(proposals()).toMatchObject([{ title: FIRST.title, content: FIRST.content, problem: FIRST.problem, state: 'draft' }]);
    const id = proposals()[0]!.id;
    // Submitting is not offered: in its place, why, in words.
    expect(await textOf(deputy, '#submit-refusal')).toBe('提交建议：建议提交期尚未开放，请留意联络员的通知');

    // The last field typed and the page left at once: nothing is lost.
    await fill(deputy, 'proposal-measures', FIRST.measures);
    await back(deputy);
    await onPage(deputy, 'pages/proposals/mine/index');
    await tap(deputy, `#proposal-${id}`);
    await onPage(deputy, 'pages/proposals/edit/index');
    await visible(deputy, '#proposal-measures');
    expect(await valueOf(deputy, 'proposal-measures')).toBe(FIRST.measures);
    expect(proposals()[0]!.measures).toBe(FIRST.measures);

    // Co-signers from the roster, of two other 代表团.
    await tap(deputy, '#invite-btn');
    await tap(deputy, '#co-signer-user-deputy-li');
    await tap(deputy, '#co-signer-user-deputy-zhang');
    await snap(deputy, 'proposal-invite', '#invite-submit');
    await tap(deputy, '#invite-submit');
    await seeText(deputy, '待答复', '#invitees-user-deputy-li');
    await seeText(deputy, '待答复', '#invitees-user-deputy-zhang');

    // A photo with the draft, through the attachments (the office reads it once submitted).
    const chooser = deputy.waitForEvent('filechooser');
    await tap(deputy, '#proposal-files .attachment-add-photo');
    await (await chooser).setFiles({ name: '食堂选址.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await seeText(deputy, /照片：食堂选址\.jpg/, '#proposal-files');

    // One accepts, one declines.
    const li = await as('demo-deputy2');
    await answerInvitation(li, id, true, 'home');
    await answerInvitation(zhang, id, false, 'messages');

    // The office opens the phase (闭会期间, with its dates).
    await seeText(office, '待立案与建议提交期', '#proposal-queue-link');
    await tap(office, '#proposal-queue-link');
    await onPage(office, 'pages/proposals/queue/index');
    await seeText(office, '暂无待立案的建议');
    await fill(office, 'window-session', '十八届二次');
    await tap(office, '#window-phase-recess');
    await fill(office, 'window-start', '2026-11-20');
    await fill(office, 'window-end', '2026-12-31');
    await tap(office, '#open-window-btn');
    await seeText(office, '十八届二次闭会期间建议提交期：2026-11-20至2026-12-31（现在可以提交）', '#window-now');

    // He sees each answer, and submits.
    await deputy.reload();
    await seeText(deputy, '同意附议', '#invitees-user-deputy-li');
    await seeText(deputy, '谢绝附议', '#invitees-user-deputy-zhang');
    await snap(deputy, 'proposal-form', '#submit-proposal-btn');
    await tap(deputy, '#submit-proposal-btn');
    expect(await confirmDialog(deputy)).toMatch(/不能再修改/);
    await seeToast(deputy, '已提交');
    await openAt(deputy, 'pages/proposals/mine/index');
    await seeText(deputy, FIRST.title, '#proposals-submitted');

    // At the office's desk (1280 px): the queue beside the phase control, the proposal beside the decision.
    await office.setViewportSize({ width: 1280, height: 800 });
    await openAt(office, 'pages/proposals/queue/index');
    await seeText(office, FIRST.title, `#queued-${id}`);
    expect(sideBySide(await boxOf(office, '#queue-section'), await boxOf(office, '#window-form'))).toBe(true);
    await snap(office, 'proposal-queue-desk-queued');
    await tap(office, `#queued-${id}`);
    await onPage(office, 'pages/proposals/view/index');
    expect(sideBySide(await boxOf(office, '#proposal-text'), await boxOf(office, '#decide-form'))).toBe(true);
    await snap(office, 'proposal-decide-desk');
    await office.setViewportSize(PHONE);

    // The coordinator's 待立案 on the phone: 立案.
    await openAt(office, 'pages/index/index');
    await seeText(office, '待立案（1件）与建议提交期', '#proposal-queue-link');
    await tap(office, '#proposal-queue-link');
    await tap(office, `#queued-${id}`);
    await onPage(office, 'pages/proposals/view/index');
    await seeText(office, '附议代表：李秀英', '#proposal-text');
    await seeText(office, /照片：食堂选址\.jpg/, '#proposal-files');
    expect(sideBySide(await boxOf(office, '#proposal-text'), await boxOf(office, '#decide-form'))).toBe(false);
    await tap(office, '#decision-accept');
    await tap(office, '#decide-submit');
    expect(await confirmDialog(office)).toMatch(/生成建议号/);
    const decided = await textOf(office, '#decided');
    const number = /建议号 (\d+)/.exec(decided)?.[1];
    expect(number).toBeDefined();

    // In 全部建议 with its 建议号 and both signed deputies.
    await openAt(office, 'pages/index/index');
    await tap(office, '#all-suggestions-link');
    await onPage(office, 'pages/office/suggestions/index');
    await fill(office, 'suggestions-keyword', FIRST.title);
    await tap(office, '#suggestions-search');
    await seeText(office, '共1件，已显示1件', '#suggestions-count');
    await seeText(office, `${number}号`, '#suggestions');
    await tap(office, '#suggestions .suggestion-item');
    await onPage(office, 'pages/work/detail/index');
    await seeText(office, '领衔代表：王建华', '#suggestion-header');
    expect(await textOf(office, '#suggestion-header')).toContain('附议代表：李秀英');
    expect(await textOf(office, '#suggestion-header')).not.toContain('张立新');

    // 交办; both deputies see the unit and the reply deadline.
    await tap(office, '#assign-btn');
    await onPage(office, 'pages/office/assign/index');
    await tap(office, '#pick-unit-fgw');
    await tap(office, '#assign-unit-fgw-sole');
    await tap(office, '#assign-submit');
    await onPage(office, 'pages/work/detail/index');
    await seeText(office, '市发展改革委（独办）', '#tasks');
    for (const page of [deputy, li]) {
      await openAt(page, 'pages/index/index');
      const card = `#deputy-home .suggestion-item:has-text("${FIRST.title}")`;
      await seeText(page, '承办：市发展改革委（独办）', card);
      await seeText(page, /答复期限：\d{4}-\d{2}-\d{2}/, card);
      await tap(page, '#messages-link');
      await onPage(page, 'pages/account/messages/index');
      await seeText(page, new RegExp(`${number}号建议《${FIRST.title}》已交办：市发展改革委（独办）。答复期限为\\d{4}-\\d{2}-\\d{2}`), '#inbox');
    }

    // A second proposal, returned for revision: the reason is asked for before the confirmation.
    await openAt(deputy, 'pages/proposals/edit/index');
    await fill(deputy, 'proposal-title', SECOND.title);
    await fill(deputy, 'proposal-content', SECOND.content);
    await fill(deputy, 'proposal-problem', SECOND.problem);
    await fill(deputy, 'proposal-measures', SECOND.measures);
    await seeText(deputy, '已保存', '#save-state');
    await tap(deputy, '#submit-proposal-btn');
    await confirmDialog(deputy);
    await seeToast(deputy, '已提交');
    const second = proposals().find((p) => p.title === SECOND.title)!;
    expect(second.state).toBe('submitted');
    await openAt(office, `pages/proposals/view/index?id=${second.id}`);
    await tap(office, '#decision-return');
    await tap(office, '#decide-submit');
    await seeText(office, '请填写退回修改的理由', '#form-error');
    expect(proposals().find((p) => p.id === second.id)!.state).toBe('submitted');
    await fill(office, 'decision-reason', RETURN_REASON);
    await tap(office, '#decide-submit');
    expect(await confirmDialog(office)).toMatch(/退回领衔代表修改/);
    await seeText(office, '已退回领衔代表修改', '#decided');

    await openAt(deputy, 'pages/proposals/mine/index');
    await seeText(deputy, `退回修改的理由：${RETURN_REASON}`, `#proposal-${second.id}`);
    await tap(deputy, `#proposal-${second.id}`);
    await onPage(deputy, 'pages/proposals/edit/index');
    await seeText(deputy, `联络员退回修改的理由：${RETURN_REASON}`, '#proposal-returned');
    await fill(deputy, 'proposal-measures', `${SECOND.measures}线路经过火车站和三个居民区，预计每晚客流约800人次。`);
    await seeText(deputy, '已保存', '#save-state');
    await settle(async () => proposals().find((p) => p.id === second.id)!.state, 'draft');
    expect(proposals().find((p) => p.id === second.id)).toMatchObject({ state: 'draft', reason: RETURN_REASON, measures: expect.stringContaining('每晚客流约800人次') });
    await snap(deputy, 'proposal-returned', '#proposal-returned');
  });
});
