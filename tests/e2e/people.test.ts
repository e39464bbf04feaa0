import Database from 'better-sqlite3';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openSqliteStore } from '../../src/server/adapters/sqlite/sqlite.store';
import { rebuildReadModels } from '../../src/server/read-models/rebuild';
import { launchBrowser } from './support/browser';
import { startGateway, type RunningGateway } from './support/gateway';
import { login, onPage, PHONE, seeText, snap, tap, textOf, textsOf, fill, visible } from './support/pages';

// The people around the work, on a 375×812 phone browser: the public reading disclosed replies
// without any login, and the roster bringing a person in (a bind code read off the admin's screen and
// typed in a fresh browser). One demo gateway for most of the file; one empty gateway (DEMO_DATA=0)
// for the first administrator.
jest.setTimeout(180_000);

describe('the public, without login', () => {
  let gw: RunningGateway;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    gw = await startGateway({ SWEEP_INTERVAL_MS: '0', APP_NOW: '2026-11-27T10:00:00+08:00', APP_CLOCK: 'frozen' });
  });

  afterAll(async () => {
    await browser?.close();
    await gw?.stop();
  });

  async function stranger(): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    return context.newPage();
  }

  it('opens `/` on the disclosed suggestions, searches them and reads a reply in full', async () => {
    const page = await stranger();
    await page.goto(gw.url);
    await onPage(page, 'pages/public/list/index');
    await visible(page, '#public-list');
    const count = await textOf(page, '#public-count');
    expect(count).toMatch(/^共[1-9]\d*件/);
    const first = await textOf(page, '#public-list .public-item');
    expect(first).toMatch(/承办单位：/);
    await snap(page, 'public-list');

    // A search that finds nothing, then one that finds the first suggestion by its title.
    await fill(page, 'public-keyword', '没有这样的建议标题');
    await tap(page, '#public-search');
    await seeText(page, '没有符合条件的公开建议');
    const title = first.split(' ').find((part) => part.startsWith('关于'))!;
    await fill(page, 'public-keyword', title.slice(2, 8));
    await tap(page, '#public-search');
    await seeText(page, title, '#public-list');

    await tap(page, '#public-list .public-item');
    await onPage(page, 'pages/public/reply/index');
    await seeText(page, title, '#public-title');
    const reply = await textOf(page, '#public-reply-0');
    expect(reply).toMatch(/签发日期：\d{4}-\d{2}-\d{2}/);
    expect(reply).toMatch(/类/);
    await snap(page, 'public-reply');

    // The demo login stays reachable from the public page.
    await page.goBack();
    await tap(page, '#public-demo-login');
    await page.waitForURL((u) => u.pathname === '/dev/login');
    await page.context().close();
  });
});

/** The code shown on the admin's screen, as the person would type it (the groups one after another). */
async function codeOnScreen(page: Page): Promise<string> {
  await visible(page, '#bind-code .bind-code-group');
  const groups = await textsOf(page, '#bind-code .bind-code-group');
  expect(groups.length).toBeGreaterThan(0);
  const qr = await page.locator('#bind-code-qr').last().getAttribute('src');
  expect(qr).toMatch(/^data:image\/gif;base64,/);
  return groups.join('');
}

/** A fresh browser (a new phone) opens the app, goes to the binding and enters the code. */
async function bindInFreshBrowser(browser: Browser, url: string, code: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(url);
  await tap(page, '#public-bind');
  await onPage(page, 'pages/account/bind/index');
  await fill(page, 'bind-code', code);
  await snap(page, 'bind');
  await tap(page, '#bind-btn');
  await visible(page, '#greeting');
  return page;
}

