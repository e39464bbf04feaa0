import Database from 'better-sqlite3';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startGateway, type RunningGateway } from './support/gateway';
import { screenshotDir } from './support/screens';

// The foundation's promise: the local stack starts, answers /health, and a deputy who logs in on
// the H5 app sees his or her suggestions, read from the SQLite file through the gateway.
describe('the local stack', () => {
  let gw: RunningGateway;
  let browser: Browser;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jyt-foundation-'));

  beforeAll(async () => {
    browser = await launchBrowser();
    gw = await startGateway({ DATA_DIR: dataDir });
  });

  afterAll(async () => {
    await browser?.close();
    await gw?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function titlesOfDeputy(openid: string): string[] {
    const db = new Database(path.join(dataDir, 'jianyitong.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const docs = (table: string) => (db.prepare(`SELECT doc FROM ${table}`).all() as { doc: string }[]).map((r) => JSON.parse(r.doc));
      const user = docs('users').find((u) => u.openid === openid);
      return docs('suggestions')
        .filter((s) => s.leadDeputyId === user.id || s.coSignerIds.includes(user.id))
        .map((s) => s.title as string);
    } finally {
      db.close();
    }
  }

  it('answers /health', async () => {
    const res = await fetch(new URL('/health', gw.url));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, store: 'sqlite' });
  });

  it('refuses an API call without a login', async () => {
    const res = await fetch(new URL('/api/api', gw.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'suggestions.list', data: {} }),
    });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('shows the demo deputy his or her suggestions after the dev login', async () => {
    const titles = titlesOfDeputy('demo-deputy');
    expect(titles.length).toBeGreaterThan(0);

    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    // Whatever the gateway's Content-Security-Policy blocks is reported here (and on the console).
    const refused: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) refused.push(msg.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await page.goto(new URL('/dev/login', gw.url).toString());
    await page.click('#login-demo-deputy');
    await page.waitForURL((u) => !u.pathname.startsWith('/dev/'));
    for (const title of titles) {
      await page.getByText(title, { exact: false }).first().waitFor({ timeout: 30_000 });
    }
    // The app runs under the CSP: Taro's inline root-font script ran (allowed by its hash), nothing was refused.
    expect(await page.evaluate(() => document.documentElement.style.fontSize)).toMatch(/px$/);
    await page.getByText(titles[0]!, { exact: false }).first().click();
    await page.waitForFunction(() => window.location.hash.includes('detail'), undefined, { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    expect(refused).toEqual([]);
    mkdirSync(screenshotDir(), { recursive: true });
    await page.screenshot({ path: path.join(screenshotDir(), 'deputy-home.png'), fullPage: true });
    await page.close();
  });

  it('loads the demo data once: a second start does not duplicate it', async () => {
    const before = titlesOfDeputy('demo-deputy').length;
    await gw.stop();
    gw = await startGateway({ DATA_DIR: dataDir });
    expect(gw.output()).toContain('使用已有数据');
    expect(titlesOfDeputy('demo-deputy')).toHaveLength(before);
  });

  it('`npm start` (its script, reusing the H5 build) prints the URL of a gateway that answers', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jyt-start-'));
    const root = path.resolve(__dirname, '../..');
    const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
      cwd: root,
      env: { ...process.env, SKIP_BUILD: '1', PORT: '0', DATA_DIR: dir, SWEEP_INTERVAL_MS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (d) => (out += String(d)));
    child.stderr?.on('data', (d) => (out += String(d)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL in 60 s:\n${out}`)), 60_000);
        child.stdout?.on('data', () => {
          // The URL line and the login line may arrive in separate chunks: wait for both.
          const m = /建议通本地服务已启动：(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m && out.includes('演示登录：')) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
      });
      expect(out).toContain('已载入演示数据。');
      expect(out).toContain(`${url}dev/login`);
      expect(await (await fetch(new URL('/health', url))).json()).toMatchObject({ ok: true, store: 'sqlite' });
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
