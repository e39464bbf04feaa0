import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { BODY_LIMIT, createGateway, inlineScriptHashes, type FunctionEntry } from '../../../src/server/gateway/gateway';
import { createLocalClock } from '../../../src/server/gateway/local-clock';
import { openFolderFileStore } from '../../../src/server/adapters/files/folder.files';
import { uploadFolderOf } from '../../../src/server/papers/uploads';

const demoUsers = [{ openid: 'demo-deputy', name: '王建华', roleLabel: '代表' }];

interface Sent {
  statusCode: number;
  headers: Headers;
  body: string;
  raw: Buffer;
  json: () => unknown;
}

/** The gateway listening on a free loopback port, with a small client (fastify's inject needs ESM that Jest cannot load). */
async function gateway(seen: unknown[] = [], staticDir?: string, demo = true) {
  const app = await build(seen, staticDir, demo);
  await app.listen({ host: '127.0.0.1', port: 0 });
  opened.push(app);
  const { port } = app.server.address() as { port: number };
  return {
    port,
    inject: (req: { method: string; url: string; payload?: unknown; headers?: Record<string, string> }): Promise<Sent> => {
      const isText = typeof req.payload === 'string' || Buffer.isBuffer(req.payload);
      const body = req.payload === undefined ? undefined : Buffer.isBuffer(req.payload) ? req.payload : Buffer.from(isText ? (req.payload as string) : JSON.stringify(req.payload));
      const headers = { ...(req.payload !== undefined && !isText ? { 'content-type': 'application/json' } : {}), ...req.headers };
      return new Promise<Sent>((resolve, reject) => {
        // node:http rather than fetch, so that Host, Origin and Sec-Fetch-Site are sent as a browser would.
        const request = http.request({ host: '127.0.0.1', port, path: req.url, method: req.method, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const raw = Buffer.concat(chunks);
            const text = raw.toString('utf8');
            const responseHeaders = new Headers();
            for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) responseHeaders.set(k, Array.isArray(v) ? v.join(', ') : v);
            resolve({ statusCode: res.statusCode ?? 0, headers: responseHeaders, body: text, raw, json: () => JSON.parse(text) });
          });
        });
        request.on('error', reject);
        request.end(body);
      });
    },
  };
}

const opened: { close: () => Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((a) => a.close()));
});

// Each gateway has its own clock; the file store follows the latest one, as main.ts wires them.
let clock = createLocalClock('2026-03-02T02:00:00.000Z', true);
const files = openFolderFileStore({ dir: mkdtempSync(path.join(os.tmpdir(), 'jyt-files-')), now: () => clock.now() });

async function build(seen: unknown[], staticDir = mkdtempSync(path.join(os.tmpdir(), 'jyt-static-')), demo = true) {
  clock = createLocalClock('2026-03-02T02:00:00.000Z', true);
  const api: FunctionEntry = async (event, wx) => {
    seen.push({ event, wx });
    return { ok: true, data: { openid: wx.OPENID ?? null } };
  };
  return createGateway({
    functions: { api },
    staticDir,
    ...(demo ? { demoUsers } : {}),
    health: () => ({ store: 'test' }),
    clock,
    files,
  });
}

