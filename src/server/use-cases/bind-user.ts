// users.bind: a person enters the one-time code and this WeChat identity becomes theirs.
// Guessing is made hopeless: codes have 49 bits and live 72 hours; a WeChat identity with
// MAX_FAILURES_PER_OPENID wrong codes in a row is locked for LOCK_MINUTES (even the right code is
// refused until then); past MAX_FAILURES_PER_HOUR wrong codes from everyone in a clock hour,
// binding pauses until the hour ends. Every refusal is audited. An unknown, used, revoked or
// expired code gets one and the same answer, so an answer tells nothing about a code.
//
// An attempt is counted before its code is looked at, in a unit of work of its own on the two
// counters: attempts sent all at once queue on those documents instead of slipping past the limit
// together. A right code then takes its count back.
import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { BindUserData, MeResult } from '../../contract';
import { AppError } from '../../core/errors';
import {
  addMinutes,
  hashCode,
  hourOf,
  isWellFormed,
  LOCK_MINUTES,
  MAX_FAILURES_PER_HOUR,
  MAX_FAILURES_PER_OPENID,
  normalizeCode,
} from '../access/bind-codes';
import type { BindAttempts, Store, Tx } from '../ports';
import { defineUseCase, event, type UseCaseContext } from '../use-case';
import { meOf } from './get-me';

const schema: z.ZodType<BindUserData> = z.object({ code: z.string().max(40) });

export const INVALID_CODE_MESSAGE = '绑定码无效、已使用或已过期，请向联络员索取新的绑定码';

type InvalidReason = 'malformed' | 'unknown' | 'used' | 'revoked' | 'expired' | 'boundElsewhere';
type Refusal = { kind: 'locked'; until: string } | { kind: 'paused'; until: string } | { kind: 'invalid'; reason: InvalidReason; codeId?: string };

/** Thrown inside the unit of work that looks at the code, so that nothing of it is written. */
class BindRefused extends Error {
  constructor(readonly reason: InvalidReason, readonly codeId?: string) {
    super(reason);
  }
}

const identityKey = (openid: string) => `openid:${createHash('sha256').update(openid).digest('hex').slice(0, 32)}`;
const hourKey = (now: string) => `hour:${hourOf(now)}`;
const minutesUntil = (until: string, now: string) => Math.max(1, Math.ceil((Date.parse(until) - Date.parse(now)) / 60_000));

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

function audit(ctx: UseCaseContext, tx: Tx, openid: string, refusal: Refusal, failures?: number, lockedUntil?: string): void {
  tx.appendEvent(
    event(ctx, {
      action: 'users.bind.refused',
      entity: 'bindCode',
      entityId: refusal.kind === 'invalid' && refusal.codeId ? refusal.codeId : identityKey(openid),
      actorId: `openid:${openid}`,
      detail: {
        reason: refusal.kind === 'invalid' ? refusal.reason : refusal.kind,
        ...(failures !== undefined ? { failuresInARow: failures } : {}),
        ...(refusal.kind !== 'invalid' ? { until: refusal.until } : {}),
        ...(lockedUntil ? { lockedUntil } : {}),
      },
    }),
  );
}

/**
 * Counts the attempt (for the identity and for the hour), or refuses it without looking at the code
 * when the identity is locked or binding is paused. Returns the count in a row, this one included.
 */
async function countAttempt(ctx: UseCaseContext, openid: string): Promise<{ refused: Refusal } | { failures: number }> {
  const now = ctx.now;
  return contended(ctx.deps.store, async (tx) => {
    const mine = await tx.get('bindAttempts', identityKey(openid));
    const hour = await tx.get('bindAttempts', hourKey(now));
    let refusal: Refusal | undefined;
    if (mine?.lockedUntil && mine.lockedUntil > now) refusal = { kind: 'locked', until: mine.lockedUntil };
    else if (hour && hour.failures >= MAX_FAILURES_PER_HOUR) refusal = { kind: 'paused', until: addMinutes(hourOf(now), 60) };
    if (refusal) {
      audit(ctx, tx, openid, refusal);
      return { refused: refusal };
    }
    const failures = (mine?.lockedUntil ? 0 : (mine?.failures ?? 0)) + 1;
    const locks = failures >= MAX_FAILURES_PER_OPENID;
    put(tx, mine, { id: identityKey(openid), failures, lastFailureAt: now, ...(locks ? { lockedUntil: addMinutes(now, LOCK_MINUTES) } : {}) });
    put(tx, hour, { id: hourKey(now), failures: (hour?.failures ?? 0) + 1, lastFailureAt: now });
    return { failures };
  });
}

function refusalError(refusal: Refusal, now: string): AppError {
  switch (refusal.kind) {
    case 'locked':
      return new AppError('FORBIDDEN', `绑定码输错次数过多，请在${minutesUntil(refusal.until, now)}分钟后再试`);
    case 'paused':
      return new AppError('FORBIDDEN', `近期输错绑定码的次数过多，绑定已暂停，请在${minutesUntil(refusal.until, now)}分钟后再试`);
    case 'invalid':
      return new AppError('VALIDATION', INVALID_CODE_MESSAGE);
  }
}

export const bindUser = defineUseCase({
  action: 'users.bind',
  access: 'identity',
  schema,
  async run(data, ctx): Promise<MeResult> {
    const openid = ctx.openid!;
    if (ctx.user) throw new AppError('INVALID_TRANSITION', '该微信已绑定身份');
    const code = normalizeCode(data.code);
    const counted = await countAttempt(ctx, openid);
    if ('refused' in counted) throw refusalError(counted.refused, ctx.now);
    try {
      return await ctx.write(async (tx): Promise<MeResult> => {
        if (!isWellFormed(code)) throw new BindRefused('malformed');
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
      const invalid: Refusal = { kind: 'invalid', reason: error.reason, ...(error.codeId ? { codeId: error.codeId } : {}) };
      const lockedUntil = counted.failures >= MAX_FAILURES_PER_OPENID ? addMinutes(ctx.now, LOCK_MINUTES) : undefined;
      await ctx.deps.store.transaction(async (tx) => audit(ctx, tx, openid, invalid, counted.failures, lockedUntil));
      throw refusalError(lockedUntil ? { kind: 'locked', until: lockedUntil } : invalid, ctx.now);
    }
  },
});
