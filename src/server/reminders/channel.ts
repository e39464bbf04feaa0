// What the sweep knows about a notifier beyond the Notifier port: whether its channel needs the
// user's subscription (WeChat subscribe messages do; the local outbox does not), and whether a
// failure is worth retrying (a busy server is; a malformed message or a bad openid is not).
import type { DeliveryResult, Notifier } from '../ports';

export interface ReminderNotifier extends Notifier {
  /** True: a send needs a recorded subscription (quota or long-term) for its template. */
  readonly requiresSubscription?: boolean;
}

export type SendResult = DeliveryResult & { retryable?: boolean };

export const requiresSubscription = (notifier: Notifier): boolean =>
  (notifier as ReminderNotifier).requiresSubscription === true;

export const isRetryable = (result: DeliveryResult): boolean => (result as SendResult).retryable === true;
