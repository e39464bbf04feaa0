// Turns stored records into the contract's views (src/contract), with names, labels, Beijing dates
// and what the caller may do.
import { countsAsFaceToFace } from '../core/contacts';
import type {
  CommitmentView,
  ContactView,
  DeadlineLine,
  FeedbackView,
  OpinionView,
  ReplyView,
  TaskView,
} from '../contract';
import { shanghaiDate } from '../core/calendar';
import { activeDeadline, deadlineStanding, replyCap } from '../core/deadlines';
import type { DeadlinePolicy } from '../core/policy';
import {
  CONTACT_MODE_LABELS,
  DEADLINE_KIND_LABELS,
  RATING_LABELS,
  replyClassLabel,
  TASK_STATE_LABELS,
  UNIT_ROLE_LABELS,
} from '../core/labels';
import type { Commitment, Contact, Feedback, Opinion, Reply, Suggestion, Task, User } from '../core/model';
import { remainingDaysText } from '../core/reminders';
import type { WorkflowContext } from '../core/workflow';
import type { Directory } from './directory';
import { only, REPLY_FIELDS, TASK_FIELDS, taskAudience, type Audience } from './access/audiences';
import { isOffice, may, taskActionsFor } from './access/permissions';

/** The deadline in force as a page prints it, with days left and the 超期 / 临期 flags. */
export function activeDeadlineLine(task: Task, today: string, policy: DeadlinePolicy): DeadlineLine | undefined {
  const deadline = activeDeadline(task);
  if (!deadline) return undefined;
  const standing = deadlineStanding(deadline.date, today, policy);
  return {
    kind: deadline.kind,
    label: DEADLINE_KIND_LABELS[deadline.kind],
    date: deadline.date,
    active: true,
    daysLeftText: remainingDaysText(deadline.date, today),
    overdue: standing.overdue,
    atRisk: standing.atRisk,
  };
}

/** The task's dates in the order a page prints them: reply, co-opinion, re-handling. */
export function deadlineLines(task: Task, today: string, policy: DeadlinePolicy): DeadlineLine[] {
  const active = activeDeadlineLine(task, today, policy);
  const dates: [DeadlineLine['kind'], string | undefined][] = [
    ['reply', task.due.reply],
    ['coOpinion', task.due.coOpinion],
    ['rehandling', task.due.rehandling],
  ];
  return dates
    .filter((entry): entry is [DeadlineLine['kind'], string] => entry[1] !== undefined)
    .map(([kind, date]) =>
      active && active.kind === kind ? active : { kind, label: DEADLINE_KIND_LABELS[kind], date, active: false },
    );
}

/** The policy's words for a unit's requests, with the dates of this task. */
export function requestPolicy(task: Task, policy: DeadlinePolicy): TaskView['policy'] {
  const cap = replyCap(task, policy);
  return {
    extensionCap: cap,
    extensionNote: `现答复期限为 ${task.due.reply}；延期须经交办机关同意，延期后的答复期限最迟为 ${cap}（交办之日起${policy.capMonths}个月）。`,
    returnNote: `申请退回须在 ${task.due.returnWindow} 前提出，由交办机关决定。`,
  };
}

/** What every view of a task names: its unit, its role and its state, in words. */
export async function taskBasics(task: Task, directory: Directory) {
  return {
    unitName: await directory.unitName(task.unitId),
    role: task.role,
    roleLabel: UNIT_ROLE_LABELS[task.role],
    state: task.state,
    stateLabel: TASK_STATE_LABELS[task.state],
    round: task.round,
  };
}

/**
 * Who reads the 办理责任人's phone from the roster in a task's view: the office (which sees the roster's
 * phones), and the staff of the task's unit who write the reply (承办人, 处室负责人: tasks.saveDraft),
 * who print it on the reply as 承办人电话. Not a deputy before the signed reply, not another unit.
 */
export function mayReadResponsiblePhone(user: User, task: Task): boolean {
  return isOffice(user) || may(user, 'tasks.saveDraft', { task });
}

/** A reply approved for signing but without a 面复 record waits for one: said to everyone, not only the leader. */
export function waitingFor(task: Task, wctx: WorkflowContext): string | undefined {
  if (task.state === 'awaitingSignature' && wctx.policy.faceToFaceRequired && !wctx.faceToFace) {
    return '答复稿已审核通过，待承办人登记面复记录（与代表见面、座谈或走访）后，由单位负责人签发';
  }
  return undefined;
}

