// users.bind: a person enters the one-time code and this WeChat identity becomes theirs.
// Guessing is made hopeless without letting a stranger switch binding off for everyone
// (docs/security.md, Binding): codes have 49 bits and live 72 hours; an identity may send
// MAX_FAILURES_PER_OPENID wrong codes in a row, then each wrong code locks it for a wait that doubles
// from LOCK_MINUTES up to a day (even the right code is refused until then); while more than
// PRESSURE_FAILURES_PER_HOUR wrong codes arrive in a clock hour, a wrong code locks its identity for
// a day at once. An identity that is not locked is always judged, so a new person's right code binds
// whatever others sent. What is not a code at all (wrong length, characters outside the alphabet) is
// answered as such and not counted. A wrong code is audited once, with its run and lock; refusals
// while locked write nothing. The office sees the current locks and lifts one (users.bindLocks,
// users.liftBindLock). An unknown, used, revoked or expired code gets one and the same answer, so an
// answer tells nothing about a code.
//
// An attempt is counted before its code is looked at, in a unit of work of its own on the two
// counters: attempts sent all at once queue on those documents instead of slipping past the limit
// together. A right code then takes its count back (and the lock the count brought).
import * as z from 'zod';
import type { BindUserData, MeResult } from '../../contract';
import { AppError } from '../../core/errors';
import { addMinutes, hashCode, hourOf, identityKey, isWellFormed, lockMinutes, lockRef, normalizeCode, PRESSURE_FAILURES_PER_HOUR, STREAK_HOURS } from '../access/bind-codes';
import type { BindAttempts, Store, Tx } from '../ports';
import { defineUseCase, event, type UseCaseContext } from '../use-case';
import { meOf } from './get-me';

const schema: z.ZodType<BindUserData> = z.object({ code: z.string().max(40) });

export const INVALID_CODE_MESSAGE = '绑定码无效、已使用或已过期，请向联络员索取新的绑定码';
export const MALFORMED_CODE_MESSAGE = '绑定码应为10位数字和字母（如 K7PM-3XQ9-TR），请核对后重新输入';

type InvalidReason = 'unknown' | 'used' | 'revoked' | 'expired' | 'boundElsewhere';

/** Thrown inside the unit of work that looks at the code, so that nothing of it is written. */
class BindRefused extends Error {
  constructor(readonly reason: InvalidReason, readonly codeId?: string) {
    super(reason);
  }
}

const hourKey = (now: string) => `hour:${hourOf(now)}`;
const minutesUntil = (until: string, now: string) => Math.max(1, Math.ceil((Date.parse(until) - Date.parse(now)) / 60_000));
const waitText = (minutes: number) => (minutes >= 120 ? `${Math.ceil(minutes / 60)}小时` : `${minutes}分钟`);

function put(tx: Tx, current: BindAttempts | undefined, next: BindAttempts): void {
  if (current) tx.update('bindAttempts', next);
  else tx.insert('bindAttempts', next);
}

/** A unit of work on contended documents, tried again (after a short random wait) when another got there first. */
async function contended<T>(store: Store, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.transaction(fn);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT') || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * Math.min(attempt, 5)));
    }
  }
}

function lockedError(until: string, openid: string, now: string): AppError {
  const ref = lockRef(identityKey(openid));
  return new AppError('FORBIDDEN', `绑定码输错次数过多，请在${waitText(minutesUntil(until, now))}后再试，或请联络员在“名册管理”中解除锁定（锁定编号 ${ref}）`);
}

/**
 * Counts the attempt (for the identity and for the hour), or refuses it without looking at the code
 * and without writing anything when the identity is locked. Returns the count in a row, this one
 * included, and the lock the attempt brings should its code be wrong.
 */
