import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startGateway, type RunningGateway } from './support/gateway';
import { onPage, PHONE, seeText, snap, tap, textOf, fill, visible } from './support/pages';

// The people around the work, on a 375×812 phone browser: the public reading disclosed replies
// without any login. One gateway (demo data, frozen daytime clock) for the whole file.
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