describe('the local gateway', () => {
  it('puts the logged-in openid into the function context, from the cookie only', async () => {
    const seen: { wx: { OPENID?: string } }[] = [];
    const app = await gateway(seen);
    const login = await app.inject({ method: 'POST', url: '/dev/login', payload: { openid: 'demo-deputy' } });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toEqual({ ok: true, data: { openid: 'demo-deputy' } });
    const cookie = String(login.headers.get('set-cookie')).split(';')[0]!;
    const res = await app.inject({ method: 'POST', url: '/api/api', payload: { action: 'me', openid: 'someone-else' }, headers: { cookie } });
    expect(res.json()).toEqual({ ok: true, data: { openid: 'demo-deputy' } });
    expect(seen[0]!.wx.OPENID).toBe('demo-deputy');
    const anonymous = await app.inject({ method: 'POST', url: '/api/api', payload: { action: 'me' } });
    expect(anonymous.json()).toEqual({ ok: true, data: { openid: null } });
  });

  it('gives a visitor without a session an unbound identity of its own, and keeps a session as it is', async () => {
    const seen: { wx: { OPENID?: string } }[] = [];
    const app = await gateway(seen);
    const first = await app.inject({ method: 'GET', url: '/' });
    expect(first.statusCode).not.toBe(302);
    const cookie = String(first.headers.get('set-cookie')).split(';')[0]!;
    expect(cookie).toMatch(/^jyt_openid=h5-[0-9a-f-]{36}$/);
    const other = String((await app.inject({ method: 'GET', url: '/' })).headers.get('set-cookie')).split(';')[0]!;
    expect(other).not.toBe(cookie);
    await app.inject({ method: 'POST', url: '/api/api', payload: { action: 'me' }, headers: { cookie } });
    expect(seen[0]!.wx.OPENID).toBe(cookie.slice('jyt_openid='.length));
    const known = await app.inject({ method: 'GET', url: '/', headers: { cookie: 'jyt_openid=demo-deputy' } });
    expect(known.statusCode).not.toBe(302);
    expect(known.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a login as someone who is not a demo user', async () => {
    const app = await gateway();
    const res = await app.inject({ method: 'POST', url: '/dev/login', payload: { openid: 'admin' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
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

  it('refuses an absurd time (9999-12-31) instead of moving the clock there', async () => {
    const app = await gateway();
    const res = await app.inject({ method: 'POST', url: '/dev/clock', payload: { now: '9999-12-31T00:00:00.000Z' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '演示时间应在2000年至2099年之间' } });
    expect(clock.now()).toBe('2026-03-02T02:00:00.000Z');
  });

  it('has no dev endpoint in real use (no demo users): each answers 404', async () => {
    const app = await gateway([], undefined, false);
    for (const [method, url] of [['GET', '/dev/login'], ['GET', '/dev/login.js'], ['GET', '/dev/login.css'], ['POST', '/dev/login'], ['POST', '/dev/logout'], ['POST', '/dev/clock']] as const) {
      const res = await app.inject({ method, url, ...(method === 'POST' ? { payload: { openid: 'demo-deputy', now: '2020-01-01T00:00:00Z' } } : {}) });
      expect({ url, method, status: res.statusCode }).toEqual({ url, method, status: 404 });
    }
    expect(clock.now()).toBe('2026-03-02T02:00:00.000Z');
  });

  it('treats a malformed cookie (jyt_openid=%) as no cookie: the public page, an anonymous call', async () => {
    const seen: { wx: { OPENID?: string } }[] = [];
    const site = mkdtempSync(path.join(os.tmpdir(), 'jyt-static-'));
    writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>建议通</title>');
    const app = await gateway(seen, site);
    const page = await app.inject({ method: 'GET', url: '/', headers: { cookie: 'jyt_openid=%' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('建议通');
    expect(String(page.headers.get('set-cookie'))).toMatch(/^jyt_openid=h5-/);
    const call = await app.inject({ method: 'POST', url: '/api/api', payload: { action: 'me' }, headers: { cookie: 'jyt_openid=%E0%A4%A' } });
    expect(call.statusCode).toBe(200);
    expect(call.json()).toEqual({ ok: true, data: { openid: null } });
  });

  it('lists every demo user on the login page, in Chinese', async () => {
    const app = await gateway();
    const res = await app.inject({ method: 'GET', url: '/dev/login' });
    expect(res.body).toContain('id="login-demo-deputy"');
    expect(res.body).toContain('王建华');
    expect(res.body).toContain('lang="zh-CN"');
    expect(res.body).toContain('<script src="/dev/login.js"');
    expect((await app.inject({ method: 'GET', url: '/dev/login.js' })).body).toContain("'Content-Type': 'application/json'");
  });
});

describe('the gateway as an attacker finds it', () => {
  it.each(['__proto__', 'constructor', 'valueOf', 'hasOwnProperty', 'toString', 'isPrototypeOf'])(
    'POST /api/%s is no function: a NOT_FOUND answer, the body never echoed',
    async (name) => {
      const seen: unknown[] = [];
      const app = await gateway(seen);
      const res = await app.inject({ method: 'POST', url: `/api/${name}`, payload: { action: 'me', secret: 'echo-me' } });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有这个云函数' } });
      expect(res.body).not.toContain('echo-me');
      expect(seen).toHaveLength(0);
    },
  );

  it.each([
    ['GET', '/api/api'],
    ['PUT', '/api/api'],
    ['DELETE', '/api/api'],
    ['GET', '/api/'],
    ['POST', '/api/api/extra'],
    ['GET', '/api'],
  ])('%s %s answers in the response shape of the API', async (method, url) => {
    const app = await gateway();
    const res = await app.inject({ method, url });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有这个云函数' } });
  });

  it('answers a body that is not JSON (a form, plain text) with VALIDATION, without calling the function', async () => {
    const seen: unknown[] = [];
    const app = await gateway(seen);
    for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
      const res = await app.inject({ method: 'POST', url: '/api/api', payload: 'action=me', headers: { 'content-type': type } });
      expect(res.statusCode).toBe(415);
      expect(res.json()).toEqual({ ok: false, error: { code: 'VALIDATION', message: '请求内容应为 JSON' } });
    }
    expect(seen).toHaveLength(0);
  });

  it('refuses a call of the api from a page of another site', async () => {
    const seen: unknown[] = [];
    const app = await gateway(seen);
    const res = await app.inject({ method: 'POST', url: '/api/api', payload: { action: 'me' }, headers: { origin: 'http://evil.example' } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(seen).toHaveLength(0);
  });

  describe('the dev endpoints take JSON from this origin only', () => {
    const moveClock = { now: '2030-01-01T00:00:00Z' };

    it('refuses a form post to /dev/login and /dev/clock (what a page of another site can send)', async () => {
      const app = await gateway();
      const login = await app.inject({ method: 'POST', url: '/dev/login', payload: 'openid=demo-deputy', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(login.statusCode).toBe(403);
      expect(login.json()).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '请求内容应为 JSON' } });
      expect(login.headers.get('set-cookie')).toBeNull();
      const clock = await app.inject({ method: 'POST', url: '/dev/clock', payload: 'now=2030-01-01T00:00:00Z', headers: { 'content-type': 'text/plain' } });
      expect(clock.statusCode).toBe(403);
      expect((await app.inject({ method: 'GET', url: '/health' })).json()).toMatchObject({ now: '2026-03-02T02:00:00.000Z' });
    });

    it.each([
      ['an Origin of another site', { origin: 'http://evil.example' }],
      ['an Origin on another port', { origin: 'http://127.0.0.1:1' }],
      ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
      ['Sec-Fetch-Site same-site', { 'sec-fetch-site': 'same-site' }],
      ['a Host that is not the loopback (DNS rebinding)', { host: 'evil.example' }],
    ])('refuses JSON with %s', async (_what, headers) => {
      const app = await gateway();
      for (const [url, payload] of [['/dev/clock', moveClock], ['/dev/login', { openid: 'demo-deputy' }], ['/dev/logout', {}]] as const) {
        const res = await app.inject({ method: 'POST', url, payload, headers });
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(res.headers.get('set-cookie')).toBeNull();
      }
      expect((await app.inject({ method: 'GET', url: '/health' })).json()).toMatchObject({ now: '2026-03-02T02:00:00.000Z' });
    });

    it('accepts JSON from its own pages (Origin and Sec-Fetch-Site of this origin)', async () => {
      const app = await gateway();
      const origin = `http://127.0.0.1:${app.port}`;
      const res = await app.inject({ method: 'POST', url: '/dev/clock', payload: moveClock, headers: { origin, 'sec-fetch-site': 'same-origin' } });
      expect(res.json()).toEqual({ ok: true, now: '2030-01-01T00:00:00.000Z' });
      const out = await app.inject({ method: 'POST', url: '/dev/logout', payload: {}, headers: { origin } });
      expect(out.json()).toEqual({ ok: true, data: {} });
      expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    });
  });

  it('sends security headers with every answer, with a CSP that allows only this origin', async () => {
    const app = await gateway();
    for (const [method, url] of [['GET', '/dev/login'], ['POST', '/api/api'], ['GET', '/health']] as const) {
      const res = await app.inject({ method, url, payload: method === 'POST' ? { action: 'me' } : undefined });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('serves the H5 build compressed as the browser accepts, hashed files immutable for a year, the page revalidated', async () => {
    const staticDir = mkdtempSync(path.join(os.tmpdir(), 'jyt-static-'));
    const script = `console.log(${JSON.stringify('建议通'.repeat(2000))});`;
    const page = `<html><head><script src="/js/app.1a2b3c4d.js"></script></head><body>${'<p>建议</p>'.repeat(300)}</body></html>`;
    mkdirSync(path.join(staticDir, 'js'));
    writeFileSync(path.join(staticDir, 'js', 'app.1a2b3c4d.js'), script);
    writeFileSync(path.join(staticDir, 'index.html'), page);
    const app = await gateway([], staticDir);
    const get = (url: string, encoding?: string) => app.inject({ method: 'GET', url, headers: { cookie: 'jyt_openid=demo-deputy', ...(encoding ? { 'accept-encoding': encoding } : {}) } });

    const br = await get('/js/app.1a2b3c4d.js', 'gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(brotliDecompressSync(br.raw).toString('utf8')).toBe(script);
    expect(br.raw.length).toBeLessThan(Buffer.byteLength(script) / 10);

    const gz = await get('/js/app.1a2b3c4d.js', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(gz.raw).toString('utf8')).toBe(script);

    const plain = await get('/js/app.1a2b3c4d.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.body).toBe(script);

    const home = await get('/', 'br');
    expect(home.headers.get('content-encoding')).toBe('br');
    expect(home.headers.get('cache-control')).toBe('no-cache');
    expect(brotliDecompressSync(home.raw).toString('utf8')).toBe(page);
  });

  it("allows the build's inline script by its hash and no other", async () => {
    const script = 'document.documentElement.style.fontSize="20px"';
    const staticDir = mkdtempSync(path.join(os.tmpdir(), 'jyt-static-'));
    writeFileSync(path.join(staticDir, 'index.html'), `<html><head><script>${script}</script><script src="/js/app.js"></script></head></html>`);
    const app = await gateway([], staticDir);
    const res = await app.inject({ method: 'GET', url: '/', headers: { cookie: 'jyt_openid=demo-deputy' } });
    const [hash] = inlineScriptHashes(`<script>${script}</script>`);
    expect(hash).toBe(`sha256-${createHash('sha256').update(script).digest('base64')}`);
    expect(res.headers.get('content-security-policy')).toContain(`script-src 'self' '${hash}';`);
    expect(inlineScriptHashes('<script src="/a.js"></script><script defer src="/b.js"></script>')).toEqual([]);
  });

  it('refuses a call over 6 MB, as the service refuses a function event over 6 MB, with a VALIDATION answer', async () => {
    const seen: unknown[] = [];
    const app = await gateway(seen);
    expect(BODY_LIMIT).toBe(6 * 1024 * 1024);
    const near = await app.inject({ method: 'POST', url: '/api/api', payload: { action: 'me', data: { pad: 'A'.repeat(BODY_LIMIT - 1024) } } });
    expect(near.statusCode).toBe(200);
    // The old import: a 5 MB list as base64 inside the call.
    const file = Buffer.alloc(5 * 1024 * 1024, 7).toString('base64');
    const tooLarge = await app.inject({ method: 'POST', url: '/api/api', payload: { action: 'suggestions.import', data: { file, format: 'csv' } } });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toEqual({ ok: false, error: { code: 'VALIDATION', message: '请求内容超过6MB上限，请减少内容后重试' } });
    expect(seen).toHaveLength(1);
  });

  it('takes an upload of at most 5 MB into the session\'s own folder and answers its fileID', async () => {
    const app = await gateway();
    const session = { cookie: 'jyt_openid=demo-deputy', 'content-type': 'application/octet-stream' };
    const largest = Buffer.alloc(5 * 1024 * 1024, 0x41);
    const sent = await app.inject({ method: 'POST', url: `/upload?name=${encodeURIComponent('交办清单.CSV')}`, payload: largest, headers: session });
    expect(sent.statusCode).toBe(200);
    const { fileID } = (sent.json() as { data: { fileID: string } }).data;
    expect(fileID).toMatch(new RegExp(`^${uploadFolderOf('demo-deputy')}/[0-9a-f]{32}\\.csv$`));
    expect((await files.read(fileID))?.equals(largest)).toBe(true);
    // Another session's folder is another: the same bytes land elsewhere.
    const other = await app.inject({ method: 'POST', url: '/upload?name=a.png', payload: Buffer.from('x'), headers: { ...session, cookie: 'jyt_openid=demo-other' } });
    expect((other.json() as { data: { fileID: string } }).data.fileID.startsWith(`${uploadFolderOf('demo-other')}/`)).toBe(true);
  });

  it('refuses an upload that is too large, unnamed, not a file, without a session or from another site', async () => {
    const app = await gateway();
    const session = { cookie: 'jyt_openid=demo-deputy', 'content-type': 'application/octet-stream' };
    const cases: [Record<string, string>, string, Buffer, number, string, string][] = [
      [session, '/upload?name=a.csv', Buffer.alloc(5 * 1024 * 1024 + 1), 413, 'VALIDATION', '文件超过5MB上限，请压缩或分批后再上传'],
      [session, '/upload?name=a.exe', Buffer.from('MZ'), 400, 'VALIDATION', '只能上传 Excel（xlsx）、CSV 表格，或 JPG、PNG 图片、PDF 文件'],
      [session, '/upload', Buffer.from('x'), 400, 'VALIDATION', '只能上传 Excel（xlsx）、CSV 表格，或 JPG、PNG 图片、PDF 文件'],
      [session, '/upload?name=a.csv', Buffer.alloc(0), 400, 'VALIDATION', '上传的文件是空的，请重新选择'],
      [{ 'content-type': 'application/octet-stream' }, '/upload?name=a.csv', Buffer.from('x'), 401, 'UNAUTHENTICATED', '请先登录后再上传文件'],
      [{ ...session, 'content-type': 'text/plain' }, '/upload?name=a.csv', Buffer.from('x'), 415, 'VALIDATION', '上传内容应为文件本身'],
      [{ ...session, origin: 'http://evil.example' }, '/upload?name=a.csv', Buffer.from('x'), 403, 'FORBIDDEN', '只接受本站页面发出的请求'],
    ];
    for (const [headers, url, payload, status, code, message] of cases) {
      const res = await app.inject({ method: 'POST', url, payload, headers });
      expect({ url, status: res.statusCode, body: res.json() }).toEqual({ url, status, body: { ok: false, error: { code, message } } });
    }
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

  it('rejects an APP_NOW past 2099 or before 2000', () => {
    expect(() => createLocalClock('9999-12-31T00:00:00.000Z')).toThrow();
    expect(() => createLocalClock('1970-01-01T00:00:00.000Z')).toThrow();
  });

  it('rejects an APP_NOW that is not a time', () => {
    expect(() => createLocalClock('明天')).toThrow();
  });
});

describe('files through short-lived links', () => {
  it('serves a file to the caller the link was made for, inline for a photo, and to no one else', async () => {
    const app = await gateway();
    const photo = Buffer.from('ffd8ffe000104a464946', 'hex');
    const ref = await files.put('attachments/s1/a1.jpg', photo, 'image/jpeg');
    const { url } = await files.link(ref, { fileName: '现场照片.jpg', contentType: 'image/jpeg', openid: 'demo-deputy' });
    const mine = await app.inject({ method: 'GET', url, headers: { cookie: 'jyt_openid=demo-deputy' } });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers.get('content-type')).toBe('image/jpeg');
    expect(mine.headers.get('content-disposition')).toContain(`inline; filename="____.jpg"; filename*=UTF-8''${encodeURIComponent('现场照片.jpg')}`);
    expect(mine.headers.get('cache-control')).toBe('private, no-store');
    const other = await app.inject({ method: 'GET', url, headers: { cookie: 'jyt_openid=demo-other' } });
    expect(other.statusCode).toBe(403);
    expect(other.body).toContain('仅供获得授权的本人打开');
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(403);
  });
  it('refuses an expired link and offers a letter as a download', async () => {
    const app = await gateway();
    const ref = await files.put('letters/t1/r1.docx', Buffer.from('PK'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const { url } = await files.link(ref, { fileName: '答复函.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ttlSeconds: 60 });
    const ok = await app.inject({ method: 'GET', url });
    expect(ok.headers.get('content-disposition')).toMatch(/^attachment;/);
    clock.set('2026-03-02T02:01:01.000Z');
    const late = await app.inject({ method: 'GET', url });
    expect(late.statusCode).toBe(410);
    expect(late.body).toContain('链接已过期');
  });
});
