import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CLOUD_COLLECTIONS } from '../../src/server/adapters/cloudbase/cloudbase.store';
import { startCloudBaseEmulator, type CloudBaseEmulator } from '../support/cloudbase-emulator';

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

  // 455 KB: the deputies' proposals and the bounded spreadsheet reader (its streaming XML parser, 24 KB)
  // grew the bundle past the former 400 KB, the CloudBase mappings of list rows and tasks into the
  // documents that hold them (2 KB) past 450 KB; still a few milliseconds to load at a cold start.
  it('keep the api bundle within 455 KB, with the heavy libraries left to the actions that load them', () => {
    expect(statSync(bundle('api')).size).toBeLessThanOrEqual(455 * 1024);
    const pkg = JSON.parse(readFileSync(path.join(root, 'cloudfunctions/api/package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['docx', 'exceljs', 'libphonenumber-js', 'wx-server-sdk']);
    // A cold start (require of the bundle, as the platform does) loads none of them.
    const loaded = execFileSync(
      process.execPath,
      ['-e', `require(${JSON.stringify(bundle('api'))}); console.log(JSON.stringify(Object.keys(require.cache).filter((f) => /node_modules[\\/](exceljs|docx|libphonenumber-js)[\\/]/.test(f))))`],
      { cwd: root, env: { ...process.env, TENCENTCLOUD: 'true', TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key' }, encoding: 'utf8' },
    );
    expect(JSON.parse(loaded.trim().split('\n').pop()!)).toEqual([]);
  });

  it('the api bundle exports main and refuses a caller without an identity', async () => {
    // Outside the cloud: no metadata lookups, fake credentials (docs/cloudbase-emulator.md); no OPENID in the context.
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

// The deployment of docs/deployment.md (WeChat devtools and CloudBase, steps 3–6) with the built bundles, loaded as
// the platform loads them, against a fresh emulated environment. The platform injects the service's
// address as TCB_CONTEXT_CNFG.URL (@cloudbase/node-sdk dist/utils/tcbcontext.js getServerInjectUrl),
// which is how these bundles reach the emulator without a line of test code inside them.
describe('the documented deployment, walked through on the CloudBase emulator', () => {
  let emulator: CloudBaseEmulator;
  type Main = (event: unknown, context: unknown) => Promise<unknown>;
  const load = (name: string) => (require(bundle(name)) as { main: Main }).main;

  beforeAll(async () => {
    emulator = await startCloudBaseEmulator(); // a new environment: no collections at all
    Object.assign(process.env, {
      TENCENTCLOUD: 'true',
      TENCENTCLOUD_SECRETID: 'id',
      TENCENTCLOUD_SECRETKEY: 'key',
      SILENCE: 'true',
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: emulator.url }),
    });
  });
  afterAll(async () => {
    delete process.env.TCB_CONTEXT_CNFG;
    await emulator.close();
  });

  /** Runs a function with the platform's context: the caller's OPENID, or the timer's TRIGGER_SRC. */
  async function run(main: Main, event: unknown, as: { openid?: string; timer?: boolean } = {}) {
    const keys: Record<string, string> = as.openid ? { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: as.openid, WX_APPID: 'wx-test' } : {};
    if (as.timer) keys.TRIGGER_SRC = 'timer';
    Object.assign(process.env, keys);
    try {
      return await main(event, {});
    } finally {
      for (const key of Object.keys(keys)) delete process.env[key];
    }
  }

  it('creates every collection and the first administrator once, after which the api and the timer work', async () => {
    const reminders = load('reminders');
    // Before setup, a timer run fails on the first missing collection (−502005).
    await expect(run(reminders, {}, { timer: true })).rejects.toMatchObject({ errCode: -502005 });

    const setup = load('setup');
    expect(await run(setup, { adminName: '张管理' }, { openid: 'o-intruder' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(emulator.collectionNames()).toEqual([]);
    const first = (await run(setup, { adminName: '张管理' })) as {
      ok: true;
      data: { collections: { created: string[]; existing: string[] }; firstAdmin: { status: string; code: string }; indexesToCreateInConsole: string[] };
    };
    expect(first.ok).toBe(true);
    expect(emulator.collectionNames()).toEqual([...CLOUD_COLLECTIONS].sort());
    expect(first.data.collections.created.sort()).toEqual([...CLOUD_COLLECTIONS].sort());
    expect(first.data.firstAdmin.status).toBe('created');
    expect(first.data.indexesToCreateInConsole).toContain('suggestions.session_number（唯一）');
    const again = (await run(setup, { adminName: '李管理' })) as typeof first;
    expect(again.data.collections.created).toEqual([]);
    expect(again.data.firstAdmin).toEqual({ status: 'exists' });

    const api = load('api');
    expect(await run(api, { action: 'me' }, { openid: 'o-admin' })).toMatchObject({ ok: true });
    expect(await run(api, { action: 'users.bind', data: { code: first.data.firstAdmin.code } }, { openid: 'o-admin' })).toMatchObject({ ok: true });
    expect(await run(api, { action: 'me' }, { openid: 'o-admin' })).toMatchObject({ ok: true, data: { user: { name: '张管理', roles: ['admin'] } } });
    expect(await run(api, { action: 'units.upsert', data: { name: '市民政局' } }, { openid: 'o-admin' })).toMatchObject({ ok: true });

    // The timer's run now completes; any other caller of reminders is refused.
    expect(await run(reminders, {}, { timer: true })).toMatchObject({ scanComplete: true });
    expect(await run(reminders, {}, { openid: 'o-admin' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    process.env.TCB_SOURCE = 'wx_http';
    try {
      expect(await run(reminders, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      delete process.env.TCB_SOURCE;
    }
  }, 60_000);
});
