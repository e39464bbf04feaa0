// The deadline policy (docs/architecture.md, Workflow table and Deadlines and reminders) as one typed, validated object. Every number here is a
// policy setting, not a constant: a deployment may load its own values and validate them.
import { isValidDate, type HolidayOverride } from './calendar';

/** How a day window is counted: every calendar day, or only official working days (节假日与调休). */
export type DayCounting = 'calendar' | 'working';

/** Who a reminder goes to; the server resolves each to users (the unit's handlers, its reviewer, …). */
export type ReminderRecipient = 'handler' | 'reviewer' | 'leader' | 'coordinator' | 'deputy';

export interface ReminderPolicy {
  /** Days before a due date on which the handler is reminded, e.g. [15, 7, 3, 1]. */
  daysBefore: number[];
  /** Remind on the due day itself. */
  onDueDay: boolean;
  /** After the due date, remind every N days: overdue day 1, 1+N, 1+2N, … */
  overdueEveryDays: number;
  /**
   * Escalation: the recipients of the 1st, 2nd, 3rd … overdue reminder; the last entry repeats.
   * Shandong default: handler+reviewer, then +leader, then +coordinator.
   */
  overdueRecipients: ReminderRecipient[][];
  /** Days after a reply on which the deputy is reminded to give feedback (评价), e.g. [7, 14]. */
  feedbackAfterDays: number[];
}

export interface DeadlinePolicy {
  /** 答复期限: calendar months from the assignment date. */
  replyMonths: number;
  /** 延期上限: no reply due date may pass assignment + capMonths (with the assigning body's consent). */
  capMonths: number;
  /** 申请退回/调整: the window after receipt in which a unit may ask to return an assignment. */
  returnWindow: { days: number; counting: DayCounting };
  /** 会办意见: a co-handler sends its written opinion to the lead unit within this many months. */
  coOpinionMonths: number;
  /** 重新办理: after 不满意 the unit replies again within this many months of the feedback. */
  rehandlingMonths: number;
  /** Highest reply round; a 不满意 on the last round closes the task (recorded as unsatisfied). */
  maxRounds: number;
  /** 面复: a reply can be signed only after at least one face-to-face contact is recorded. */
  faceToFaceRequired: boolean;
  /** Tasks whose due date is at most this many days away count as at risk (临期) in statistics. */
  atRiskDays: number;
  reminders: ReminderPolicy;
  holidayOverrides: HolidayOverride[];
}

/** Shandong 条例 (2017) defaults, binding for Jinan. */
export const SHANDONG_POLICY: DeadlinePolicy = {
  replyMonths: 3,
  capMonths: 6,
  returnWindow: { days: 5, counting: 'calendar' },
  coOpinionMonths: 1,
  rehandlingMonths: 1,
  maxRounds: 2,
  faceToFaceRequired: true,
  atRiskDays: 7,
  reminders: {
    daysBefore: [15, 7, 3, 1],
    onDueDay: true,
    overdueEveryDays: 3,
    overdueRecipients: [
      ['handler', 'reviewer'],
      ['handler', 'reviewer', 'leader'],
      ['handler', 'reviewer', 'leader', 'coordinator'],
    ],
    feedbackAfterDays: [7, 14],
  },
  holidayOverrides: [],
};

const RECIPIENTS: readonly ReminderRecipient[] = ['handler', 'reviewer', 'leader', 'coordinator', 'deputy'];

const isPositiveInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0;

/** Checks a policy; returns the problems in Chinese (empty when the policy is usable). */
export function validatePolicy(policy: DeadlinePolicy): string[] {
  const problems: string[] = [];
  const months: [keyof DeadlinePolicy, string][] = [
    ['replyMonths', '答复期限（月）'],
    ['capMonths', '延期上限（月）'],
    ['coOpinionMonths', '会办意见期限（月）'],
    ['rehandlingMonths', '重新办理期限（月）'],
    ['maxRounds', '最多答复轮次'],
  ];
  for (const [key, label] of months) {
    if (!isPositiveInt(policy[key])) problems.push(`${label}必须是正整数`);
  }
  if (isPositiveInt(policy.replyMonths) && isPositiveInt(policy.capMonths) && policy.capMonths < policy.replyMonths) {
    problems.push('延期上限不能短于答复期限');
  }
  if (!isPositiveInt(policy.returnWindow?.days)) problems.push('申请退回期限（天）必须是正整数');
  if (policy.returnWindow?.counting !== 'calendar' && policy.returnWindow?.counting !== 'working') {
    problems.push('申请退回期限的计算方式只能是自然日或工作日');
  }
  if (!(Number.isInteger(policy.atRiskDays) && policy.atRiskDays >= 0)) problems.push('临期天数必须是非负整数');
  const r = policy.reminders;
  if (!r || !r.daysBefore.every(isPositiveInt)) problems.push('提前提醒天数必须是正整数');
  if (r && !isPositiveInt(r.overdueEveryDays)) problems.push('超期提醒间隔（天）必须是正整数');
  if (r && (r.overdueRecipients.length === 0 || r.overdueRecipients.some((step) => step.length === 0))) {
    problems.push('超期提醒的每一级都必须有提醒对象');
  }
  if (r && r.overdueRecipients.some((step) => step.some((who) => !RECIPIENTS.includes(who)))) {
    problems.push('超期提醒对象只能是承办人、处室负责人、单位负责人、联络员或代表');
  }
  if (r && !r.feedbackAfterDays.every(isPositiveInt)) problems.push('评价提醒天数必须是正整数');
  for (const o of policy.holidayOverrides ?? []) {
    if (!isValidDate(o.date)) {
      problems.push(`节假日调整的日期格式有误：${o.date}`);
    }
  }
  return problems;
}
