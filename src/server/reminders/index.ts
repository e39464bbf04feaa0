// The reminders module's public face: the sweep the timer (or the local gateway's interval) runs,
// the two channels, and the configuration loader.
export { runSweep, type SweepDeps, type SweepReport } from './sweep';
export { createLocalOutboxNotifier, type LocalOutboxNotifier, type LocalDelivery } from './local-outbox.notifier';
export { createWeChatSender, type WxOpenApi } from './wechat.sender';
export { createSmsSender, type WxSmsApi } from './sms.sender';
export {
  reminderConfig,
  subscribeTemplateIds,
  DEFAULT_REMINDER_CONFIG,
  ReminderConfigError,
  type ReminderConfig,
  type TemplateConfig,
  type TemplateName,
} from './config';
export { deliverIds, type DeliveryTally } from './delivery';
export { isTimerRun, type TriggerContext } from './trigger';
