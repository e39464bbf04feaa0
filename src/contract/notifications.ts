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
}
export interface MyNotificationsData {
  unreadOnly?: boolean;
}
export interface MyNotificationsResult {
  items: NotificationView[];
}
