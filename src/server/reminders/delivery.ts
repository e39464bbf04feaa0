// Sending what the outbox holds. Each batch is first claimed in a transaction (attempt counted, a
// lease and `sendingSince` set, a one-time quota spent), then sent, then its outcome recorded in a
// second transaction: two runs never send the same row. A run that dies between its claim and its
// record leaves rows whose send may or may not have reached WeChat: when their lease ends they are
// marked failed (发送中断，结果未知), never sent again — a reminder is sent at most once, and with the
// run's budgets stopping well before the function's timeout, exactly once. Outcomes: sent; noQuota (no subscription left, or WeChat's 43101); a transient
// failure retried with exponential backoff until maxAttempts; any other failure kept as failed.
// A deadline reminder WeChat cannot carry goes by SMS where the deployment configures it (sms-fallback.ts).
import type { AuditEvent, Notification, User } from '../../core/model';
import { AppError } from '../../core/errors';
import type { Clock, DeliveryResult, Notifier, Store, Tx } from '../ports';
import { newId } from '../ports/ids';
import { isRetryable, requiresSubscription, resultDetail, smsChannelOf } from './channel';
import { templateFor, type ReminderConfig } from './config';
import { SYSTEM_ACTOR } from './outbox';
import { isQuiet } from './quiet-hours';
import { smsEligible, smsGate } from './sms-fallback';
import { allowance, findSubscription } from './subscriptions';

export interface DeliveryDeps {
  store: Store;
  clock: Clock;
  notifier: Notifier;
  config: ReminderConfig;
}

export interface DeliveryTally {
  sent: number;
  failed: number;
  noQuota: number;
  retrying: number;
  /** Due rows left unsent because of quiet hours. */
  held: number;
}

export const emptyTally = (): DeliveryTally => ({ sent: 0, failed: 0, noQuota: 0, retrying: 0, held: 0 });

interface Claimed {
  notification: Notification;
  recipient: User;
  spentSubscriptionId?: string;
  /** Goes by SMS, carrying these other rows of the same person's day with it. */
  sms?: { covered: Notification[] };
}

const isDue = (n: Notification, now: string) => n.status === 'pending' && (!n.nextAttemptAt || n.nextAttemptAt <= now);
/** Claimed by a run that never recorded the outcome, and its lease over. */
const interrupted = (n: Notification, now: string) => isDue(n, now) && !!n.sendingSince;
export const INTERRUPTED_SEND = '发送中断，结果未知（未重发，以免重复）';

/** Due outbox rows, oldest id first, at most `max`. */
async function duePending(store: Store, now: string, max: number, pageSize: number): Promise<string[]> {
  const ids: string[] = [];
  let afterId: string | undefined;
  while (ids.length < max) {
    const page = await store.find('notifications', { where: { status: 'pending' }, afterId, limit: pageSize });
    for (const n of page) if (isDue(n, now) && ids.length < max) ids.push(n.id);
    if (page.length < pageSize) break;
    afterId = page[page.length - 1]?.id;
  }
  return ids;
}

/** Sends the due rows of the outbox, within the run's limits. Quiet hours hold everything. */
export async function deliverPending(deps: DeliveryDeps, limits: { max: number; overBudget: () => boolean }): Promise<DeliveryTally> {
  const now = deps.clock.now();
  const ids = await duePending(deps.store, now, limits.max, deps.config.pageSize);
  if (isQuiet(now, deps.config.quietHours)) return { ...emptyTally(), held: ids.length };
  return deliverIds(deps, ids, limits.overBudget);
}

/** Sends the given rows now (a 催办), unless quiet hours hold them for the next run. */
export async function deliverIds(deps: DeliveryDeps, ids: readonly string[], overBudget: () => boolean = () => false): Promise<DeliveryTally> {
  const tally = emptyTally();
  if (isQuiet(deps.clock.now(), deps.config.quietHours)) return { ...tally, held: ids.length };
  for (let i = 0; i < ids.length; i += deps.config.writeChunk) {
    if (i > 0 && overBudget()) break; // at least one chunk per run
    const chunk = ids.slice(i, i + deps.config.writeChunk);
    const claimed = await claim(deps, chunk, tally);
    if (claimed.length === 0) continue;
    const results: DeliveryResult[] = [];
    for (const c of claimed) results.push(await send(deps.notifier, c));
    // Rows an SMS carried share its outcome.
    await record(deps, claimed, results, tally);
  }
  return tally;
}

