// Due dates of a task under a policy (docs/architecture.md, Workflow table). Month deadlines are calendar months from the
// Shanghai date of assignment; the return window counts calendar or working days.
import { addDays, addMonths, addWorkingDays, daysBetween, isValidDate, shanghaiDate } from './calendar';
import type { Task, TaskDue, UnitRole } from './model';
import type { DeadlinePolicy } from './policy';
import { isTerminal } from './task.table';

export function computeDue(role: UnitRole, assignedAt: string, policy: DeadlinePolicy): TaskDue {
  const received = shanghaiDate(assignedAt);
  const { days, counting } = policy.returnWindow;
  const due: TaskDue = {
    reply: addMonths(received, policy.replyMonths),
    returnWindow: counting === 'working' ? addWorkingDays(received, days, policy.holidayOverrides) : addDays(received, days),
  };
  if (role === 'co') due.coOpinion = addMonths(received, policy.coOpinionMonths);
  return due;
}

/** 重新办理期限: rehandlingMonths after the 不满意 feedback was given. */
export function rehandlingDue(at: string, policy: DeadlinePolicy): string {
  return addMonths(shanghaiDate(at), policy.rehandlingMonths);
}

/** The latest reply due date any extension may reach: assignment + capMonths. */
export function replyCap(task: Pick<Task, 'assignedAt'>, policy: DeadlinePolicy): string {
  return addMonths(shanghaiDate(task.assignedAt), policy.capMonths);
}

export type DeadlineCheck = { ok: true } | { ok: false; code: 'VALIDATION' | 'DEADLINE'; message: string };

/** May the reply due date move to requestedDue? Never earlier than now's due, never past the cap. */
export function extensionAllowed(
  task: Pick<Task, 'assignedAt' | 'due'>,
  requestedDue: string,
  policy: DeadlinePolicy,
): DeadlineCheck {
  if (!isValidDate(requestedDue)) return { ok: false, code: 'VALIDATION', message: '申请延期的日期格式有误' };
  if (requestedDue <= task.due.reply) {
    return { ok: false, code: 'VALIDATION', message: `延期后的期限应晚于当前答复期限（${task.due.reply}）` };
  }
  const cap = replyCap(task, policy);
  if (requestedDue > cap) {
    return {
      ok: false,
      code: 'DEADLINE',
      message: `延期后的答复期限不能晚于${cap}（交办之日起${policy.capMonths}个月）`,
    };
  }
  return { ok: true };
}

export type DeadlineKind = 'reply' | 'coOpinion' | 'returnWindow' | 'rehandling';

/**
 * The deadline the task is working against now, or undefined when it has none (finished, returned,
 * waiting for the deputy). A co task works to its co-opinion date; a re-handled task to its
 * re-handling date; every other open task to its reply date.
 */
export function activeDeadline(task: Task): { kind: DeadlineKind; date: string } | undefined {
  if (isTerminal(task.state) || task.state === 'replied') return undefined;
  if (task.role === 'co') return { kind: 'coOpinion', date: task.due.coOpinion ?? task.due.reply };
  if (task.round > 1 && task.due.rehandling) return { kind: 'rehandling', date: task.due.rehandling };
  return { kind: 'reply', date: task.due.reply };
}

/** Where a due date stands on a Shanghai date: days left (negative when overdue), 超期, 临期. */
export interface DeadlineStanding {
  daysLeft: number;
  overdue: boolean;
  /** Due within policy.atRiskDays (today included) and not yet overdue. */
  atRisk: boolean;
}

export function deadlineStanding(dueDate: string, today: string, policy: Pick<DeadlinePolicy, 'atRiskDays'>): DeadlineStanding {
  const daysLeft = daysBetween(today, dueDate);
  return { daysLeft, overdue: daysLeft < 0, atRisk: daysLeft >= 0 && daysLeft <= policy.atRiskDays };
}