describe('with the demo data: onboarding and the 面复 rule', () => {
  let gw: RunningGateway;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    gw = await startGateway({ SWEEP_INTERVAL_MS: '0', APP_NOW: '2026-11-27T10:00:00+08:00', APP_CLOCK: 'frozen' });
  });

  afterAll(async () => {
    await browser?.close();
    await gw?.stop();
  });

  it('the admin finds a registered deputy, issues a code, and the deputy binds it on a new phone and sees his suggestions', async () => {
    const { page: admin } = await login(browser, gw.url, 'demo-admin');
    await tap(admin, '#roster-link');
    await onPage(admin, 'pages/roster/index/index');
    await visible(admin, '#roster-people');
    await snap(admin, 'roster-people');
    await tap(admin, '#roster-role-deputy');
    await fill(admin, 'roster-search', '张立新');
    await seeText(admin, '共1人，其中未绑定1人', '#roster-count');
    await tap(admin, '#roster-people .roster-person');
    await onPage(admin, 'pages/roster/person/index');
    await tap(admin, '#bind-code-issue');
    const code = await codeOnScreen(admin);
    await snap(admin, 'roster-bind-code', '#bind-code');

    const deputy = await bindInFreshBrowser(browser, gw.url, code);
    await seeText(deputy, '张立新，您好', '#greeting');
    await seeText(deputy, '关于加强托育发展助力消费升级的建议');
    await seeText(deputy, '关于改善黄河滩区群众生产生活条件的建议');
    await deputy.context().close();
    await admin.context().close();
  });

  it('the coordinator assigns a suggestion to 3 of 200 units, found by name, each with its role', async () => {
    const { page: office, context } = await login(browser, gw.url, 'demo-coordinator');
    // The roster grows to 200 units (the demo has 5): 195 district bureaus.
    for (let i = 1; i <= 195; i += 1) {
      const res = await context.request.post(new URL('/api/api', gw.url).toString(), {
        data: { action: 'units.upsert', data: { name: `第${i}区${i % 3 === 0 ? '民政局' : i % 3 === 1 ? '交通运输局' : '水务局'}` } },
      });
      expect((await res.json()).ok).toBe(true);
    }
    await office.goto(new URL('/#/pages/work/detail/index?id=sug-floodplain', gw.url).toString());
    await tap(office, '#assign-btn');
    await onPage(office, 'pages/office/assign/index');
    await seeText(office, '选择承办单位（共200个单位）');
    await fill(office, 'assign-search', '市水务局');
    await tap(office, '#pick-unit-slj');
    await fill(office, 'assign-search', '第7区交通');
    await tap(office, '#assign-units .unit-pick');
    await fill(office, 'assign-search', '第9区民政');
    await tap(office, '#assign-units .unit-pick');
    await tap(office, '#assign-unit-slj-lead');
    const chosen = await textsOf(office, '#assign-chosen .field-label');
    expect(chosen).toEqual(['市水务局', '第7区交通运输局', '第9区民政局']);
    for (const id of await office.locator('#assign-chosen .field').filter({ visible: true }).evaluateAll((els) => els.map((e) => e.id))) {
      if (id !== 'assign-unit-slj') await tap(office, `#${id}-co`);
    }
    await snap(office, 'assign-3-of-200', '#assign-submit');
    await tap(office, '#assign-submit');
    await onPage(office, 'pages/work/detail/index');
    await seeText(office, '市水务局（主办）', '#tasks');
    await seeText(office, '第7区交通运输局（会办）', '#tasks');
    await seeText(office, '第9区民政局（会办）', '#tasks');
    await context.close();
  });

  it('a reply approved without a 面复 record: the leader sees why it cannot be signed, the handler that it waits for one', async () => {
    // 1006号 waits at 待签发; its only contact record is taken away, so no 面复 is recorded. Taken
    // out of the file behind the app's back, so the read models are then repaired from the records,
    // as `npm run rebuild:read-models` does.
    const file = path.join(gw.dataDir, 'jianyitong.sqlite');
    const db = new Database(file);
    try {
      expect(db.prepare("DELETE FROM contacts WHERE id = 'sug-childcare-task-1-contact'").run().changes).toBe(1);
    } finally {
      db.close();
    }
    const store = openSqliteStore(file);
    try {
      expect((await rebuildReadModels(store)).rowsWritten).toBeGreaterThan(0);
    } finally {
      store.close();
    }
    const { page: leader } = await login(browser, gw.url, 'demo-leader');
    const queued = await seeText(leader, '关于加强托育发展助力消费升级的建议', '#leader-queue');
    expect(await textOf(leader, '#leader-queue .task-item')).toContain('签发答复：需先登记面复记录');
    await snap(leader, 'leader-queue-no-face-to-face');
    await queued.click();
    await onPage(leader, 'pages/work/detail/index');
    await seeText(leader, /签发答复：需先登记面复记录/, '#blocked-tasks-sign');
    expect(await leader.locator('#sign-btn').filter({ visible: true }).count()).toBe(0);
    await snap(leader, 'detail-sign-blocked', '#blocked-tasks-sign');

    const { page: handler } = await login(browser, gw.url, 'demo-handler');
    await seeText(handler, '关于加强托育发展助力消费升级的建议', '#handler-queue');
    await tap(handler, '#task-sug-childcare-task-1');
    await onPage(handler, 'pages/work/detail/index');
    await seeText(handler, /待承办人登记面复记录/, '#waiting-sug-childcare-task-1');
    await snap(handler, 'detail-waiting-face-to-face', '#waiting-sug-childcare-task-1');
    await leader.context().close();
    await handler.context().close();
  });
});

