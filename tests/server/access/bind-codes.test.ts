// Binding a WeChat identity with a one-time code, tried as someone guessing codes would.
import type { ApiResponse } from '../../../src/core/errors';
import type { BindCodeResult, ListBindCodesResult, ListBindLocksResult } from '../../../src/contract';
import { createApi, type Api } from '../../../src/server/api';
import { openSqliteStore, type SqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import {
  CODE_ALPHABET,
  CODE_BITS,
  CODE_VALID_HOURS,
  hashCode,
  identityKey,
  lockRef,
  LOCK_MINUTES,
  MAX_FAILURES_PER_OPENID,
  MAX_LOCK_MINUTES,
  newCode,
  normalizeCode,
  PRESSURE_FAILURES_PER_HOUR,
} from '../../../src/server/access/bind-codes';
import { seedDemo } from '../../../src/server/setup/demo-data';
import type { Store, Tx } from '../../../src/server/ports';
import { INVALID_CODE_MESSAGE, MALFORMED_CODE_MESSAGE } from '../../../src/server/use-cases/bind-user';
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import { freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';

const START = '2026-03-02T02:00:00.000Z';
const later = (minutes: number) => new Date(Date.parse(START) + minutes * 60_000).toISOString();
const INVALID = { ok: false, error: { code: 'VALIDATION', message: INVALID_CODE_MESSAGE } };
/** A well-formed code that is not issued (a guess). */
const wrong = (n: number) => `WRQNGCQDE${CODE_ALPHABET[n]}`;
const MALFORMED = { ok: false, error: { code: 'VALIDATION', message: MALFORMED_CODE_MESSAGE } };
const lockedFor = (openid: string, wait: string) => ({
  ok: false,
  error: { code: 'FORBIDDEN', message: `绑定码输错次数过多，请在${wait}后再试，或请联络员在“名册管理”中解除锁定（锁定编号 ${lockRef(identityKey(openid))}）` },
});

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

  it('work once, for 72 hours, and answer the same for an unknown, used, expired or revoked code', async () => {
    const used = await issue('user-deputy-zhang');
    expect(await bind('wx-zhang', used.code)).toMatchObject({ ok: true });
    const expired = await issue('user-deputy-chen');
    now = later(72 * 60);
    const answers = [
      await bind('wx-a', used.code),
      await bind('wx-b', expired.code),
      await bind('wx-c', 'K7PM-3XQ9-TR'),
    ];
    for (const answer of answers) expect(answer).toEqual(INVALID);
    // What is not a code at all is told so, and not counted as a guess.
    for (const typed of ['12345678', '', 'K7PM-3XQ9-T0', 'K7PM-3XQ9-TRR']) expect(await bind('wx-d', typed)).toEqual(MALFORMED);
    expect(await store.get('bindAttempts', identityKey('wx-d'))).toBeUndefined();
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

  it(`lock a WeChat identity after ${MAX_FAILURES_PER_OPENID} wrong codes in a row, even against the right code, with waits that grow`, async () => {
    const { code } = await issue();
    for (let i = 1; i < MAX_FAILURES_PER_OPENID; i++) expect(await bind('wx-guesser', wrong(i))).toEqual(INVALID);
    expect(await bind('wx-guesser', wrong(9))).toEqual(lockedFor('wx-guesser', `${LOCK_MINUTES}分钟`));
    expect(await bind('wx-guesser', code)).toEqual(lockedFor('wx-guesser', `${LOCK_MINUTES}分钟`));
    now = later(LOCK_MINUTES - 1);
    expect(await bind('wx-guesser', code)).toEqual(lockedFor('wx-guesser', '1分钟'));
    // Someone else is not locked by it.
    expect(await bind('wx-other', wrong(9))).toEqual(INVALID);
    // The next wrong code in the run waits twice as long, and so on up to a day.
    now = later(LOCK_MINUTES);
    expect(await bind('wx-guesser', wrong(8))).toEqual(lockedFor('wx-guesser', `${LOCK_MINUTES * 2}分钟`));
    now = later(LOCK_MINUTES * 3);
    expect(await bind('wx-guesser', wrong(7))).toEqual(lockedFor('wx-guesser', `${LOCK_MINUTES * 4}分钟`));
    now = later(LOCK_MINUTES * 7);
    expect(await bind('wx-guesser', code)).toMatchObject({ ok: true, data: { user: { name: '张立新' } } });
  });

  it(`leave a new person's right code accepted after 100 wrong codes from 20 identities; under that pressure a wrong code locks for a day`, async () => {
    const { code } = await issue();
    const chen = await issue('user-deputy-chen');
    for (let bot = 0; bot < 20; bot++) {
      for (let i = 0; i < 5; i++) {
        const answer = await bind(`wx-bot-${bot}`, `WRQNGCQD${CODE_ALPHABET[i]}${CODE_ALPHABET[bot]}`);
        expect(answer).toMatchObject({ ok: false, error: { code: i < 4 ? 'VALIDATION' : 'FORBIDDEN' } });
      }
    }
    expect(PRESSURE_FAILURES_PER_HOUR).toBeLessThanOrEqual(100);
    now = later(1);
    expect(await bind('wx-zhang', code)).toMatchObject({ ok: true, data: { user: { name: '张立新' } } });
    // A mistyped code now locks its identity for a day at once; the office sees it and lifts it.
    expect(await bind('wx-chen', wrong(2))).toEqual(lockedFor('wx-chen', `${MAX_LOCK_MINUTES / 60}小时`));
    expect(await bind('wx-chen', chen.code)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const locks = await call<ListBindLocksResult>('demo-coordinator', 'users.bindLocks', {});
    if (!locks.ok) throw new Error(locks.error.message);
    expect(locks.data.items).toHaveLength(21);
    const mine = locks.data.items.find((l) => l.ref === lockRef(identityKey('wx-chen')))!;
    expect(mine).toEqual({ id: identityKey('wx-chen'), ref: lockRef(identityKey('wx-chen')), failures: 1, lastFailureAt: later(1), lockedUntil: later(1 + MAX_LOCK_MINUTES) });
    expect(JSON.stringify(locks.data)).not.toContain('wx-');
    expect(await call('demo-handler', 'users.liftBindLock', { id: mine.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('demo-coordinator', 'users.liftBindLock', { id: mine.id })).toEqual({ ok: true, data: { id: mine.id, liftedAt: later(1) } });
    expect(await call('demo-coordinator', 'users.liftBindLock', { id: mine.id })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect((await store.events({ limit: 10_000 })).filter((e) => e.action === 'users.liftBindLock')).toHaveLength(1);
    expect(await bind('wx-chen', chen.code)).toMatchObject({ ok: true, data: { user: { name: '陈静' } } });
  });

  it('audit each wrong code judged, with its reason and run; refusals while locked write nothing', async () => {
    const { code } = await issue();
    const users = JSON.stringify(await store.find('users'));
    for (let i = 0; i < MAX_FAILURES_PER_OPENID; i++) await bind('wx-guesser', 'K7PM-3XQ9-TR');
    const locked = JSON.stringify(store.dump());
    for (let i = 0; i < 50; i++) expect(await bind('wx-guesser', 'K7PM-3XQ9-TR')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(store.dump())).toBe(locked);
    expect(JSON.stringify(await store.find('users'))).toBe(users);
    const audited = await refusals();
    expect(audited).toHaveLength(MAX_FAILURES_PER_OPENID);
    expect(audited.map((e) => e.detail?.reason)).toEqual(Array<string>(MAX_FAILURES_PER_OPENID).fill('unknown'));
    expect(audited.map((e) => e.detail?.failuresInARow)).toEqual([1, 2, 3, 4, 5]);
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


describe('a bind request sent again with its requestId', () => {
  const withId = (openid: string, code: string, requestId: string) => api({ action: 'users.bind', data: { code }, requestId }, { openid });

  it('answers as the first time: a wrong code is counted and audited once, a right code binds once', async () => {
    const first = await withId('wx-retry', wrong(1), 'bind-r1');
    expect(first).toEqual(INVALID);
    expect(await withId('wx-retry', wrong(1), 'bind-r1')).toEqual(first);
    expect(await store.get('bindAttempts', identityKey('wx-retry'))).toMatchObject({ failures: 1 });
    expect(await refusals()).toHaveLength(1);
    const { code } = await issue();
    const bound = await withId('wx-zhang', code, 'bind-r2');
    expect(bound).toMatchObject({ ok: true, data: { bound: true, user: { name: '张立新' } } });
    expect(await withId('wx-zhang', code, 'bind-r2')).toEqual(bound);
    expect((await store.events({ limit: 10_000 })).filter((e) => e.action === 'users.bind')).toHaveLength(1);
  });

  it('leaves no trace when refused unjudged: locked, or not a code at all', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_OPENID; i++) await bind('wx-locked', wrong(i));
    const locked = JSON.stringify(store.dump());
    expect(await withId('wx-locked', wrong(9), 'bind-r3')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await withId('wx-other', '12345678', 'bind-r4')).toEqual(MALFORMED);
    expect(JSON.stringify(store.dump())).toBe(locked);
    expect(await store.idempotency('bind-r3')).toBeUndefined();
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

  it.each(adapters)('are each counted on %s, and lock the identity', async (_name, open) => {
    const shared = await open();
    await seedDemo(shared, START);
    const parallelApi = createApi({ store: shared, clock: { now: () => START }, log: () => undefined });
    const guesses = 12;
    const answers = await Promise.all(
      Array.from({ length: guesses }, (_, i) => parallelApi({ action: 'users.bind', data: { code: `K7PM-3XQ9-${CODE_ALPHABET[i]}${CODE_ALPHABET[i]}` } }, { openid: 'wx-burst' })),
    );
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code)).filter((c) => c !== 'VALIDATION' && c !== 'FORBIDDEN')).toEqual([]);
    const audited = (await shared.events({ limit: 10_000 })).filter((e) => e.action === 'users.bind.refused');
    // No more codes were looked at than the limit allows; the rest were refused unseen (and unwritten).
    expect(audited.filter((e) => e.detail?.reason === 'unknown')).toHaveLength(MAX_FAILURES_PER_OPENID);
    expect(audited).toHaveLength(MAX_FAILURES_PER_OPENID);
    expect(answers.filter((a) => !a.ok && a.error.code === 'FORBIDDEN')).toHaveLength(guesses - MAX_FAILURES_PER_OPENID + 1);
    const after = await parallelApi({ action: 'users.bind', data: { code: 'K7PM-3XQ9-TR' } }, { openid: 'wx-burst' });
    expect(after).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The office finds the lock on this store too, and lifts it.
    const locks = await parallelApi({ action: 'users.bindLocks', data: {} }, { openid: 'demo-coordinator' });
    expect(locks).toMatchObject({ ok: true, data: { items: [{ id: identityKey('wx-burst'), failures: MAX_FAILURES_PER_OPENID }] } });
    expect(await parallelApi({ action: 'users.liftBindLock', data: { id: identityKey('wx-burst') } }, { openid: 'demo-coordinator' })).toMatchObject({ ok: true });
    expect(await parallelApi({ action: 'users.bindLocks', data: {} }, { openid: 'demo-coordinator' })).toMatchObject({ ok: true, data: { items: [] } });
  }, 60_000);

  it.each(adapters)('from many identities are each counted on %s, none judged past its limit, and a right code among them binds', async (_name, open) => {
    const shared = await open();
    await seedDemo(shared, START);
    const parallelApi = createApi({ store: shared, clock: { now: () => START }, log: () => undefined });
    const issued = await parallelApi({ action: 'users.issueBindCode', data: { userId: 'user-deputy-zhang' } }, { openid: 'demo-coordinator' });
    if (!issued.ok) throw new Error(issued.error.message);
    const identities = ['wx-burst-a', 'wx-burst-b', 'wx-burst-c'];
    const perIdentity = 8;
    const guesses = identities.flatMap((openid, n) => Array.from({ length: perIdentity }, (_, i) => ({ openid, code: `K7PM-3XQ${CODE_ALPHABET[n]}-${CODE_ALPHABET[i]}${CODE_ALPHABET[i]}` })));
    const right = { openid: 'wx-zhang', code: (issued.data as BindCodeResult).code };
    const sent = [...guesses.slice(0, 12), right, ...guesses.slice(12)];
    const answers = await Promise.all(sent.map(({ openid, code }) => parallelApi({ action: 'users.bind', data: { code } }, { openid })));
    expect(answers[12]).toMatchObject({ ok: true, data: { bound: true, user: { name: '张立新' } } });
    const audited = (await shared.events({ limit: 10_000 })).filter((e) => e.action === 'users.bind.refused');
    for (const openid of identities) {
      const theirs = answers.filter((_, i) => sent[i]!.openid === openid).map((a) => (a.ok ? 'ok' : a.error.code));
      // Judged: MAX_FAILURES_PER_OPENID, the last of which locks; the rest refused unseen.
      expect(theirs.filter((c) => c === 'VALIDATION')).toHaveLength(MAX_FAILURES_PER_OPENID - 1);
      expect(theirs.filter((c) => c === 'FORBIDDEN')).toHaveLength(perIdentity - MAX_FAILURES_PER_OPENID + 1);
      const runs = audited.filter((e) => e.detail?.identity === identityKey(openid)).map((e) => e.detail?.failuresInARow as number);
      expect(runs.sort()).toEqual([1, 2, 3, 4, 5]);
      expect(await shared.get('bindAttempts', identityKey(openid))).toMatchObject({ failures: MAX_FAILURES_PER_OPENID });
    }
    // Every wrong code judged is in the hour's count, once.
    const hour = (await shared.find('bindAttempts')).find((a) => a.id.startsWith('hour:'));
    expect(hour?.failures).toBe(identities.length * MAX_FAILURES_PER_OPENID);
    expect(audited).toHaveLength(identities.length * MAX_FAILURES_PER_OPENID);
  }, 120_000);

  /**
   * A store whose units of work stop at the look-up of one code until released: the attempt has read
   * its identity's document and looks at the code while other attempts of the identity commit.
   */
  function holdingLookUp(store: Store, code: string) {
    let reached!: () => void;
    let release!: () => void;
    const atLookUp = new Promise<void>((resolve) => (reached = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const codeHash = hashCode(normalizeCode(code));
    const held: Store = {
      ...store,
      transaction: (fn) =>
        store.transaction((tx) => {
          const holding: Tx = {
            ...tx,
            find: async (collection, query) => {
              if (collection === 'bindCodes' && (query?.where as { codeHash?: string } | undefined)?.codeHash === codeHash) {
                reached();
                await released;
              }
              return tx.find(collection, query);
            },
          };
          return fn(holding);
        }),
    };
    return { held, atLookUp, release };
  }

  const runs = adapters.flatMap(([name, open]) => [0, MAX_FAILURES_PER_OPENID - 1].map((before): [string, number, () => Promise<Store>] => [name, before, open]));
  it.each(runs)('on %s, a right code looked at while wrong codes lock its identity (after %i wrong before it) is refused, not bound', async (_name, before, open) => {
    const shared = await open();
    await seedDemo(shared, START);
    const plainApi = createApi({ store: shared, clock: { now: () => START }, log: () => undefined });
    const issued = await plainApi({ action: 'users.issueBindCode', data: { userId: 'user-deputy-zhang' } }, { openid: 'demo-coordinator' });
    if (!issued.ok) throw new Error(issued.error.message);
    const { code } = issued.data as BindCodeResult;
    for (let i = 0; i < before; i++) expect(await plainApi({ action: 'users.bind', data: { code: wrong(i) } }, { openid: 'wx-late' })).toEqual(INVALID);
    const { held, atLookUp, release } = holdingLookUp(shared, code);
    const heldApi = createApi({ store: held, clock: { now: () => START }, log: () => undefined });
    const late = heldApi({ action: 'users.bind', data: { code } }, { openid: 'wx-late' });
    await atLookUp;
    // Meanwhile the identity's run reaches the limit and locks it.
    for (let i = before; i < MAX_FAILURES_PER_OPENID; i++) await plainApi({ action: 'users.bind', data: { code: wrong(i) } }, { openid: 'wx-late' });
    expect(await shared.get('bindAttempts', identityKey('wx-late'))).toMatchObject({ failures: MAX_FAILURES_PER_OPENID });
    release();
    expect(await late).toEqual(lockedFor('wx-late', `${LOCK_MINUTES}分钟`));
    expect((await shared.get('users', 'user-deputy-zhang'))?.openid).toBeUndefined();
    expect((await shared.events({ limit: 10_000 })).filter((e) => e.action === 'users.bind')).toHaveLength(0);
  }, 60_000);

  it.each(adapters)('sent twice at once with one requestId, answer alike on %s and count once', async (_name, open) => {
    const shared = await open();
    await seedDemo(shared, START);
    const parallelApi = createApi({ store: shared, clock: { now: () => START }, log: () => undefined });
    const issued = await parallelApi({ action: 'users.issueBindCode', data: { userId: 'user-deputy-zhang' } }, { openid: 'demo-coordinator' });
    if (!issued.ok) throw new Error(issued.error.message);
    const twice = (openid: string, code: string, requestId: string) =>
      Promise.all([0, 1].map(() => parallelApi({ action: 'users.bind', data: { code }, requestId }, { openid })));
    const [wrongA, wrongB] = await twice('wx-twice', wrong(3), 'bind-twice-1');
    expect(wrongA).toEqual(INVALID);
    expect(wrongB).toEqual(INVALID);
    expect(await shared.get('bindAttempts', identityKey('wx-twice'))).toMatchObject({ failures: 1 });
    const [rightA, rightB] = await twice('wx-zhang', (issued.data as BindCodeResult).code, 'bind-twice-2');
    expect(rightA).toMatchObject({ ok: true, data: { bound: true } });
    expect(rightB).toEqual(rightA);
    const events = (await shared.events({ limit: 10_000 })).map((e) => e.action);
    expect(events.filter((a) => a === 'users.bind.refused')).toHaveLength(1);
    expect(events.filter((a) => a === 'users.bind')).toHaveLength(1);
  }, 60_000);
});
