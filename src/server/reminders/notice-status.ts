// What a notice asks of its reader, the deadline that applies to that, and whether it is done
// (docs/notifications.md): read from the task when the inbox is shown, never from the words frozen
// in the notice when it was written — an extension, a 不满意 or a later step changes them.
import { activeDeadline } from '../../core/deadlines';
import type { Notification, Task } from '../../core/model';
import { TERMINAL_STATES } from '../../core/task.table';
import { DEADLINE_LABELS } from './messages';

export interface NoticeStatus {
  /** What the reader is asked to do (评价办理答复, 重新办理并再次答复代表 …); absent for a notice that only informs. */
  asks?: string;
  /** The deadline that applies to what is asked, as the task holds it now. */
  deadline?: { label: string; date: string };
  /** The thing asked is done (or can no longer be done): 已处理. */
  settled?: boolean;
}

/** What the status of one notice is read from, besides the notice itself. */
export interface NoticeSubject {
  /** The task the notice is about, as stored now. */
  task?: Task;
  /** The reader is the deputy of the suggestion (a signed reply asks a deputy to rate it). */
  readerIsDeputy: boolean;
  /** For a co-unit's 已送会办意见: the lead unit's task of the same suggestion, which it waits on. */
  leadTask?: Task;
}

type DeadlineKind = keyof typeof DEADLINE_LABELS;

/** Before any draft: the window to ask for a return is still the matter. */
const BEFORE_DRAFT: readonly Task['state'][] = ['assigned', 'handling'];
/** The states in which a unit works on its reply or opinion (nothing submitted yet). */
const WORKING: readonly Task['state'][] = ['assigned', 'handling', 'rehandling'];

/** A step at `at` happened after the notice was written (a later round or a resubmission). */
const since = (at: string | undefined, n: Notification) => at !== undefined && at > n.createdAt;

function dueOf(task: Task, kind: DeadlineKind): { label: string; date: string } | undefined {
  const date = kind === 'coOpinion' ? task.due.coOpinion : kind === 'rehandling' ? task.due.rehandling : kind === 'returnWindow' ? task.due.returnWindow : task.due.reply;
  return date ? { label: DEADLINE_LABELS[kind], date } : undefined;
}

function activeDue(task: Task): { label: string; date: string } | undefined {
  const active = activeDeadline(task);
  return active ? { label: DEADLINE_LABELS[active.kind], date: active.date } : undefined;
}

/** What the unit still has to do on its task: its reply (or its opinion), by the deadline in force. */
function workAsk(task: Task): string {
  if (task.role === 'co') return '送会办意见';
  return task.round > 1 ? '重新办理并再次答复代表' : '办理并答复代表';
}

/** The task's own work is still to be done since the notice (nothing submitted or sent after it). */
const stillWorking = (task: Task, n: Notification) => WORKING.includes(task.state) && !since(task.submittedAt, n) && !since(task.opinionSentAt, n);

const REMINDER_ASKS: Record<DeadlineKind, string> = {
  reply: '答复代表',
  coOpinion: '送会办意见',
  returnWindow: '确认交办是否恰当，不当的在期限内申请退回',
  rehandling: '重新办理并再次答复代表',
};