export async function taskView(
  task: Task,
  suggestion: Suggestion,
  user: User,
  wctx: WorkflowContext,
  directory: Directory,
  today: string = shanghaiDate(wctx.now),
): Promise<TaskView> {
  const active = activeDeadlineLine(task, today, wctx.policy);
  const actions = taskActionsFor(user, task, suggestion, wctx);
  const view: TaskView = {
    id: task.id,
    suggestionId: task.suggestionId,
    unitId: task.unitId,
    ...(await taskBasics(task, directory)),
    assignedAt: task.assignedAt,
    assignedDate: shanghaiDate(task.assignedAt),
    due: { ...task.due },
    deadlines: deadlineLines(task, today, wctx.policy),
    overdue: active?.overdue ?? false,
    atRisk: active?.atRisk ?? false,
    policy: requestPolicy(task, wctx.policy),
    version: task.version,
    allowedActions: actions.allowed,
    blockedActions: actions.blocked,
    canOverrideCoOpinions: actions.overrideCoOpinions,
  };
  const waiting = waitingFor(task, wctx);
  if (waiting) view.waitingFor = waiting;
  if (task.responsibleUserId) {
    view.responsibleName = await directory.userName(task.responsibleUserId);
    // The roster's phone of the 办理责任人, for those who write it on the reply (docs/security.md, Who sees what).
    const phone = mayReadResponsiblePhone(user, task) ? (await directory.user(task.responsibleUserId))?.phone : undefined;
    if (phone) view.responsiblePhone = phone;
  }
  if (task.requirements) view.requirements = task.requirements;
  if (active) {
    view.activeDeadline = active.kind;
    view.daysLeftText = active.daysLeftText;
  }
  if (task.returnRequest) {
    const { reason, requestedAt, decidedAt, approved, comment } = task.returnRequest;
    view.returnRequest = { reason, requestedAt, ...defined({ decidedAt, approved, comment }) };
  }
  if (task.extensionRequest) {
    const { reason, requestedDue, requestedAt, decidedAt, approved, comment } = task.extensionRequest;
    view.extensionRequest = { reason, requestedDue, requestedAt, ...defined({ decidedAt, approved, comment }) };
  }
  const audience = taskAudience(user, task, suggestion);
  // A deputy is not told of a unit's return request (docs/security.md, Who sees what): the task
  // reads as it did before the request, claimed or not.
  if (audience === 'deputy' && task.state === 'returnRequested') {
    view.state = task.claimedAt ? 'handling' : 'assigned';
    view.stateLabel = TASK_STATE_LABELS[view.state];
  }
  return only(view, TASK_FIELDS[audience]);
}

export async function replyView(reply: Reply, task: Task | undefined, directory: Directory, audience: Audience): Promise<ReplyView> {
  return only<ReplyView>({
    id: reply.id,
    taskId: reply.taskId,
    unitName: await directory.unitName(task?.unitId),
    round: reply.round,
    class: reply.class,
    classLabel: replyClassLabel(reply.class),
    text: reply.text,
    leaderContact: { ...reply.leaderContact },
    handlerContact: { ...reply.handlerContact },
    signed: reply.signedAt !== undefined,
    ...(reply.signedAt ? { signedAt: reply.signedAt, signerName: await directory.userName(reply.signerId) } : {}),
    // The letter's name and number are known from signature (its facts), before its file is first made.
    ...((reply.letter ?? reply.letterFacts) ? { letter: { fileName: (reply.letter ?? reply.letterFacts)!.fileName, number: (reply.letter ?? reply.letterFacts)!.number } } : {}),
    reviews: await Promise.all(
      reply.reviews.map(async (r) => ({ byName: await directory.userName(r.by), at: r.at, decision: r.decision, ...defined({ comment: r.comment }) })),
    ),
    version: reply.version,
  }, REPLY_FIELDS[audience]);
}

export async function opinionView(opinion: Opinion, task: Task | undefined, directory: Directory): Promise<OpinionView> {
  return {
    id: opinion.id,
    taskId: opinion.taskId,
    unitName: await directory.unitName(task?.unitId),
    text: opinion.text,
    contact: { ...opinion.contact },
    createdAt: opinion.createdAt,
  };
}

export function contactView(contact: Contact): ContactView {
  return {
    id: contact.id,
    taskId: contact.taskId,
    at: contact.at,
    mode: contact.mode,
    modeLabel: CONTACT_MODE_LABELS[contact.mode],
    people: contact.people,
    notes: contact.notes,
    faceToFace: countsAsFaceToFace(contact),
    ...defined({ place: contact.place, deputyConfirmedAt: contact.deputyConfirmedAt }),
  };
}

export async function feedbackView(feedback: Feedback, directory: Directory): Promise<FeedbackView> {
  return {
    id: feedback.id,
    taskId: feedback.taskId,
    round: feedback.round,
    deputyName: await directory.userName(feedback.deputyId),
    attitude: feedback.attitude,
    result: feedback.result,
    attitudeLabel: RATING_LABELS[feedback.attitude],
    resultLabel: RATING_LABELS[feedback.result],
    at: feedback.at,
    ...defined({ reasons: feedback.reasons }),
  };
}

export async function commitmentView(commitment: Commitment, directory: Directory): Promise<CommitmentView> {
  return {
    id: commitment.id,
    taskId: commitment.taskId,
    promise: commitment.promise,
    targetDate: commitment.targetDate,
    progress: await Promise.all(commitment.progress.map(async (p) => ({ at: p.at, byName: await directory.userName(p.by), text: p.text }))),
    ...defined({ doneAt: commitment.doneAt, finalAnswer: commitment.finalAnswer }),
  };
}

/** The fields whose value is not undefined (the views carry no undefined members). */
export function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  return out;
}
