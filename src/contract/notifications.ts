// The wire contract: notifications. Types, and the words of each action; see docs/architecture.md.
import { said, type WordsOf } from './words';

export interface SubscriptionResultData {
  results: { templateId: string; accepted: boolean; longTerm?: boolean }[];
}
export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  page?: string;
  status: string;
  createdAt: string;
  readAt?: string;
  /** The deadline the message is about, as it named it: 会办意见期限 2026-02-20. */
  deadline?: { label: string; date: string };
  /** The matter is settled since (the task answered, rated, returned or the step passed): no action needed. */
  settled?: boolean;
}
export interface MyNotificationsData {
  unreadOnly?: boolean;
}
export interface MyNotificationsResult {
  items: NotificationView[];
  /** All of the caller's unread messages (not only those listed). */
  unread: number;
}
/** Marks the caller's messages read: those named, or all of them when no ids are given (全部已读). */
export interface ReadNotificationsData {
  ids?: string[];
}
export interface ReadNotificationsResult {
  read: number;
  unread: number;
}

/** The notifications actions: each one's request data and result. */
export interface NotificationActions {
  'subscriptions.record': { data: SubscriptionResultData; result: { recorded: number } };
  'notifications.mine': { data: MyNotificationsData; result: MyNotificationsResult };
  'notifications.read': { data: ReadNotificationsData; result: ReadNotificationsResult };
}

/** The words of each of them (docs/architecture.md, Adding an action). */
export const NOTIFICATION_ACTIONS = {
  'subscriptions.record': said('订阅提醒'),
  'notifications.mine': said('查看消息'),
  'notifications.read': said('阅读消息'),
} as const satisfies WordsOf<NotificationActions>;
