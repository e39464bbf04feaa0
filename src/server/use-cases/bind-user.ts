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
// An attempt is judged and recorded in one unit of work: the identity's document is its first read
// and every judged attempt writes it (a wrong code its count, a right code its count set back), so
// attempts sent all at once queue on that document: of two that read it alike, the second to commit
// meets the first's change and runs again, reading the count the first left. A wrong code's count and
// audit event commit and the refusal is answered after the commit (RefusedAfterCommit); a refusal
// while locked writes nothing. Only a unit of work that commits answers, so no more codes get an
// answer than the limit allows, however many are sent at once (docs/security.md, Binding).
import * as z from 'zod';
import type { BindUserData, MeResult } from '../../contract';
import { AppError } from '../../core/errors';
import { addMinutes, hashCode, hourOf, identityKey, isWellFormed, lockMinutes, lockRef, normalizeCode, PRESSURE_FAILURES_PER_HOUR, STREAK_HOURS } from '../access/bind-codes';
import type { User } from '../../core/model';
import type { BindAttempts, BindCode, Tx } from '../ports';
import { defineUseCase, event, RefusedAfterCommit, type UseCaseContext } from '../use-case';
import { meOf } from './get-me';

const schema: z.ZodType<BindUserData> = z.object({ code: z.string().max(40) });

export const INVALID_CODE_MESSAGE = '绑定码无效、已使用或已过期，请向联络员索取新的绑定码';
export const MALFORMED_CODE_MESSAGE = '绑定码应为10位数字和字母（如 K7PM-3XQ9-TR），请核对后重新输入';

type InvalidReason = 'unknown' | 'used' | 'revoked' | 'expired' | 'boundElsewhere';

/**
 * The code was used by this very identity meanwhile: the same request sent twice at once. Answered as
 * a conflict and not tried again, so that the api answers a repeated requestId as the first (api/index.ts).
 */
class BoundMeanwhile extends AppError {
  constructor() {
    super('CONFLICT', '该微信已绑定身份');
  }
}

const hourKey = (now: string) => `hour:${hourOf(now)}`;
const minutesUntil = (until: string, now: string) => Math.max(1, Math.ceil((Date.parse(until) - Date.parse(now)) / 60_000));
const waitText = (minutes: number) => (minutes >= 120 ? `${Math.ceil(minutes / 60)}小时` : `${minutes}分钟`);

function put(tx: Tx, current: BindAttempts | undefined, next: BindAttempts): void {
  if (current) tx.update('bindAttempts', next);
  else tx.insert('bindAttempts', next);
}

/** A unit of work on contended documents, run again (after a short random wait) when another committed first. */
async function contended<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT') || error instanceof BoundMeanwhile || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * Math.min(attempt, 5)));
    }
  }
}

function lockedError(until: string, openid: string, now: string): AppError {
  const ref = lockRef(identityKey(openid));
  return new AppError('FORBIDDEN', `绑定码输错次数过多，请在${waitText(minutesUntil(until, now))}后再试，或请联络员在“名册管理”中解除锁定（锁定编号 ${ref}）`);
}

/** Why the code found (or not) does not bind this identity, or the user it binds. */
async function judge(tx: Tx, found: BindCode | undefined, openid: string, now: string): Promise<{ reason: InvalidReason } | { user: User }> {
  if (!found) return { reason: 'unknown' };
  if (found.state === 'used' && (await tx.get('users', found.userId))?.openid === openid) throw new BoundMeanwhile();
  if (found.state !== 'open') return { reason: found.state };
  if (found.expiresAt <= now) return { reason: 'expired' };
  const user = await tx.get('users', found.userId);
  return !user || user.openid ? { reason: 'boundElsewhere' } : { user };
}

/**
 * One attempt, in the unit of work that records it: refused unjudged (nothing written) while the
 * identity is locked; else its code judged, and a wrong code counted for the identity and the hour
 * and audited, or the right code bound and the identity's run of wrong codes set back.
 */
async function attempt(tx: Tx, ctx: UseCaseContext, openid: string, code: string): Promise<MeResult | RefusedAfterCommit> {
  const now = ctx.now;
  const key = identityKey(openid);
  const mine = await tx.get('bindAttempts', key);
  if (mine?.lockedUntil && mine.lockedUntil > now) throw lockedError(mine.lockedUntil, openid, now);
  const [found] = await tx.find('bindCodes', { where: { codeHash: hashCode(code) }, limit: 1 });
  const judged = await judge(tx, found, openid, now);
  if ('user' in judged) {
    // Written even when there is nothing to set back, so that this attempt queues with the others
    // (an identity's first attempt: its document, at 0, with the instant it bound).
    put(tx, mine, { id: key, failures: 0, lastFailureAt: mine?.lastFailureAt ?? now });
    const bound = { ...judged.user, openid, version: judged.user.version + 1 };
    tx.update('users', bound);
    tx.update('bindCodes', { ...found!, state: 'used', usedAt: now });
    tx.appendEvent(event(ctx, { action: 'users.bind', entity: 'user', entityId: bound.id, actorId: bound.id, detail: { bindCodeId: found!.id } }));
    return meOf(tx, bound, now);
  }
  const hour = await tx.get('bindAttempts', hourKey(now));
  const fresh = !mine || Date.parse(mine.lastFailureAt) + STREAK_HOURS * 3_600_000 <= Date.parse(now);
  const failures = (fresh ? 0 : mine.failures) + 1;
  const minutes = lockMinutes(failures, (hour?.failures ?? 0) >= PRESSURE_FAILURES_PER_HOUR);
  const lockedUntil = minutes > 0 ? addMinutes(now, minutes) : undefined;
  put(tx, mine, { id: key, failures, lastFailureAt: now, ...(lockedUntil ? { lockedUntil } : {}) });
  put(tx, hour, { id: hourKey(now), failures: (hour?.failures ?? 0) + 1, lastFailureAt: now });
  tx.appendEvent(
    event(ctx, {
      action: 'users.bind.refused',
      entity: 'bindCode',
      entityId: found?.id ?? key,
      actorId: `openid:${openid}`,
      detail: { reason: judged.reason, failuresInARow: failures, identity: key, ...(lockedUntil ? { lockedUntil } : {}) },
    }),
  );
  return new RefusedAfterCommit(lockedUntil ? lockedError(lockedUntil, openid, now) : new AppError('VALIDATION', INVALID_CODE_MESSAGE));
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
    const outcome = await contended(() => ctx.write((tx) => attempt(tx, ctx, openid, code)));
    if (outcome instanceof RefusedAfterCommit) throw outcome.error;
    return outcome;
  },
});