describe('a real start: no demo data, the first administrator, a unit and a deputy', () => {
  let gw: RunningGateway;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    gw = await startGateway({ SWEEP_INTERVAL_MS: '0', DEMO_DATA: '0' });
  });

  afterAll(async () => {
    await browser?.close();
    await gw?.stop();
  });

  it('has no dev endpoint: login, logout and clock all answer 404, and the clock stays the machine\'s', async () => {
    const origin = gw.url.replace(/\/$/, '');
    for (const [method, url] of [['GET', '/dev/login'], ['GET', '/dev/login.js'], ['POST', '/dev/login'], ['POST', '/dev/logout'], ['POST', '/dev/clock']] as const) {
      const res = await fetch(new URL(url, gw.url), {
        method,
        headers: { 'content-type': 'application/json', origin },
        ...(method === 'POST' ? { body: JSON.stringify({ openid: 'demo-admin', now: '2020-01-01T00:00:00Z' }) } : {}),
      });
      expect({ method, url, status: res.status }).toEqual({ method, url, status: 404 });
    }
    const { now } = (await (await fetch(new URL('/health', gw.url))).json()) as { now: string };
    expect(Math.abs(Date.parse(now) - Date.now())).toBeLessThan(60_000);
  });

  it('offers the first administrator once; the admin adds a unit and a deputy and issues a code that a new phone binds', async () => {
    expect(gw.output()).toContain('未载入演示数据（DEMO_DATA=0）');
    expect(gw.output()).toContain('尚无管理员');
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const admin = await context.newPage();
    await admin.goto(gw.url);
    await tap(admin, '#setup-link');
    await onPage(admin, 'pages/roster/setup/index');
    await fill(admin, 'setup-name', '张主任');
    await fill(admin, 'setup-office', '市人民政府办公室');
    await snap(admin, 'roster-setup');
    await tap(admin, '#setup-submit');
    await seeText(admin, '张主任，您好', '#greeting');

    await tap(admin, '#roster-link');
    await onPage(admin, 'pages/roster/index/index');
    await tap(admin, '#roster-tab-units');
    await fill(admin, 'unit-name', '市民政局');
    await fill(admin, 'unit-departments', '养老服务处、社会救助处');
    await tap(admin, '#unit-submit');
    await seeText(admin, '已新增单位：市民政局', '#unit-added');
    await seeText(admin, '处室：养老服务处、社会救助处', '#roster-units');
    await snap(admin, 'roster-units');

    await tap(admin, '#roster-tab-people');
    await tap(admin, '#person-new');
    await onPage(admin, 'pages/roster/person/index');
    await fill(admin, 'person-name', '赵海燕');
    await tap(admin, '#person-role-deputy');
    await fill(admin, 'person-delegation', '天桥区代表团');
    await snap(admin, 'roster-person');
    await tap(admin, '#person-save');
    await tap(admin, '#bind-code-issue');
    const code = await codeOnScreen(admin);

    const deputy = await bindInFreshBrowser(browser, gw.url, code);
    await seeText(deputy, '赵海燕，您好', '#greeting');
    await seeText(deputy, '我的建议');
    // The one-time step is over: another new phone is not offered it.
    const other = await (await browser.newContext({ viewport: PHONE })).newPage();
    await other.goto(gw.url);
    await onPage(other, 'pages/public/list/index');
    expect(await other.locator('#setup-link').count()).toBe(0);
    await other.context().close();
    await deputy.context().close();
    await context.close();
  });
});
