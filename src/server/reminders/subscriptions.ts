// Subscriptions per user and template: a long-term one allows every send; a one-time acceptance
// allows one send, so accepted one-time subscriptions are counted as quota and spent on each send.
import { createHash } from 'node:crypto';
import type { Subscription } from '../../core/model';
import type { Reader } from '../ports';

/** One subscription document per user and template; the id is derived from both. */
export function subscriptionId(userId: string, templateId: string): string {
  return `s${createHash('sha256').update(`${userId}\u0000${templateId}`).digest('hex').slice(0, 40)}`;
}

/** The user's subscription to a template: by its derived id, else (a record written elsewhere) by user. */
export async function findSubscription(reader: Reader, userId: string, templateId: string): Promise<Subscription | undefined> {
  const byId = await reader.get('subscriptions', subscriptionId(userId, templateId));
  if (byId) return byId;
  return (await reader.find('subscriptions', { where: { userId } })).find((s) => s.templateId === templateId);
}

export type Allowance = { allowed: false } | { allowed: true; spend: boolean };

/**
 * May a message go out under this subscription? A long-term subscription (recorded, or a template
 * configured as long-term that the user accepted) sends without spending; otherwise one quota is spent.
 */
export function allowance(subscription: Subscription | undefined, templateLongTerm: boolean): Allowance {
  if (!subscription) return { allowed: false };
  if (subscription.longTerm) return { allowed: true, spend: false };
  if (subscription.quota > 0) return { allowed: true, spend: !templateLongTerm };
  return { allowed: false };
}
