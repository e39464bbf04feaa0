// A slow phone's first screen: the public list and a deputy's home opened in a real Chromium at 4× CPU
// slowdown, 150 ms round trip and 1.6 Mbps down (the conditions docs/performance.md names), cold (an
// empty cache) and again (the hashed files from the browser's cache). Figures: the median time to first
// contentful paint and to the page's own content, and the bytes that crossed the network; the same cold
// visit with compression refused (Accept-Encoding: identity) gives the ratio compression buys.
// Needs the H5 build (`npm run build:h5`) and Chromium (CHROME_PATH or /usr/bin/chromium).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/support/browser';
import { startGateway } from '../tests/e2e/support/gateway';
import { median } from './stats';

const RUNS = 5;
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };

interface Visit {
  name: string;
  path: string;
  ready: string; // the page's own content, not the frame
  as?: string; // a demo person's openid, logged in first
}

const VISITS: Visit[] = [
  { name: 'public', path: '/#/pages/public/list/index', ready: '#public-list' },
  { name: 'deputyHome', path: '/#/pages/index/index', ready: '#home', as: 'demo-deputy' },
];

interface Figures {
  fcpMs: number;
  readyMs: number;
  bytes: number;
}

async function open(browser: Browser, base: string, visit: Visit, mode: 'cold' | 'identity' | 'warm'): Promise<Figures> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    if (visit.as) {
      await page.goto(new URL('/dev/login', base).toString());
      await page.click(`#login-${visit.as}`);
      await page.waitForURL((u) => !u.pathname.startsWith('/dev/'));
      await page.waitForSelector('#home', { timeout: 60_000 });
      await page.goto('about:blank');
      // Logging in loaded the app: a cold visit starts again from an empty cache (the session cookie stays).
      if (mode !== 'warm') {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.clearBrowserCache');
        await cdp.detach();
      }
    }
    if (mode === 'warm') {
      // Fill the cache at full speed, then leave for a blank page.
      await page.goto(new URL(visit.path, base).toString());
      await page.waitForSelector(visit.ready, { timeout: 60_000 });
      await page.goto('about:blank');
    }
    return await measured(page, base, visit, mode === 'identity');
  } finally {
    await context.close();
  }
}

async function measured(page: Page, base: string, visit: Visit, identity: boolean): Promise<Figures> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  if (identity) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength));
  const started = Date.now();
  await page.goto(new URL(visit.path, base).toString());
  await page.waitForSelector(visit.ready, { timeout: 120_000 });
  const readyMs = Date.now() - started;
  const fcpMs = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  );
  await cdp.detach();
  return { fcpMs, readyMs, bytes };
}

export async function benchFirstScreen(): Promise<Record<string, number | string>> {
  // Said, not thrown: the other benchmarks of `npm run bench` still run without a build.
  if (!existsSync(path.resolve(__dirname, '../dist-h5/index.html'))) return { notMeasured: 'no H5 build: run npm run build:h5 first' };
  const gateway = await startGateway();
  const browser = await launchBrowser();
  const out: Record<string, number> = {};
  try {
    for (const visit of VISITS) {
      for (const mode of ['cold', 'identity', 'warm'] as const) {
        const runs: Figures[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await open(browser, gateway.url, visit, mode));
        out[`${visit.name}.${mode}.fcpMedianMs`] = median(runs.map((r) => r.fcpMs));
        out[`${visit.name}.${mode}.readyMedianMs`] = median(runs.map((r) => r.readyMs));
        out[`${visit.name}.${mode}.kbSent`] = median(runs.map((r) => r.bytes)) / 1024;
      }
      out[`${visit.name}.identityToCold.ready`] = out[`${visit.name}.identity.readyMedianMs`]! / out[`${visit.name}.cold.readyMedianMs`]!;
    }
  } finally {
    await browser.close();
    await gateway.stop();
  }
  return out;
}
