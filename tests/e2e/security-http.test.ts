import type { ApiResponse } from '../../src/core/errors';
import type { BindCodeResult, SuggestionDetail, UserView } from '../../src/contract';
import { startGateway, type RunningGateway } from './support/gateway';

// Tried as an attacker would, against the real local gateway and its SQLite file, through the HTTP
// API the H5 app uses: guessing bind codes, a coordinator reaching for administrator rights, and
// what a deputy's browser receives about the units' internal work.
const NOW = '2026-03-02T02:00:00.000Z';
const SECRET_REASON = '内部原因：预算尚未批复（不得外传）';

describe('security over HTTP', () => {
  let gw: RunningGateway;
  const sessions = new Map<string, string>();

  beforeAll(async () => {
    gw = await startGateway({ APP_NOW: NOW, APP_CLOCK: 'frozen', SWEEP_INTERVAL_MS: '0' });
  });
  afterAll(async () => {
    await gw?.stop();
  });

  /** A demo user's session, through the dev login as its page sends it (JSON from the same origin). */
  async function login(openid: string): Promise<string> {
    const known = sessions.get(openid);
    if (known) return known;
    const origin = gw.url.replace(/\/$/, '');
    const res = await fetch(new URL('/dev/login', gw.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ openid }),
    });
    expect(res.status).toBe(200);
    const cookie = String(res.headers.get('set-cookie')).split(';')[0]!;
    sessions.set(openid, cookie);
    return cookie;
  }

  /** POST /api/api as a demo user (logged in) or as any WeChat identity (the session cookie the platform stands for). */
  async function call<T = unknown>(who: { demo: string } | { wechat: string }, action: string, data: unknown): Promise<ApiResponse<T>> {
    const cookie = 'demo' in who ? await login(who.demo) : `jyt_openid=${encodeURIComponent(who.wechat)}`;
    const res = await fetch(new URL('/api/api', gw.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ action, data }),
    });
    return (await res.json()) as ApiResponse<T>;
  }
  async function ok<T>(who: { demo: string } | { wechat: string }, action: string, data: unknown): Promise<T> {
    const res = await call<T>(who, action, data);
    if (!res.ok) throw new Error(`${action}: ${res.error.code} ${res.error.message}`);
    return res.data;
  }
  const coordinator = { demo: 'demo-coordinator' };
  const admin = { demo: 'demo-admin' };

  it('locks out a WeChat identity that guesses bind codes, even once it sends the right one', async () => {
    const { code } = await ok<BindCodeResult>(coordinator, 'users.issueBindCode', { userId: 'user-deputy-zhang' });
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
    const attacker = { wechat: 'wx-attacker' };
    const answers = [];
    for (const guess of ['K7PM-3XQ9-TR', 'K7PM-3XQ9-TS', 'K7PM-3XQ9-TT', 'K7PM-3XQ9-TU', 'K7PM-3XQ9-TV', 'K7PM-3XQ9-TW']) {
      answers.push(await call(attacker, 'users.bind', { code: guess }));
    }
    expect(answers.slice(0, 4).map((a) => !a.ok && a.error.code)).toEqual(['VALIDATION', 'VALIDATION', 'VALIDATION', 'VALIDATION']);
    expect(answers.slice(4).map((a) => !a.ok && a.error.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    // The right code does not help a locked identity …
    expect(await call(attacker, 'users.bind', { code })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(attacker, 'me', {})).toMatchObject({ ok: true, data: { bound: false } });
    // … and still binds the person it was given to.
    expect(await call({ wechat: 'wx-zhang' }, 'users.bind', { code: code.toLowerCase() })).toMatchObject({ ok: true, data: { user: { name: '张立新' } } });
  });

  it('refuses a coordinator who reaches for administrator rights', async () => {
    const admin2 = await ok<UserView>(admin, 'users.upsert', { name: '第二管理员', roles: ['admin'] });
    expect(await call(coordinator, 'users.issueBindCode', { userId: admin2.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const users = await ok<{ items: UserView[] }>(coordinator, 'users.list', {});
    const me = users.items.find((u) => u.name === '郑晓燕')!;
    expect(await call(coordinator, 'users.upsert', { id: me.id, version: me.version, name: me.name, roles: ['coordinator', 'admin'] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const theAdmin = users.items.find((u) => u.roles.includes('admin') && u.bound)!;
    expect(await call(coordinator, 'users.upsert', { id: theAdmin.id, version: theAdmin.version, name: theAdmin.name, roles: ['deputy'] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call(admin, 'users.upsert', { id: theAdmin.id, version: theAdmin.version, name: theAdmin.name, roles: ['deputy'] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    expect((await ok<{ user: { roles: string[] } }>(admin, 'me', {})).user.roles).toEqual(['admin']);
  });

  it("shows the deputy the suggestion, not the unit's internal reasons", async () => {
    const handler = { demo: 'demo-handler' };
    const before = await ok<SuggestionDetail>(handler, 'suggestions.get', { id: 'sug-charging' });
    const task = before.tasks.find((t) => t.unitName === '市发展改革委')!;
    await ok(handler, 'tasks.requestExtension', { taskId: task.id, version: task.version, reason: SECRET_REASON, requestedDue: task.policy.extensionCap });
    expect(JSON.stringify(await ok(coordinator, 'suggestions.get', { id: 'sug-charging' }))).toContain(SECRET_REASON);
    const deputyView = await ok<SuggestionDetail>({ demo: 'demo-deputy' }, 'suggestions.get', { id: 'sug-charging' });
    const text = JSON.stringify(deputyView);
    expect(deputyView.tasks.length).toBeGreaterThan(0);
    expect(text).not.toContain(SECRET_REASON);
    expect(text).not.toMatch(/"(extensionRequest|returnRequest|reviews|openid)"/);
    expect(deputyView.opinions).toEqual([]);
  });

  it('answers probes of the gateway in the response shape, and takes dev posts only from its own pages', async () => {
    for (const fn of ['__proto__', 'constructor', 'hasOwnProperty']) {
      const res = await fetch(new URL(`/api/${fn}`, gw.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"me"}' });
      expect([res.status, await res.json()]).toEqual([404, { ok: false, error: { code: 'NOT_FOUND', message: '没有这个云函数' } }]);
    }
    const clock = await fetch(new URL('/dev/clock', gw.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ now: '2030-01-01T00:00:00Z' }),
    });
    expect(clock.status).toBe(403);
    expect((await (await fetch(new URL('/health', gw.url))).json()) as { now: string }).toMatchObject({ now: NOW });
  });
});
