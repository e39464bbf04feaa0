// The local channel: no WeChat, no subscription needed. A delivered reminder is simply marked sent,
// and the in-app inbox (notifications.mine) shows it; the last deliveries are kept for a look.
import type { Notification, User } from '../../core/model';
import type { ReminderNotifier, SendResult } from './channel';

export interface LocalDelivery {
  notificationId: string;
  userId: string;
  userName: string;
  title: string;
  body: string;
  page?: string;
}

export interface LocalOutboxNotifier extends ReminderNotifier {
  /** The latest deliveries, newest last (at most `keep`). */
  readonly deliveries: readonly LocalDelivery[];
}

export function createLocalOutboxNotifier(options: { keep?: number; log?: (line: string) => void } = {}): LocalOutboxNotifier {
  const keep = options.keep ?? 200;
  const deliveries: LocalDelivery[] = [];
  return {
    requiresSubscription: false,
    deliveries,
    async deliver(notification: Notification, recipient: User): Promise<SendResult> {
      deliveries.push({
        notificationId: notification.id,
        userId: recipient.id,
        userName: recipient.name,
        title: notification.title,
        body: notification.body,
        ...(notification.page ? { page: notification.page } : {}),
      });
      if (deliveries.length > keep) deliveries.splice(0, deliveries.length - keep);
      options.log?.(`提醒已送达 ${recipient.name}：${notification.title}`);
      return { status: 'sent' };
    },
  };
}