async function send(notifier: Notifier, c: Claimed): Promise<DeliveryResult> {
  try {
    const sms = smsChannelOf(notifier);
    if (c.sms && sms) return await sms.deliver(c.notification, c.recipient, 1 + c.sms.covered.length);
    return await notifier.deliver(c.notification, c.recipient);
  } catch (error) {
    // A thrown error is a transport failure (network, timeout): worth another attempt.
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'failed', error: message.slice(0, 200), retryable: true } as DeliveryResult;
  }
}

async function claim(deps: DeliveryDeps, ids: readonly string[], tally: DeliveryTally): Promise<Claimed[]> {
  const now = deps.clock.now();
  try {
    return await deps.store.transaction(async (tx) => {
      const claimed: Claimed[] = [];
      const gateTally = emptyTally();
      /** Rows claimed by this transaction (an SMS may carry some of the chunk's later rows). */
      const taken = new Set<string>();
      for (const id of ids) {
        if (taken.has(id)) continue;
        const n = await tx.get('notifications', id);
        if (!n || !isDue(n, now)) continue;
        if (interrupted(n, now)) {
          finish(tx, n, now, { status: 'failed', error: INTERRUPTED_SEND }, gateTally);
          continue;
        }
        const recipient = await tx.get('users', n.userId);
        if (!recipient) {
          finish(tx, n, now, { status: 'failed', error: '收件人不存在' }, gateTally);
          continue;
        }
        let spentSubscriptionId: string | undefined;
        let sms: Claimed['sms'];
        const lease = new Date(Date.parse(now) + deps.config.leaseMs).toISOString();
        if (requiresSubscription(deps.notifier)) {
          const template = templateFor(deps.config, n.template);
          if (!template) {
            finish(tx, n, now, { status: 'failed', error: '未配置订阅消息模板' }, gateTally);
            continue;
          }
          const subscription = n.channel === 'sms' ? undefined : await findSubscription(tx, n.userId, template.id);
          const allowed = allowance(subscription, template.longTerm);
          if (!allowed.allowed || !subscription) {
            // WeChat cannot carry it: an SMS where configured (one a day a person), else no one hears.
            const gate = smsChannelOf(deps.notifier) && smsEligible(n, deps.config) ? await smsGate(tx, n, recipient, now, taken, lease) : undefined;
            if (!gate || !gate.ok) {
              finish(tx, n, now, { status: 'noQuota', error: gate?.error ?? '用户未订阅或订阅次数已用完' }, gateTally);
              continue;
            }
            sms = { covered: gate.covered };
          } else if (allowed.spend) {
            tx.update('subscriptions', { ...subscription, quota: subscription.quota - 1, updatedAt: now });
            spentSubscriptionId = subscription.id;
          }
        }
        const claimedRow: Notification = { ...n, attempts: n.attempts + 1, nextAttemptAt: lease, sendingSince: now, ...(sms ? { channel: 'sms' as const } : {}) };
        tx.update('notifications', claimedRow);
        taken.add(n.id);
        claimed.push({ notification: claimedRow, recipient, spentSubscriptionId, ...(sms ? { sms } : {}) });
      }
      add(tally, gateTally);
      return claimed;
    });
  } catch (error) {
    // Another run claimed some of these rows first: it sends them; this run leaves them.
    if (error instanceof AppError && error.code === 'CONFLICT') return [];
    throw error;
  }
}

