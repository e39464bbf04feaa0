// The wire contract: notifications. Types, and the words of each action; see docs/architecture.md.
import { said, type WordsOf } from './words';
import type { Empty } from './common';

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
  /** What the message asks its reader to do (评价办理答复, 重新办理并再次答复代表 …); absent when it only informs. */
  asks?: string;
  /** The deadline that applies to what is asked, read from the task now: 重新办理期限 2026-04-02. */
  deadline?: { label: string; date: string };
  /** What was asked is done since (rated, re-submitted, reviewed, signed …) or can no longer be done: 已处理. */
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
/** The office's home: the past week's deadline reminders that reached no one, with whom to call. */
export interface UndeliveredReminderView {
  id: string;
  title: string;
  createdAt: string;
  /** Why it reached no one, in words (未订阅, 已拒绝, 短信资源包余量不足 …). */
  reason: string;
  person: { id: string; name: string; unitName?: string; phone?: string };
  suggestionId?: string;
  taskId?: string;
}
export interface UndeliveredRemindersResult {
  items: UndeliveredReminderView[];
  /** The first day counted (Beijing date), seven days back. */
  since: string;
}
export interface ReadNotificationsResult {
  read: number;
  unread: number;
}

/** The notifications actions: each one's request data and result. */
export interface NotificationActions {
  'subscriptions.record': { data: SubscriptionResultData; result: { recorded: number } };
  'notifications.mine': { data: MyNotificationsData; result: MyNotificationsResult };
  'notifications.undelivered': { data: Empty; result: UndeliveredRemindersResult };
  'notifications.read': { data: ReadNotificationsData; result: ReadNotificationsResult };
}

/** The words of each of them (docs/architecture.md, Adding an action). */
export const NOTIFICATION_ACTIONS = {
  'subscriptions.record': said('订阅提醒'),
  'notifications.mine': said('查看消息'),
  'notifications.undelivered': said('查看未送达的提醒'),
  'notifications.read': said('阅读消息'),
} as const satisfies WordsOf<NotificationActions>;
