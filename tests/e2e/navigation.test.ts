import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startGateway, type RunningGateway } from './support/gateway';
import { login, onPage, seeText, snap, tap, visible } from './support/pages';

// Going back while the next page's code is still loading (a tap on a card, then 返回 at once, on a
// slow network): the page that arrives late must not cover the page returned to. Before the guard in
// src/hooks/use-page-in-place.ts the late detail page stayed on top of the home, reading the home's
// parameters, and showed 「编号」不能为空 until the app was reloaded.
jest.setTimeout(180_000);

describe('going back before the next page has loaded', () => {
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

  it('leaves the user on the page returned to, and the suggestion still opens afterwards', async () => {
    const { page } = await login(browser, gw.url, 'demo-deputy');
    await onPage(page, 'pages/index/index');
    await visible(page, '#suggestion-sug-charging');
    // A slow network: every script arrives 0.8 s late, so the detail page's code is still on its way.
    await page.route(/\.js(\?|$)/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await tap(page, '#suggestion-sug-charging');
    await page.goBack();
    await onPage(page, 'pages/index/index');
    // The late page has arrived and been dealt with: what is shown is the home, with its list.
    await page.waitForTimeout(2500);
    await visible(page, '#suggestion-sug-charging');
    const shown = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.taro_page'))
        .filter((p) => getComputedStyle(p).display !== 'none')
        .map((p) => p.id.split('?')[0]),
    );
    expect(shown).toEqual(['/pages/index/index']);
    expect(await page.getByText(/「(编号|记录)」不能为空/).count()).toBe(0);
    await snap(page, 'back-before-loaded');
    await page.unroute(/\.js(\?|$)/);
    await tap(page, '#suggestion-sug-charging');
    await onPage(page, 'pages/work/detail/index');
    await seeText(page, '关于加快推进电动汽车充电桩配置的建议', '#suggestion-title');
  });
});
