import type { Page } from 'playwright-core';
import { useDemoOffice } from './support/demo-office';
import { PHONE, fill, onPage, seeText, snap, tap, visible } from './support/pages';

// What the screens say at the moments a person decides what to do next, on a 375×812 phone browser
// against the real gateway and the demo data: the reason a step must wait, where its button would be.
jest.setTimeout(180_000);

describe('the screens say what holds a step up', () => {
  const demo = useDemoOffice();
  const as = async (openid: string): Promise<Page> => (await demo.as(openid)).page;

  const visibleCount = (page: Page, text: string | RegExp) => page.getByText(text).filter({ visible: true }).count();

  it('shows on the draft page that a co-unit’s opinion is missing, before and after saving, once', async () => {
    // 1002号: the lead unit (市发展改革委) drafts while 市住房城乡建设局 has not sent its opinion.
    const handler = await as('demo-handler');
    await handler.goto(new URL('/#/pages/work/draft/index?id=sug-charging&taskId=sug-charging-task-1', demo.gw.url).toString());
    const reason = /尚有1家会办单位未送会办意见/;
    await seeText(handler, reason, '#submit-held-up');
    expect(await visibleCount(handler, reason)).toBe(1);
    expect(await visibleCount(handler, '保存并提交审核')).toBe(0);
    await snap(handler, 'draft-held-up-before-saving', '#submit-held-up');

    await tap(handler, '#reply-class-A');
    await fill(handler, 'reply-text', '已会同交通部门完成充电设施布局规划。');
    await fill(handler, 'leader-name', '吴国栋');
    await fill(handler, 'leader-phone', '053186000005');
    await fill(handler, 'handler-name', '刘洋');
    await fill(handler, 'handler-phone', '053186000001');
    await tap(handler, '#save-draft-btn');
    await seeText(handler, '草稿已保存', '#draft-saved');
    await visible(handler, '#submit-held-up');
    expect(await visibleCount(handler, reason)).toBe(1);
    expect(await visibleCount(handler, '草稿已保存，但当前还不能提交审核')).toBe(0);
    await snap(handler, 'draft-held-up-after-saving', '#submit-held-up');
  });

  it('makes a 独办 the 主办 when the coordinator adds a 会办, and offers no assignment on a finished suggestion', async () => {
    // 1008号: 市交通运输局 holds it alone (独办); the office adds 市住房城乡建设局 as 会办.
    const office = await as('demo-coordinator');
    await office.goto(new URL('/#/pages/work/detail/index?id=sug-bus', demo.gw.url).toString());
    await tap(office, '#assign-btn');
    await onPage(office, 'pages/office/assign/index');
    await tap(office, '#pick-unit-zjj');
    await tap(office, '#assign-unit-zjj-co');
    await seeText(office, '增加会办单位后，市交通运输局由独办改为主办', '#assign-sole-to-lead');
    await snap(office, 'assign-sole-to-lead', '#assign-sole-to-lead');
    await tap(office, '#assign-submit');
    await onPage(office, 'pages/work/detail/index');
    await seeText(office, '市交通运输局（主办）', '#task-card-sug-bus-task-1');
    await seeText(office, '市住房城乡建设局（会办）');
    await seeText(office, /会办意见期限/);
    await snap(office, 'detail-sole-became-lead');

    // 1005号 is 已办结: nothing to assign.
    await office.goto(new URL('/#/pages/work/detail/index?id=sug-nev', demo.gw.url).toString());
    await visible(office, '#suggestion-title');
    expect(await office.locator('#assign-btn').filter({ visible: true }).count()).toBe(0);
  });

  it('keeps the roster’s tabs and role filter in one row each, and brings 发放绑定码 into view after saving a person, with a visible QR', async () => {
    const admin = await as('demo-admin');
    await admin.goto(new URL('/#/pages/roster/index/index', demo.gw.url).toString());
    await visible(admin, '#roster-people .roster-person');
    const top = async (selector: string) => (await (await visible(admin, selector)).boundingBox())!.y;
    expect(await top('#roster-tab-units')).toBe(await top('#roster-tab-people'));
    expect(await top('#roster-role-admin')).toBe(await top('#roster-role-all'));
    expect(await top('#deputy-import-link')).toBe(await top('#person-new'));
    // The first person shows on the first screen.
    expect(await top('#roster-people .roster-person')).toBeLessThan(812);
    await snap(admin, 'roster-phone');

    await tap(admin, '#person-new');
    await onPage(admin, 'pages/roster/person/index');
    await fill(admin, 'person-name', '孙立新');
    await tap(admin, '#person-role-deputy');
    await fill(admin, 'person-delegation', '天桥区代表团');
    await tap(admin, '#person-save');
    const issue = await visible(admin, '#bind-code-issue');
    await expect(issue.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    })).resolves.toBe(true);
    await snap(admin, 'person-saved-next-step');
    await tap(admin, '#bind-code-issue');
    const qr = await (await visible(admin, '#bind-code-qr')).boundingBox();
    expect(qr!.width).toBeGreaterThan(100);
    expect(qr!.height).toBeGreaterThan(100);
    await snap(admin, 'bind-code-qr', '#bind-code');
  });
});

describe('a real start without demo data', () => {
  const start = useDemoOffice({ SWEEP_INTERVAL_MS: '0', DEMO_DATA: '0' });

  it('offers no 演示登录 on the public page', async () => {
    const context = await start.browser.newContext({ viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.goto(new URL('/#/pages/public/list/index', start.gw.url).toString());
    await seeText(page, '绑定身份', '#public-visitor');
    await page.waitForLoadState('networkidle');
    await snap(page, 'public-no-demo', '#public-visitor');
    expect(await page.getByText('演示登录').filter({ visible: true }).count()).toBe(0);
    await context.close();
  });
});
