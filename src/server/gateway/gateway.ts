// The local gateway: what the WeChat cloud would do for a phone, done on 127.0.0.1 for a browser.
// It serves the H5 build, runs `POST /api/<function>` through the same entries the cloud runs with
// the logged-in user's openid put into the function context, takes uploads into the caller's storage
// folder (`POST /upload`, uploads.ts) as wx.cloud.uploadFile does in WeChat, opens files through the
// links actions make, and offers the dev login and clock.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { cacheControlOf, precompress } from './static-files';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { WxContext } from '../api/entry';
import { FILE_ROUTE, type FolderFileStore } from '../adapters/files/folder.files';
import type { ErrorCode } from '../../core/errors';
import { registerUploads, UPLOAD_ROUTE } from './uploads';
import { MAX_UPLOAD_BYTES } from '../papers/uploads';
import { withinClockRange } from './local-clock';
import { DEV_LOGIN_CSS, DEV_LOGIN_JS, renderDevLogin, type DemoLogin } from './dev-login';

export const SESSION_COOKIE = 'jyt_openid';

export type FunctionEntry = (event: unknown, wx: WxContext) => Promise<unknown>;

export interface GatewayOptions {
  /** Cloud function entries by name, e.g. { api, reminders }. */
  functions: Record<string, FunctionEntry>;
  /** Folder of the H5 build; when missing, `/` explains how to build it. */
  staticDir: string;
  /**
   * The demo users of the dev login; undefined in real use (DEMO_DATA=0), where the dev endpoints
   * (/dev/login, /dev/logout, /dev/clock) do not exist and the clock is the machine's.
   */
  demoUsers?: DemoLogin[];
  /** Reports the store's health for GET /health. */
  health: () => Record<string, unknown>;
  clock: { now(): string; set(now: string | null): void };
  /** The local file store whose short-lived links GET /files/… opens. */
  files?: FolderFileStore;
  logger?: boolean;
}

/**
 * A call's request is at most 6 MB, as a CloudBase function's synchronous event is (Tencent SCF
 * limits, cloud.tencent.com/document/product/583/11637): no file travels inside a call (files go
 * through POST /upload), so nothing the app sends comes near it. Anything larger is refused before
 * it is read into memory.
 */
export const BODY_LIMIT = 6 * 1024 * 1024;
const BODY_LIMIT_MB = BODY_LIMIT / 1024 / 1024;

/**
 * What the H5 app runs under: its scripts, styles, images and calls all come from this origin. Taro
 * H5 sets style attributes and injects <style> elements at run time, hence 'unsafe-inline' for
 * styles only. The one inline script of the build (Taro's root font size) is allowed by its hash,
 * computed from the index.html being served; no other inline script runs. No
 * upgrade-insecure-requests: the gateway speaks plain HTTP on the loopback address.
 */
export function contentSecurityPolicy(inlineScriptHashes: readonly string[] = []) {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", ...inlineScriptHashes.map((hash) => `'${hash}'`)],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    upgradeInsecureRequests: null,
  };
}

/** sha256 sources of the inline <script> elements of an HTML page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    if (/\ssrc\s*=/i.test(attributes) || match[2]!.length === 0) continue;
    hashes.push(`sha256-${createHash('sha256').update(match[2]!, 'utf8').digest('base64')}`);
  }
  return hashes;
}

/** Host names under which the gateway answers its dev endpoints (it listens on the loopback only). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const envelope = (code: ErrorCode, message: string) => ({ ok: false as const, error: { code, message } });

function hostName(host: string | undefined): string {
  if (!host) return '';
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
}

/**
 * A state-changing request the gateway accepts only from its own pages: when the browser says where
 * the request comes from (Origin, Sec-Fetch-Site), it must be this origin; the host must be the
 * loopback (no DNS rebinding); and the body must be JSON, which a page of another site cannot send
 * here without a CORS preflight that the gateway never grants.
 */
