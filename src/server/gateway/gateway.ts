// The local gateway: what the WeChat cloud would do for a phone, done on 127.0.0.1 for a browser.
// It serves the H5 build, runs `POST /api/<function>` through the same entries the cloud runs with
// the logged-in user's openid put into the function context, and offers the dev login and clock.
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import type { WxContext } from '../../../cloudfunctions/api/entry';
import { renderDevLogin, type DemoLogin } from './dev-login';

export const SESSION_COOKIE = 'jyt_openid';

export type FunctionEntry = (event: unknown, wx: WxContext) => Promise<unknown>;

export interface GatewayOptions {
  /** Cloud function entries by name, e.g. { api, reminders }. */
  functions: Record<string, FunctionEntry>;
  /** Folder of the H5 build; when missing, `/` explains how to build it. */
  staticDir: string;
  demoUsers: DemoLogin[];
  /** Reports the store's health for GET /health. */
  health: () => Record<string, unknown>;
  clock: { now(): string; set(now: string | null): void };
  logger?: boolean;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

export async function createGateway(opts: GatewayOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 20 * 1024 * 1024 });

  // A request the HTTP layer itself refuses (bad JSON, too large) still gets an answer in the response shape of docs/architecture.md (API contract).
  app.setErrorHandler((error: { statusCode?: number }, _req, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ ok: false, error: { code: 'VALIDATION', message: '请求格式有误，请检查后重试' } });
    }
    return reply.code(500).send({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后重试' } });
  });

  app.get('/health', async () => ({ ok: true, now: opts.clock.now(), ...opts.health() }));

  app.post<{ Params: { fn: string } }>('/api/:fn', async (req, reply) => {
    const entry = opts.functions[req.params.fn];
    if (!entry) {
      return reply.code(404).send({ ok: false, error: { code: 'NOT_FOUND', message: '没有这个云函数' } });
    }
    const openid = readCookie(req.headers.cookie, SESSION_COOKIE);
    // Exactly what the platform hands a cloud function: the caller's identity in the context.
    const wx: WxContext = { OPENID: openid, APPID: 'local', ENV: 'local' };
    return entry(req.body ?? {}, wx);
  });

  app.get('/dev/login', async (_req, reply) => {
    reply.type('text/html; charset=utf-8').send(renderDevLogin(opts.demoUsers));
  });

  app.post<{ Body: { openid?: string } }>('/dev/login', async (req, reply) => {
    const openid = (req.body as Record<string, string> | undefined)?.openid ?? '';
    if (!opts.demoUsers.some((u) => u.openid === openid)) {
      return reply.code(400).type('text/html; charset=utf-8').send('没有这个演示用户，请返回重新选择。');
    }
    reply.header('set-cookie', `${SESSION_COOKIE}=${encodeURIComponent(openid)}; Path=/; HttpOnly; SameSite=Lax`);
    return reply.redirect('/', 303);
  });

  app.post('/dev/logout', async (_req, reply) => {
    reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
    return reply.redirect('/dev/login', 303);
  });

  // Local-only clock override so that deadlines can be shown and tested: { now: ISO | null }.
  app.post<{ Body: { now?: string | null } }>('/dev/clock', async (req, reply) => {
    const now = (req.body as { now?: string | null } | undefined)?.now ?? null;
    if (now !== null && Number.isNaN(Date.parse(now))) {
      return reply.code(400).send({ ok: false, error: { code: 'VALIDATION', message: '时间格式应为 ISO 8601，例如 2026-03-01T09:00:00+08:00' } });
    }
    opts.clock.set(now === null ? null : new Date(now).toISOString());
    return { ok: true, now: opts.clock.now() };
  });

  // Form posts from the dev login page.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  // Local mode has no WeChat login: someone opening the app without a session picks a demo user first.
  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0];
    if (req.method === 'GET' && (path === '/' || path === '/index.html') && !readCookie(req.headers.cookie, SESSION_COOKIE)) {
      return reply.redirect('/dev/login', 302);
    }
  });

  if (existsSync(opts.staticDir)) {
    await app.register(fastifyStatic, { root: opts.staticDir, prefix: '/', index: ['index.html'] });
  } else {
    app.get('/', async (_req, reply) => {
      reply.type('text/html; charset=utf-8').send('<p>尚未构建 H5 页面，请先运行 <code>npm run build:h5</code>。</p>');
    });
  }
  return app;
}