async function countAttempt(ctx: UseCaseContext, openid: string): Promise<{ lockedUntil: string; refused: true } | { failures: number; lockedUntil?: string }> {
  const now = ctx.now;
  const key = identityKey(openid);
  return contended(ctx.deps.store, async (tx) => {
    const mine = await tx.get('bindAttempts', key);
    if (mine?.lockedUntil && mine.lockedUntil > now) return { lockedUntil: mine.lockedUntil, refused: true as const };
    const hour = await tx.get('bindAttempts', hourKey(now));
    const fresh = !mine || Date.parse(mine.lastFailureAt) + STREAK_HOURS * 3_600_000 <= Date.parse(now);
    const failures = (fresh ? 0 : mine.failures) + 1;
    const minutes = lockMinutes(failures, (hour?.failures ?? 0) >= PRESSURE_FAILURES_PER_HOUR);
    const lockedUntil = minutes > 0 ? addMinutes(now, minutes) : undefined;
    put(tx, mine, { id: key, failures, lastFailureAt: now, ...(lockedUntil ? { lockedUntil } : {}) });
    put(tx, hour, { id: hourKey(now), failures: (hour?.failures ?? 0) + 1, lastFailureAt: now });
    return { failures, ...(lockedUntil ? { lockedUntil } : {}) };
  });
}

export const bindUser = defineUseCase({
  action: 'users.bind',
  access: 'identity',
  schema,
  async run(data, ctx): Promise<MeResult> {
    const openid = ctx.openid!;
    if (ctx.user) throw new AppError('INVALID_TRANSITION', '该微信已绑定身份');
    const code = normalizeCode(data.code);
    if (!isWellFormed(code)) throw new AppError('VALIDATION', MALFORMED_CODE_MESSAGE);
    const counted = await countAttempt(ctx, openid);
    if ('refused' in counted) throw lockedError(counted.lockedUntil, openid, ctx.now);
    try {
      return await ctx.write(async (tx): Promise<MeResult> => {
        const [found] = await tx.find('bindCodes', { where: { codeHash: hashCode(code) }, limit: 1 });
        if (!found) throw new BindRefused('unknown');
        if (found.state !== 'open') throw new BindRefused(found.state, found.id);
        if (found.expiresAt <= ctx.now) throw new BindRefused('expired', found.id);
        const user = await tx.get('users', found.userId);
        if (!user || user.openid) throw new BindRefused('boundElsewhere', found.id);
        const bound = { ...user, openid, version: user.version + 1 };
        tx.update('users', bound);
        tx.update('bindCodes', { ...found, state: 'used', usedAt: ctx.now });
        // The right code takes its count back: the identity starts afresh, the hour counts wrong codes only.
        const mine = await tx.get('bindAttempts', identityKey(openid));
        if (mine) tx.update('bindAttempts', { id: mine.id, failures: 0, lastFailureAt: mine.lastFailureAt });
        const hour = await tx.get('bindAttempts', hourKey(ctx.now));
        if (hour && hour.failures > 0) tx.update('bindAttempts', { ...hour, failures: hour.failures - 1 });
        tx.appendEvent(event(ctx, { action: 'users.bind', entity: 'user', entityId: user.id, actorId: user.id, detail: { bindCodeId: found.id } }));
        return meOf(tx, bound, ctx.now);
      });
    } catch (error) {
      if (!(error instanceof BindRefused)) throw error;
      const { failures, lockedUntil } = counted;
      await ctx.deps.store.transaction(async (tx) =>
        tx.appendEvent(
          event(ctx, {
            action: 'users.bind.refused',
            entity: 'bindCode',
            entityId: error.codeId ?? identityKey(openid),
            actorId: `openid:${openid}`,
            detail: { reason: error.reason, failuresInARow: failures, identity: identityKey(openid), ...(lockedUntil ? { lockedUntil } : {}) },
          }),
        ),
      );
      throw lockedUntil ? lockedError(lockedUntil, openid, ctx.now) : new AppError('VALIDATION', INVALID_CODE_MESSAGE);
    }
  },
});
