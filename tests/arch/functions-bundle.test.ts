import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// The cloud functions are deployed as one bundled index.js each, carrying src/core and src/server.
// These tests build them as `npm run build:functions` does and load the api bundle as the platform would.
const root = path.resolve(__dirname, '../..');
const bundle = (name: string) => path.join(root, 'cloudfunctions', name, 'index.js');

describe('the cloud function bundles', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build-functions.mjs')], { cwd: root, stdio: 'pipe' });
  }, 120_000);

  it('carry no local-only code (SQLite, the gateway, fastify) and leave wx-server-sdk to the platform', () => {
    const code = readFileSync(bundle('api'), 'utf8');
    expect(code).not.toMatch(/better-sqlite3|fastify|dev\/login/);
    expect(code).toContain('require("wx-server-sdk")');
  });

  it('the api bundle exports main and refuses a caller without an identity', async () => {
    // Outside the cloud: no metadata lookups, fake credentials (see TOOLCHAIN.md); no OPENID in the context.
    Object.assign(process.env, { TENCENTCLOUD: 'true', TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key' });
    const fn = require(bundle('api')) as { main: (event: unknown, context: unknown) => Promise<unknown> };
    expect(typeof fn.main).toBe('function');
    const res = await fn.main({ action: 'suggestions.list', data: {}, userInfo: { openId: 'forged' } }, {});
    expect(res).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('the reminders bundle runs only for the timer: a call carrying an OPENID is refused', async () => {
    Object.assign(process.env, { TENCENTCLOUD: 'true', TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key' });
    const fn = require(bundle('reminders')) as { main: (event: unknown, context: unknown) => Promise<unknown> };
    // The platform hands the caller's identity to getWXContext() through these variables.
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
    process.env.WX_OPENID = 'o-someone';
    process.env.WX_APPID = 'wx-test';
    try {
      expect(await fn.main({}, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      delete process.env.WX_CONTEXT_KEYS;
      delete process.env.WX_OPENID;
      delete process.env.WX_APPID;
    }
  });
});
