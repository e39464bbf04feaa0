// What the sweep knows about a notifier beyond the Notifier port: whether its channel needs the
// user's subscription (WeChat subscribe messages do; the local outbox does not), whether a failure
// is worth retrying (a busy server is; a malformed message or a bad openid is not), and the SMS
// fallback it may carry (docs/reminders.md, SMS).
import type { Notification, User } from '../../core/model';
import type { DeliveryResult, Notifier } from '../ports';

export type SendResult = DeliveryResult & {
  retryable?: boolean;
  /** What the service answered, kept in the send's audit event (an SMS's serial number and code). */
  detail?: Record<string, string>;
};

/** The SMS channel: one text message for one person, carrying `count` reminders of the day. */
export interface SmsChannel {
  deliver(notification: Notification, recipient: User, count: number): Promise<SendResult>;
}

export interface ReminderNotifier extends Notifier {
  /** True: a send needs a recorded subscription (quota or long-term) for its template. */
  readonly requiresSubscription?: boolean;
  /** The SMS fallback for deadline reminders WeChat cannot carry (when the deployment configures it). */
  readonly sms?: SmsChannel;
}

export const requiresSubscription = (notifier: Notifier): boolean =>
  (notifier as ReminderNotifier).requiresSubscription === true;

export const smsChannelOf = (notifier: Notifier): SmsChannel | undefined => (notifier as ReminderNotifier).sms;

export const isRetryable = (result: DeliveryResult): boolean => (result as SendResult).retryable === true;

export const resultDetail = (result: DeliveryResult): Record<string, string> | undefined => (result as SendResult).detail;
