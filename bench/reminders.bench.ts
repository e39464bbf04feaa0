// `npm run bench -- reminders`: the simulated year of deadline reminders (bench/reminder-year.ts),
// asked at the taps people make anyway with the SMS fallback (at every threshold, and at T-3, T-1, the due
// day and overdue only), beside the former way (开启办理提醒 only).
import { simulateYear } from './reminder-year';

export async function benchReminderYear(): Promise<Record<string, number | string>> {
  const taps = await simulateYear('taps');
  const nearOnly = await simulateYear('taps', [3, 1, 0]);
  const button = await simulateYear('button');
  return {
    'deadline reminders (taps)': taps.deadlineReminders,
    'delivered, taps + SMS': `${(taps.delivered * 100).toFixed(1)}%`,
    '  by WeChat': taps.byWeChat,
    '  by SMS (rows carried)': taps.bySms,
    '  SMS sent': taps.smsSent,
    '  reached no one': taps.reachedNoOne,
    'delivered, SMS at 3,1,0,overdue only': `${(nearOnly.delivered * 100).toFixed(1)}%`,
    '  SMS sent (3,1,0,overdue)': nearOnly.smsSent,
    'deadline reminders (button)': button.deadlineReminders,
    'delivered, 开启办理提醒 only': `${(button.delivered * 100).toFixed(1)}%`,
  };
}
