import Database from 'better-sqlite3';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startGateway, type RunningGateway } from './gateway';
import { login, type Session } from './pages';

// The preamble the phone-browser stories share: one Chromium and one real gateway over the demo data
// (or another start, by its environment) for the describe block, people logged in by their demo openids (each in a browser context of its
// own, closed at the end), what the gateway stored read back from its SQLite file, and an action
// called over HTTP as a logged-in person (for the steps a story takes as given).

export interface DemoOffice {
  /** The running gateway (after beforeAll). */
  readonly gw: RunningGateway;
  /** The browser (after beforeAll), for a visitor who is not logged in. */
  readonly browser: Browser;
  /** Logs this demo person in, in a browser context of his or her own, on the home page. */
  as(openid: string): Promise<Session>;
  /** The stored document of `table` with this id; throws when there is none. */
  stored<T>(table: string, id: string): T;
  /** Every stored document of `table`. */
  storedRows<T>(table: string): T[];
  /** Calls an action as the person logged in on `page`; throws with the error when refused. */
  call(page: Page, action: string, data: object): Promise<Record<string, unknown>>;
}

/** Starts the browser and the gateway before the block's tests and stops both (and every session) after. */
export function useDemoOffice(env: Record<string, string> = { SWEEP_INTERVAL_MS: '0' }): DemoOffice {
  let gw: RunningGateway | undefined;
  let browser: Browser | undefined;
  const sessions: Session[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    gw = await startGateway(env);
  });

  afterAll(async () => {
    for (const s of sessions) await s.context.close();
    await browser?.close();
    await gw?.stop();
  });

  const running = (): RunningGateway => {
    if (!gw) throw new Error('the gateway is not running (useDemoOffice is used inside a describe block)');
    return gw;
  };
  const open = () => new Database(path.join(running().dataDir, 'jianyitong.sqlite'), { readonly: true, fileMustExist: true });

  return {
    get gw() {
      return running();
    },
    get browser() {
      if (!browser) throw new Error('the browser is not running');
      return browser;
    },
    async as(openid) {
      if (!browser) throw new Error('the browser is not running');
      const session = await login(browser, running().url, openid);
      sessions.push(session);
      return session;
    },
    stored<T>(table: string, id: string): T {
      const db = open();
      try {
        const row = db.prepare(`SELECT doc FROM ${table} WHERE id = ?`).get(id) as { doc: string } | undefined;
        if (!row) throw new Error(`${table}/${id} is not stored`);
        return JSON.parse(row.doc) as T;
      } finally {
        db.close();
      }
    },
    storedRows<T>(table: string): T[] {
      const db = open();
      try {
        return (db.prepare(`SELECT doc FROM ${table}`).all() as { doc: string }[]).map((r) => JSON.parse(r.doc) as T);
      } finally {
        db.close();
      }
    },
    async call(page, action, data) {
      const response = await page.request.post(new URL('/api/api', running().url).toString(), { data: { action, data } });
      const body = (await response.json()) as { ok: boolean; data?: Record<string, unknown>; error?: unknown };
      if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`);
      return body.data ?? {};
    },
  };
}
