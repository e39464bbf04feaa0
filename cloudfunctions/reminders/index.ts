// The reminders cloud function: the timer trigger (config.json, 7-field cron, UTC+8) runs the deadline
// sweep over the cloud database and sends WeChat subscribe messages. Only a timer run (TRIGGER_SRC=timer)
// is served. Thin by design: wiring only; configuration from the function's environment variables.
import cloud from 'wx-server-sdk';
import { openCloudBaseStore } from '../../src/server/adapters/cloudbase/cloudbase.store';
import { systemClock } from '../../src/server/ports';
import {
  createSmsSender,
  createWeChatSender,
  isTimerRun,
  reminderConfig,
  runSweep,
  type SweepReport,
  type WxOpenApi,
  type WxSmsApi,
} from '../../src/server/reminders';

// DYNAMIC_CURRENT_ENV (a symbol) means "the environment this function is deployed in"; the types want a string.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const config = reminderConfig(process.env);
const store = openCloudBaseStore(cloud);
// The SMS fallback only where the deployment configures it (REMINDER_SMS_TEMPLATE; docs/reminders.md).
const sms = config.sms ? createSmsSender(cloud as unknown as WxSmsApi, config.sms, 'pages/index/index') : undefined;
const notifier = createWeChatSender(cloud as unknown as WxOpenApi, config, sms);

export async function main(): Promise<SweepReport | { ok: false; error: { code: 'FORBIDDEN'; message: string } }> {
  // Only the timer may run the sweep: not the mini-program, an HTTP path, another function or account.
  if (!isTimerRun({ env: process.env, wx: cloud.getWXContext() })) return { ok: false, error: { code: 'FORBIDDEN', message: '提醒扫描只由定时触发器运行' } };
  const report = await runSweep({ store, clock: systemClock, notifier, config });
  console.log(JSON.stringify({ sweep: report }));
  return report;
}