async function record(deps: DeliveryDeps, claimed: readonly Claimed[], results: readonly DeliveryResult[], tally: DeliveryTally) {
  const now = deps.clock.now();
  await deps.store.transaction(async (tx) => {
    const outcome = emptyTally();
    for (const [i, c] of claimed.entries()) {
      const result = results[i] ?? { status: 'failed', error: '未知错误' };
      const n = await tx.get('notifications', c.notification.id);
      if (!n || n.status !== 'pending') continue;
      // An SMS is never retried within the day (at most one a person); its carried rows share the outcome.
      const retry = !c.sms && result.status === 'failed' && isRetryable(result) && n.attempts < deps.config.maxAttempts;
      if (result.status !== 'sent' && c.spentSubscriptionId) await refund(tx, c.spentSubscriptionId, now);
      if (result.status === 'noQuota' && !c.sms) await exhaust(tx, deps, n, now);
      for (const carried of c.sms?.covered ?? []) {
        const row = await tx.get('notifications', carried.id);
        if (row && row.status === 'pending') finish(tx, row, now, result, outcome, { ...resultDetail(result), carriedBy: n.id });
      }
      if (result.status === 'noQuota' && !c.sms && smsChannelOf(deps.notifier) && smsEligible(n, deps.config)) {
        // WeChat answered 43101: the reminder goes by SMS with the next run.
        const { sendingSince: _sending, nextAttemptAt: _lease, ...rest } = n;
        tx.update('notifications', { ...rest, channel: 'sms', error: result.error });
        tx.appendEvent(sendEvent(n, now, 'pending', { attempt: n.attempts, error: result.error, fallback: 'sms' }));
        outcome.retrying += 1;
      } else if (retry) {
        const wait = deps.config.retryBaseMs * 2 ** Math.max(0, n.attempts - 1);
        const next = new Date(Date.parse(now) + wait).toISOString();
        const error = 'error' in result ? result.error : '';
        const { sendingSince: _sending, ...rest } = n;
        tx.update('notifications', { ...rest, nextAttemptAt: next, error });
        tx.appendEvent(sendEvent(n, now, 'pending', { attempt: n.attempts, error, nextAttemptAt: next }));
        outcome.retrying += 1;
      } else {
        finish(tx, n, now, result, outcome, resultDetail(result));
      }
    }
    add(tally, outcome);
  });
}

/** Marks a row sent, failed or noQuota, with its audit event (and what the service answered). */
function finish(tx: Tx, n: Notification, now: string, result: DeliveryResult, tally: DeliveryTally, detail: Record<string, string> = {}) {
  const { nextAttemptAt: _lease, error: _error, sendingSince: _sending, ...rest } = n;
  const done: Notification =
    result.status === 'sent' ? { ...rest, status: 'sent', sentAt: now } : { ...rest, status: result.status, error: result.error };
  tx.update('notifications', done);
  tx.appendEvent(sendEvent(n, now, done.status, { attempt: n.attempts, error: done.error, ...(n.channel ? { channel: n.channel } : {}), ...detail }));
  tally[result.status] += 1;
}

async function refund(tx: Tx, id: string, now: string) {
  const subscription = await tx.get('subscriptions', id);
  if (subscription) tx.update('subscriptions', { ...subscription, quota: subscription.quota + 1, updatedAt: now });
}

/** WeChat says the user has nothing left for this template: our count was wrong, so it becomes 0. */
async function exhaust(tx: Tx, deps: DeliveryDeps, n: Notification, now: string) {
  const template = templateFor(deps.config, n.template);
  if (!template) return;
  const subscription = await findSubscription(tx, n.userId, template.id);
  // The person is unreachable by WeChat now (the roster says so) and is not asked again at taps.
  if (subscription && (subscription.quota !== 0 || subscription.longTerm || subscription.refusedBy !== 'wechat')) {
    tx.update('subscriptions', { ...subscription, quota: 0, longTerm: false, refusedAt: now, refusedBy: 'wechat', updatedAt: now });
  }
}

function sendEvent(n: Notification, now: string, to: string, detail: Record<string, unknown>): AuditEvent {
  return {
    id: newId(),
    at: now,
    actorId: SYSTEM_ACTOR,
    action: 'reminders.send',
    entity: 'notification',
    entityId: n.id,
    suggestionId: n.suggestionId,
    from: 'pending',
    to,
    detail: Object.fromEntries(Object.entries(detail).filter(([, v]) => v !== undefined)),
  };
}

function add(into: DeliveryTally, more: DeliveryTally) {
  into.sent += more.sent;
  into.failed += more.failed;
  into.noQuota += more.noQuota;
  into.retrying += more.retrying;
  into.held += more.held;
}
