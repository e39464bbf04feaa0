// Binding a WeChat identity with a one-time code, tried as someone guessing codes would.
import type { ApiResponse } from '../../../src/core/errors';
import type { BindCodeResult, ListBindCodesResult } from '../../../src/contract';
import { createApi, type Api } from '../../../src/server/api';
import { openSqliteStore, type SqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import {
  CODE_ALPHABET,
  CODE_BITS,
  CODE_VALID_HOURS,
  LOCK_MINUTES,
  MAX_FAILURES_PER_HOUR,
  MAX_FAILURES_PER_OPENID,
  newCode,
} from '../../../src/server/access/bind-codes';
import { seedDemo } from '../../../src/server/setup/demo-data';
import type { Store } from '../../../src/server/ports';
import { INVALID_CODE_MESSAGE } from '../../../src/server/use-cases/bind-user';
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import { freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';

const START = '2026-03-02T02:00:00.000Z';
const later = (minutes: number) => new Date(Date.parse(START) + minutes * 60_000).toISOString();
const INVALID = { ok: false, error: { code: 'VALIDATION', message: INVALID_CODE_MESSAGE } };

let store: SqliteStore;
let api: Api;
let now = START;

beforeEach(async () => {
  now = START;
  store = openSqliteStore(':memory:');
  await seedDemo(store, START);
  api = createApi({ store, clock: { now: () => now }, log: () => undefined });
});
afterEach(() => store.close());

async function call<T = unknown>(openid: string | undefined, action: string, data: unknown): Promise<ApiResponse<T>> {
  return (await api({ action, data }, openid ? { openid } : {})) as ApiResponse<T>;
}
async function issue(userId = 'user-deputy-zhang', by = 'demo-coordinator'): Promise<BindCodeResult> {
  const res = await call<BindCodeResult>(by, 'users.issueBindCode', { userId });
  if (!res.ok) throw new Error(res.error.message);
  return res.data;
}
const bind = (openid: string, code: string) => call(openid, 'users.bind', { code });
const refusals = async () => (await store.events({ limit: 10_000 })).filter((e) => e.action === 'users.bind.refused');

describe('bind codes', () => {
  it(`have at least 40 bits, from an alphabet without look-alikes, grouped for reading aloud`, async () => {
    expect(CODE_BITS).toBeGreaterThanOrEqual(40);
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
    const { code, expiresAt, validHours } = await issue();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
    expect(validHours).toBe(CODE_VALID_HOURS);
    expect(expiresAt).toBe(later(72 * 60));
    const many = Array.from({ length: 2000 }, newCode);
    expect(new Set(many).size).toBe(many.length);
    expect(new Set(many.join('')).size).toBe(CODE_ALPHABET.length);
  });

  it('are stored only as a hash', async () => {
    const { code } = await issue();
    const dump = store.dump();
    expect(dump).not.toContain(code);
    expect(dump).not.toContain(code.replace(/-/g, ''));
  });

  it('bind as typed: lower case, spaces, full-width characters', async () => {
    const { code } = await issue();
    const typed = ` ${code.replace(/-/g, ' ').toLowerCase().replace(/[a-z2-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))} `;
    const res = await bind('wx-zhang', typed);
    expect(res).toMatchObject({ ok: true, data: { bound: true, user: { name: '张立新' } } });
  });

  it('work once, for 72 hours, and answer the same for an unknown, used, expired, revoked or malformed code', async () => {
    const used = await issue('user-deputy-zhang');
    expect(await bind('wx-zhang', used.code)).toMatchObject({ ok: true });
    const expired = await issue('user-deputy-chen');
    now = later(72 * 60);
    const answers = [
      await bind('wx-a', used.code),
      await bind('wx-b', expired.code),
      await bind('wx-c', 'K7PM-3XQ9-TR'),
      await bind('wx-d', '12345678'),
      await bind('wx-e', ''),
    ];
    for (const answer of answers) expect(answer).toEqual(INVALID);
    const revoked = await issue('user-deputy-chen');
    const listed = await call<ListBindCodesResult>('demo-coordinator', 'users.bindCodes', {});
    const id = listed.ok ? listed.data.items[0]!.id : '';
    expect(await call('demo-coordinator', 'users.revokeBindCode', { id })).toMatchObject({ ok: true });
    expect(await bind('wx-f', revoked.code)).toEqual(INVALID);
    // 71 h 59 min after issue a code still binds.
    now = later(72 * 60);
    const fresh = await issue('user-deputy-chen');
    now = later(72 * 60 * 2 - 1);
    expect(await bind('wx-chen', fresh.code)).toMatchObject({ ok: true });
  });

  it(`lock a WeChat identity after ${MAX_FAILURES_PER_OPENID} wrong codes in a row, even against the right code, until the lock ends`, async () => {
    const { code } = await issue();
    for (let i = 1; i < MAX_FAILURES_PER_OPENID; i++) expect(await bind('wx-guesser', `WRONG${i}CODE2`)).toEqual(INVALID);
    const locking = await bind('wx-guesser', 'WRONGCODE9');
    expect(locking).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: `绑定码输错次数过多，请在${LOCK_MINUTES}分钟后再试` } });
    expect(await bind('wx-guesser', code)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    now = later(LOCK_MINUTES - 1);
    expect(await bind('wx-guesser', code)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '绑定码输错次数过多，请在1分钟后再试' } });
    // Someone else is not locked by it.
    expect(await bind('wx-other', 'WRONGCODE9')).toEqual(INVALID);
    now = later(LOCK_MINUTES);
    expect(await bind('wx-guesser', code)).toMatchObject({ ok: true, data: { user: { name: '张立新' } } });
  });

  it(`pause binding for everyone after ${MAX_FAILURES_PER_HOUR} wrong codes in an hour (many identities guessing)`, async () => {
    const { code } = await issue();
    for (let i = 0; i < MAX_FAILURES_PER_HOUR; i++) expect(await bind(`wx-bot-${i}`, 'WRONGCODE9')).toEqual(INVALID);
    now = later(30);
    expect(await bind('wx-zhang', code)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '近期输错绑定码的次数过多，绑定已暂停，请在30分钟后再试' } });
    now = later(60);
    expect(await bind('wx-zhang', code)).toMatchObject({ ok: true });
  });

  it('audit every refused attempt, with its reason, and change nothing else', async () => {
    const { code } = await issue();
    const users = JSON.stringify(await store.find('users'));
    for (let i = 0; i < MAX_FAILURES_PER_OPENID + 2; i++) await bind('wx-guesser', 'K7PM-3XQ9-TR');
    expect(JSON.stringify(await store.find('users'))).toBe(users);
    const audited = await refusals();
    expect(audited).toHaveLength(MAX_FAILURES_PER_OPENID + 2);
    expect(audited.map((e) => e.detail?.reason)).toEqual([
      ...Array<string>(MAX_FAILURES_PER_OPENID).fill('unknown'),
      'locked',
      'locked',
    ]);
    expect(audited[MAX_FAILURES_PER_OPENID - 1]!.detail).toMatchObject({ lockedUntil: later(LOCK_MINUTES) });
    expect(audited.every((e) => e.actorId === 'openid:wx-guesser')).toBe(true);
    expect(code).toBeTruthy();
  });

  it('a new code replaces the open one; the office lists and revokes open codes', async () => {
    const first = await issue();
    const second = await issue();
    expect(await bind('wx-zhang', first.code)).toEqual(INVALID);
    now = later(1);
    await issue('user-deputy-chen', 'demo-admin');
    const listed = await call<ListBindCodesResult>('demo-coordinator', 'users.bindCodes', {});
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.data.items.map((i) => [i.userName, i.issuedByName])).toEqual([
      ['张立新', '郑晓燕'],
      ['陈静', '系统管理员'],
    ]);
    expect(JSON.stringify(listed.data)).not.toContain(second.code.slice(0, 4));
    const zhang = listed.data.items[0]!;
    expect(await call('demo-handler', 'users.revokeBindCode', { id: zhang.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('demo-handler', 'users.bindCodes', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('demo-coordinator', 'users.revokeBindCode', { id: zhang.id })).toEqual({ ok: true, data: { id: zhang.id, revokedAt: later(1) } });
    expect(await call('demo-coordinator', 'users.revokeBindCode', { id: zhang.id })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(await bind('wx-zhang', second.code)).toEqual(INVALID);
    const after = await call<ListBindCodesResult>('demo-coordinator', 'users.bindCodes', {});
    expect(after.ok && after.data.items.map((i) => i.userName)).toEqual(['陈静']);
    const audited = (await store.events({ limit: 10_000 })).filter((e) => e.action === 'users.revokeBindCode');
    expect(audited).toHaveLength(2);
  });
});

describe('guesses sent all at once', () => {
  let emulator: CloudBaseEmulator;
  beforeAll(async () => {
    emulator = await sharedEmulator({ latencyMs: 1 });
  });
  afterAll(() => emulator.close());

  const adapters: [string, () => Promise<Store>][] = [
    ['SQLite', async () => openSqliteStore(':memory:')],
    ['CloudBase (emulated)', () => freshCloudStore(emulator)],
  ];

  it.each(adapters)('are each counted and audited on %s, and lock the identity', async (_name, open) => {
    const shared = await open();
    await seedDemo(shared, START);
    const parallelApi = createApi({ store: shared, clock: { now: () => START }, log: () => undefined });
    const guesses = 12;
    const answers = await Promise.all(
      Array.from({ length: guesses }, (_, i) => parallelApi({ action: 'users.bind', data: { code: `K7PM-3XQ9-${CODE_ALPHABET[i]}${CODE_ALPHABET[i]}` } }, { openid: 'wx-burst' })),
    );
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code)).filter((c) => c !== 'VALIDATION' && c !== 'FORBIDDEN')).toEqual([]);
    const audited = (await shared.events({ limit: 10_000 })).filter((e) => e.action === 'users.bind.refused');
    expect(audited).toHaveLength(guesses);
    // No more codes were looked at than the limit allows; the rest were refused unseen.
    expect(audited.filter((e) => e.detail?.reason === 'unknown')).toHaveLength(MAX_FAILURES_PER_OPENID);
    expect(audited.filter((e) => e.detail?.reason === 'locked')).toHaveLength(guesses - MAX_FAILURES_PER_OPENID);
    const after = await parallelApi({ action: 'users.bind', data: { code: 'K7PM-3XQ9-TR' } }, { openid: 'wx-burst' });
    expect(after).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }, 60_000);
});
