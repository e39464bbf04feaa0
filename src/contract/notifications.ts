// The wire contract: notifications. Types only; see docs/architecture.md.

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