function crossSiteProblem(req: FastifyRequest, requireJson: boolean): string | undefined {
  const host = req.headers.host;
  if (!LOOPBACK_HOSTS.has(hostName(host).toLowerCase())) return '只接受本机地址的请求';
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return '只接受本站页面发出的请求';
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return '只接受本站页面发出的请求';
  if (requireJson && !/^application\/json\s*(;|$)/i.test(String(req.headers['content-type'] ?? ''))) {
    return '请求内容应为 JSON';
  }
  return undefined;
}

async function sameSiteJson(req: FastifyRequest, reply: FastifyReply) {
  const problem = crossSiteProblem(req, true);
  if (problem) return reply.code(403).send(envelope('FORBIDDEN', problem));
}

/** A cookie's value; a value that is not valid percent-encoding (`jyt_openid=%`) is no cookie. */
function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('=')) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export async function createGateway(opts: GatewayOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: BODY_LIMIT });
  // Looked up among the gateway's own entries only: /api/constructor or /api/__proto__ is no function.
  const functions = new Map(Object.entries(opts.functions));
  const indexHtml = path.join(opts.staticDir, 'index.html');
  const hashes = existsSync(indexHtml) ? inlineScriptHashes(readFileSync(indexHtml, 'utf8')) : [];

  // JSON is the only body the gateway reads (a text/plain post is what a form of another site can send).
  app.removeContentTypeParser('text/plain');

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(hashes) },
    // Plain HTTP on the loopback: HSTS would only confuse a browser that later meets 127.0.0.1 over HTTPS.
    strictTransportSecurity: false,
  });

  // A request the HTTP layer itself refuses (bad JSON, not JSON, too large) still gets an answer in the
  // response shape of docs/architecture.md (API contract).
  app.setErrorHandler((error: { statusCode?: number; code?: string }, req, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      if (req.url.startsWith(UPLOAD_ROUTE)) return reply.code(413).send(envelope('VALIDATION', `文件超过${MAX_UPLOAD_BYTES / 1024 / 1024}MB上限，请压缩或分批后再上传`));
      return reply.code(413).send(envelope('VALIDATION', `请求内容超过${BODY_LIMIT_MB}MB上限，请减少内容后重试`));
    }
    if (status === 415) return reply.code(415).send(envelope('VALIDATION', req.url.startsWith(UPLOAD_ROUTE) ? '上传内容应为文件本身' : '请求内容应为 JSON'));
    if (status >= 400 && status < 500) {
      return reply.code(status).send(envelope('VALIDATION', '请求格式有误，请检查后重试'));
    }
    return reply.code(500).send(envelope('INTERNAL', '系统繁忙，请稍后重试'));
  });

  // Every answer under /api/ has the API's response shape, an unknown path or method too.
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api') {
      return reply.code(404).send(envelope('NOT_FOUND', '没有这个云函数'));
    }
    return reply.code(404).type('text/plain; charset=utf-8').send('没有找到该页面');
  });

  app.get('/health', async () => ({ ok: true, now: opts.clock.now(), ...opts.health() }));

  app.post<{ Params: { fn: string } }>('/api/:fn', async (req, reply) => {
    const entry = functions.get(req.params.fn);
    if (!entry) return reply.code(404).send(envelope('NOT_FOUND', '没有这个云函数'));
    const problem = crossSiteProblem(req, false);
    if (problem) return reply.code(403).send(envelope('FORBIDDEN', problem));
    const openid = readCookie(req.headers.cookie, SESSION_COOKIE);
    // Exactly what the platform hands a cloud function: the caller's identity in the context.
    const wx: WxContext = { OPENID: openid, APPID: 'local', ENV: 'local' };
    return entry(req.body ?? {}, wx);
  });

  // Uploads into the caller's own folder (uploads.ts); the session is the caller, as in /api.
  if (opts.files) {
    const files = opts.files;
    await registerUploads(app, { files, sessionOf: (req) => readCookie(req.headers.cookie, SESSION_COOKIE), sameSite: (req) => crossSiteProblem(req, false) });
  }

  // A file through the link an action made for the caller (attachments, letters): the link's
  // signature, expiry and caller are checked by the file store; the session must be the caller's.
  if (opts.files) {
    const files = opts.files;
    app.get<{ Params: { '*': string }; Querystring: Record<string, string> }>(`${FILE_ROUTE}*`, async (req, reply) => {
      const openid = readCookie(req.headers.cookie, SESSION_COOKIE);
      const result = await files.open(req.params['*'], req.query, openid);
      reply.header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff');
      if (!result.ok) return reply.code(result.status).type('text/plain; charset=utf-8').send(result.message);
      const inline = /^(image\/(png|jpeg)|application\/pdf)$/.test(result.contentType);
      const ascii = result.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      reply.header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(result.fileName)}`);
      return reply.type(result.contentType).send(result.content);
    });
  }

  // The dev endpoints exist in demo mode only (docs/security.md, Dev endpoints).
  const demoUsers = opts.demoUsers;
  if (demoUsers) {
    app.get('/dev/login', async (_req, reply) => {
      reply.type('text/html; charset=utf-8').send(renderDevLogin(demoUsers));
    });
    app.get('/dev/login.js', async (_req, reply) => {
      reply.type('text/javascript; charset=utf-8').send(DEV_LOGIN_JS);
    });
    app.get('/dev/login.css', async (_req, reply) => {
      reply.type('text/css; charset=utf-8').send(DEV_LOGIN_CSS);
    });

    // The dev endpoints change who is logged in or what time it is: JSON from this origin only.
    app.post('/dev/login', { onRequest: sameSiteJson }, async (req, reply) => {
      const openid = (req.body as { openid?: unknown } | null)?.openid;
      if (typeof openid !== 'string' || !demoUsers.some((u) => u.openid === openid)) {
        return reply.code(400).send(envelope('VALIDATION', '没有这个演示用户，请重新选择'));
      }
      reply.header('set-cookie', `${SESSION_COOKIE}=${encodeURIComponent(openid)}; Path=/; HttpOnly; SameSite=Lax`);
      return { ok: true, data: { openid } };
    });

    app.post('/dev/logout', { onRequest: sameSiteJson }, async (_req, reply) => {
      reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
      return { ok: true, data: {} };
    });

    // Local-only clock override so that deadlines can be shown and tested: { now: ISO | null }.
    app.post('/dev/clock', { onRequest: sameSiteJson }, async (req, reply) => {
      const now = (req.body as { now?: unknown } | null)?.now ?? null;
      if (now !== null && (typeof now !== 'string' || Number.isNaN(Date.parse(now)))) {
        return reply.code(400).send(envelope('VALIDATION', '时间格式应为 ISO 8601，例如 2026-03-01T09:00:00+08:00'));
      }
      if (now !== null && !withinClockRange(now)) return reply.code(400).send(envelope('VALIDATION', '演示时间应在2000年至2099年之间'));
      opts.clock.set(now === null ? null : new Date(now).toISOString());
      return { ok: true, now: opts.clock.now() };
    });
  }

  // WeChat gives every visitor an openid, bound or not. A browser without a session gets one of its own
  // here, unbound: it sees the public page and can bind a code; the demo login stays at /dev/login.
  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0];
    if (req.method === 'GET' && (path === '/' || path === '/index.html') && !readCookie(req.headers.cookie, SESSION_COOKIE)) {
      reply.header('set-cookie', `${SESSION_COOKIE}=${encodeURIComponent(`h5-${randomUUID()}`)}; Path=/; HttpOnly; SameSite=Lax`);
    }
  });

  if (existsSync(opts.staticDir)) {
    // Compressed copies beside the build's files, served to a browser that accepts them (static-files.ts).
    precompress(opts.staticDir);
    await app.register(fastifyStatic, {
      root: opts.staticDir,
      prefix: '/',
      index: ['index.html'],
      preCompressed: true,
      // The cache-control is set per file below: a hashed file for a year, the rest revalidated.
      cacheControl: false,
      setHeaders: (res, filePath) => res.setHeader('cache-control', cacheControlOf(filePath)),
    });
  } else {
    app.get('/', async (_req, reply) => {
      reply.type('text/html; charset=utf-8').send('<p>尚未构建 H5 页面，请先运行 <code>npm run build:h5</code>。</p>');
    });
  }
  return app;
}