/** A deadline reminder (kind = the deadline's kind) or a 催办: the deadline it named, until it is no longer in force. */
function reminderStatus(n: Notification, task: Task): NoticeStatus {
  if (n.kind === 'feedback' || n.template === 'feedback') {
    return { asks: '评价办理答复', ...(task.state !== 'replied' || since(task.repliedAt, n) ? { settled: true } : {}) };
  }
  const kind = (Object.keys(DEADLINE_LABELS) as DeadlineKind[]).find((k) => k === n.kind || DEADLINE_LABELS[k] === n.params?.deadline);
  if (kind === 'returnWindow') {
    const done = task.returnRequest !== undefined || !BEFORE_DRAFT.includes(task.state);
    return { asks: REMINDER_ASKS.returnWindow, ...pick(dueOf(task, kind)), ...(done ? { settled: true } : {}) };
  }
  const active = activeDeadline(task);
  if (n.kind === 'urge') {
    return { asks: workAsk(task), ...pick(activeDue(task) ?? frozen(n)), ...(active === undefined || since(task.submittedAt, n) ? { settled: true } : {}) };
  }
  if (!kind) return TERMINAL_STATES.includes(task.state) ? { settled: true } : {};
  const over = active === undefined || active.kind !== kind;
  return { asks: REMINDER_ASKS[kind], ...pick(dueOf(task, kind)), ...(over ? { settled: true } : {}) };
}

/** The deadline as the notice named it when written (when the task no longer has one in force). */
const frozen = (n: Notification) => (n.params?.deadline && n.params.dueDate ? { label: n.params.deadline, date: n.params.dueDate } : undefined);
const pick = (deadline: { label: string; date: string } | undefined) => (deadline ? { deadline } : {});
const status = (asks: string, done: boolean, deadline?: { label: string; date: string }): NoticeStatus => ({
  asks,
  ...pick(deadline),
  ...(done ? { settled: true } : {}),
});

/** A workflow step's notice (kind = the core's event name): what the step asks of whoever was told. */
function stepStatus(n: Notification, subject: NoticeSubject & { task: Task }): NoticeStatus | undefined {
  const { task, leadTask, readerIsDeputy } = subject;
  switch (n.kind) {
    case 'returnRequested':
      return status('审批退回申请', task.state !== 'returnRequested' || since(task.returnRequest?.decidedAt, n));
    case 'extensionRequested':
      return status('审批延期申请', task.extensionRequest?.decidedAt !== undefined || !task.extensionRequest);
    case 'returnRejected':
    case 'coOpinionsOverridden':
    case 'draftRejected':
      return status(n.kind === 'coOpinionsOverridden' ? '提交答复稿审核' : workAsk(task), !stillWorking(task, n), activeDue(task));
    case 'draftSubmitted':
      return status('审核答复稿', task.state !== 'inReview' || since(task.submittedAt, n), activeDue(task));
    case 'draftApproved':
      return status('签发答复', task.state !== 'awaitingSignature' || since(task.approvedAt, n), activeDue(task));
    case 'replySigned':
      // The deputy rates the reply; a co-unit is only told that the reply went out.
      return readerIsDeputy ? status('评价办理答复', task.state !== 'replied' || since(task.repliedAt, n)) : {};
    case 'opinionSent': {
      if (!leadTask) return {};
      return status(leadTask.round > 1 ? '汇总会办意见，重新办理并提交审核' : '汇总会办意见，提交答复稿审核', !stillWorking(leadTask, n), activeDue(leadTask));
    }
    case 'feedbackUnsatisfied':
      // The last round's 不满意 closes the task at once: then the notice only informs.
      if (task.closedAt !== undefined && task.closedAt <= n.createdAt) return {};
      return status('重新办理并再次答复代表', task.state !== 'rehandling' || since(task.submittedAt, n), dueOf(task, 'rehandling'));
    case 'extensionApproved':
      // Informs of the new 答复期限 (read from the task), asks nothing new.
      return { ...pick(activeDue(task)) };
    default:
      return undefined;
  }
}

/** A notice without a task (a proposal's): what it asked and the deadline it named when written. */
function frozenAsk(n: Notification): NoticeStatus {
  return n.params?.asks ? { asks: n.params.asks, ...pick(frozen(n)) } : {};
}

/** The status of one notice as its reader sees it now. */
export function noticeStatus(n: Notification, subject: NoticeSubject): NoticeStatus {
  const { task } = subject;
  if (!task) return frozenAsk(n);
  return stepStatus(n, { ...subject, task }) ?? reminderStatus(n, task);
}
