import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGateway, type FunctionEntry } from '../../../src/server/gateway/gateway';
import { createLocalClock } from '../../../src/server/gateway/local-clock';

const demoUsers = [{ openid: 'demo-deputy', name: '王建华', roleLabel: '代表' }];

interface Sent {
  statusCode: number;
  headers: Headers;
  body: string;
  json: () => unknown;
}

/** The gateway listening on a free loopback port, with a small client (fastify's inject needs ESM that Jest cannot load). */
async function gateway(seen: unknown[] = []) {
  const app = await build(seen);
  await app.listen({ host: '127.0.0.1', port: 0 });
  opened.push(app);
  const { port } = app.server.address() as { port: number };
  return {
    inject: async (req: { method: string; url: string; payload?: unknown; headers?: Record<string, string> }): Promise<Sent> => {
      const isText = typeof req.payload === 'string';
      const res = await fetch(`http://127.0.0.1:${port}${req.url}`, {
        method: req.method,
        redirect: 'manual',
        headers: { ...(req.payload !== undefined && !isText ? { 'content-type': 'application/json' } : {}), ...req.headers },
        body: req.payload === undefined ? undefined : isText ? (req.payload as string) : JSON.stringify(req.payload),
      });
      const body = await res.text();
      return { statusCode: res.status, headers: res.headers, body, json: () => JSON.parse(body) };
    },
  };
}

const opened: { close: () => Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((a) => a.close()));
});

async function build(seen: unknown[]) {
  const clock = createLocalClock('2026-03-02T02:00:00.000Z', true);
  const api: FunctionEntry = async (event, wx) => {
    seen.push({ event, wx });
    return { ok: true, data: { openid: wx.OPENID ?? null } };
  };
  return createGateway({
    functions: { api },
    staticDir: mkdtempSync(path.join(os.tmpdir(), 'jyt-static-')),
    demoUsers,
    health: () => ({ store: 'test' }),
    clock,
  });
}

describe('the local gateway', () => {
  it('puts the logged-in openid into the function context, from the cookie only', async () => {
    const seen: { wx: { OPENID?: string } }[] = [];
    const app = await gateway(seen);
    const login = await app.inject({ method: 'POST', url: '/dev/login', payload: 'openid=demo-deputy', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(login.statusCode).toBe(303);
    const cookie = String(login.headers.get('set-cookie')).split(';')[0]!;
    const res = await app.inject({ method: 'POST', url: '/api/api', payload: { action: 'me', openid: 'someone-else' }, headers: { cookie } });
    expect(res.json()).toEqual({ ok: true, data: { openid: 'demo-deputy' } });
    expect(seen[0]!.wx.OPENID).toBe('demo-deputy');
    const anonymous = await app.inject({ method: 'POST', url: '/api/api', payload: { action: 'me' } });
    expect(anonymous.json()).toEqual({ ok: true, data: { openid: null } });
  });

  it('sends a visitor without a session to the dev login, and one with a session to the app', async () => {
    const app = await gateway();
    const anonymous = await app.inject({ method: 'GET', url: '/' });
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.get('location')).toBe('/dev/login');
    const known = await app.inject({ method: 'GET', url: '/', headers: { cookie: 'jyt_openid=demo-deputy' } });
    expect(known.statusCode).not.toBe(302);
  });

  it('refuses a login as someone who is not a demo user', async () => {
    const app = await gateway();
    const res = await app.inject({ method: 'POST', url: '/dev/login', payload: 'openid=admin', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('answers a body that is not JSON with a VALIDATION error in the contract shape, without calling the function', async () => {
    const seen: unknown[] = [];
    const app = await gateway(seen);
    const res = await app.inject({ method: 'POST', url: '/api/api', payload: '{bad', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ ok: false, error: { code: 'VALIDATION', message: '请求格式有误，请检查后重试' } });
    expect(seen).toHaveLength(0);
  });

  it('answers an unknown function with NOT_FOUND', async () => {
    const app = await gateway();
    const res = await app.inject({ method: 'POST', url: '/api/nope', payload: {} });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('moves the clock on request, and refuses a time that is not one', async () => {
    const app = await gateway();
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toMatchObject({ ok: true, now: '2026-03-02T02:00:00.000Z' });
    const bad = await app.inject({ method: 'POST', url: '/dev/clock', payload: { now: '下周一' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION' } });
    const moved = await app.inject({ method: 'POST', url: '/dev/clock', payload: { now: '2026-06-01T09:00:00+08:00' } });
    expect(moved.json()).toEqual({ ok: true, now: '2026-06-01T01:00:00.000Z' });
  });

  it('lists every demo user on the login page, in Chinese', async () => {
    const app = await gateway();
    const res = await app.inject({ method: 'GET', url: '/dev/login' });
    expect(res.body).toContain('id="login-demo-deputy"');
    expect(res.body).toContain('王建华');
    expect(res.body).toContain('lang="zh-CN"');
  });
});

describe('the local clock', () => {
  it('runs on from APP_NOW unless frozen', async () => {
    const running = createLocalClock('2020-01-01T00:00:00.000Z');
    const frozen = createLocalClock('2020-01-01T00:00:00.000Z', true);
    await new Promise((r) => setTimeout(r, 20));
    expect(Date.parse(running.now())).toBeGreaterThan(Date.parse('2020-01-01T00:00:00.000Z'));
    expect(frozen.now()).toBe('2020-01-01T00:00:00.000Z');
    frozen.set(null);
    expect(Math.abs(Date.parse(frozen.now()) - Date.now())).toBeLessThan(5_000);
  });

  it('rejects an APP_NOW that is not a time', () => {
    expect(() => createLocalClock('明天')).toThrow();
  });
});
