// Whether WeChat can reach a person now (docs/reminders.md, What the office sees): by the person's
// subscription to the deadline template — long-term, N one-time messages left, refused (in WeChat's
// prompt, or WeChat answered 43101 to a send), or none. And which templates the app should ask for
// at the person's next tap: those whose one-time count is low and that the person has not refused.
import type { Subscription } from '../../core/model';
import type { Reader } from '../ports';
import { TEMPLATE_NAMES, type ReminderConfig } from './config';
import { subscriptionId } from './subscriptions';

export type ReachState = 'longTerm' | 'quota' | 'refused' | 'none';

export interface Reach {
  state: ReachState;
  /** One-time messages left (0 unless state is quota). */
  left: number;
  /** In words: 长期订阅, 剩余N条, 已拒绝, 未订阅. */
  label: string;
  /** WeChat cannot carry a reminder to this person now. */
  unreachable: boolean;
}

export function reachOf(subscription: Subscription | undefined): Reach {
  if (subscription?.longTerm) return { state: 'longTerm', left: 0, label: '长期订阅', unreachable: false };
  if (subscription && subscription.quota > 0) return { state: 'quota', left: subscription.quota, label: `剩余${subscription.quota}条`, unreachable: false };
  if (subscription?.refusedAt) return { state: 'refused', left: 0, label: subscription.refusedBy === 'wechat' ? '已拒绝（微信退回）' : '已拒绝', unreachable: true };
  return { state: 'none', left: 0, label: '未订阅', unreachable: true };
}

/** The reach of each person (by id) through the deadline template; empty when no template is configured. */
export async function reachOfPeople(reader: Reader, config: ReminderConfig, userIds: readonly string[]): Promise<Map<string, Reach>> {
  const out = new Map<string, Reach>();
  const template = config.templates.deadline;
  if (!template || userIds.length === 0) return out;
  const byUser = new Map<string, Subscription>();
  for (let i = 0; i < userIds.length; i += 1000) {
    const ids = userIds.slice(i, i + 1000).map((id) => subscriptionId(id, template.id));
    for (const s of await reader.getMany('subscriptions', ids)) byUser.set(s.userId, s);
  }
  for (const id of userIds) out.set(id, reachOf(byUser.get(id)));
  return out;
}

/**
 * The template ids to ask for at the person's next tap (at most 3, WeChat's limit for one prompt):
 * each configured template whose one-time count is below `askBelow`, unless the person holds it
 * long-term or refused it.
 */
export async function templatesToAsk(reader: Reader, config: ReminderConfig, userId: string): Promise<string[]> {
  const ids = [...new Set(TEMPLATE_NAMES.map((n) => config.templates[n]?.id).filter((id): id is string => !!id))];
  if (ids.length === 0) return [];
  const subs = await reader.getMany('subscriptions', ids.map((id) => subscriptionId(userId, id)));
  const of = new Map(subs.map((s) => [s.templateId, s]));
  return ids
    .filter((id) => {
      const s = of.get(id);
      if (!s) return true;
      if (s.longTerm || s.refusedAt) return false;
      return s.quota < config.askBelow;
    })
    .slice(0, 3);
}
