// When a deadline reminder goes by SMS (docs/reminders.md, SMS): WeChat cannot carry it (no
// subscription left, refused, or WeChat answered 43101), the deployment configured SMS for its
// threshold (T-3, T-1, the due day, overdue by default), the person has a mobile number on the
// roster, and no SMS went to the person today (Beijing date): at most one a day a person. That one
// SMS carries every other such reminder of the person due now, claimed with it in the same
// transaction, so none of them is sent again after a crash (the lease rule of delivery.ts).
import { shanghaiDate } from '../../core/calendar';
import type { Notification, Subscription, User } from '../../core/model';
import type { Tx } from '../ports';
import type { ReminderConfig } from './config';
import { DEADLINE_LABELS } from './messages';
import { mobileNumber } from './sms.sender';
import { subscriptionId } from './subscriptions';

/** The marker document of a person's SMS day, kept beside the person's subscriptions. */
export const SMS_MARKER = 'sms';

export function smsEligible(n: Notification, config: ReminderConfig): boolean {
  const sms = config.sms;
  if (!sms || n.threshold === undefined || !(n.kind in DEADLINE_LABELS)) return false;
  return n.threshold < 0 ? sms.overdue : sms.days.includes(n.threshold);
}

export type SmsGate = { ok: true; covered: Notification[] } | { ok: false; error: string };

export async function smsGate(tx: Tx, n: Notification, recipient: User, now: string, taken: Set<string>, lease: string): Promise<SmsGate> {
  if (!mobileNumber(recipient.phone)) return { ok: false, error: '无法经微信送达，名册中没有可用的手机号' };
  const today = shanghaiDate(now);
  const markerId = subscriptionId(recipient.id, SMS_MARKER);
  const marker = await tx.get('subscriptions', markerId);
  if (marker?.smsDay === today) return { ok: false, error: '无法经微信送达，今天已给此人发过短信（每人每天至多一条）' };
  const next: Subscription = marker
    ? { ...marker, smsDay: today, updatedAt: now }
    : { id: markerId, userId: recipient.id, templateId: SMS_MARKER, longTerm: false, quota: 0, smsDay: today, updatedAt: now };
  if (marker) tx.update('subscriptions', next);
  else tx.insert('subscriptions', next);
  // The person's other deadline reminders due now go in the same SMS.
  const covered: Notification[] = [];
  const pending = await tx.find('notifications', { where: { userId: recipient.id, status: 'pending' } });
  for (const other of pending) {
    if (other.id === n.id || taken.has(other.id) || other.sendingSince || (other.nextAttemptAt && other.nextAttemptAt > now)) continue;
    if (other.threshold === undefined || !(other.kind in DEADLINE_LABELS)) continue;
    const claimed: Notification = { ...other, attempts: other.attempts + 1, nextAttemptAt: lease, sendingSince: now, channel: 'sms' };
    tx.update('notifications', claimed);
    taken.add(other.id);
    covered.push(claimed);
  }
  return { ok: true, covered };
}
