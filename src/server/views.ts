// Turns stored records into the contract's views (src/core/contract.ts), with names and labels.
import type {
  CommitmentView,
  ContactView,
  FeedbackView,
  OpinionView,
  ReplyView,
  TaskView,
} from '../contract';
import { activeDeadline } from '../core/deadlines';
import {
  CONTACT_MODE_LABELS,
  RATING_LABELS,
  replyClassLabel,
  TASK_STATE_LABELS,
  UNIT_ROLE_LABELS,
} from '../core/labels';
import type { Commitment, Contact, Feedback, Opinion, Reply, Suggestion, Task, User } from '../core/model';
import { remainingDaysText } from '../core/reminders';
import type { WorkflowContext } from '../core/workflow';
import type { Directory } from './directory';
import { taskActionsFor, type TaskSideRecords } from './task-permissions';

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

export async function taskView(
  task: Task,
  suggestion: Suggestion,
  user: User,
  wctx: WorkflowContext,
  directory: Directory,
  today: string,
  side?: TaskSideRecords,
): Promise<TaskView> {
  const deadline = activeDeadline(task);
  const view: TaskView = {
    id: task.id,
    suggestionId: task.suggestionId,
    unitId: task.unitId,
    ...(await taskBasics(task, directory)),
    assignedAt: task.assignedAt,
    due: { ...task.due },
    version: task.version,
    allowedActions: taskActionsFor(user, task, suggestion, wctx, side),
  };
  if (task.responsibleUserId) view.responsibleName = await directory.userName(task.responsibleUserId);
  if (task.requirements) view.requirements = task.requirements;
  if (deadline) {
    view.activeDeadline = deadline.kind;
    view.daysLeftText = remainingDaysText(deadline.date, today);
  }
  if (task.returnRequest) {
    const { reason, requestedAt, decidedAt, approved, comment } = task.returnRequest;
    view.returnRequest = { reason, requestedAt, ...defined({ decidedAt, approved, comment }) };
  }
  if (task.extensionRequest) {
    const { reason, requestedDue, requestedAt, decidedAt, approved, comment } = task.extensionRequest;
    view.extensionRequest = { reason, requestedDue, requestedAt, ...defined({ decidedAt, approved, comment }) };
  }
  return view;
}

export async function replyView(reply: Reply, task: Task | undefined, directory: Directory): Promise<ReplyView> {
  return {
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
    reviews: await Promise.all(
      reply.reviews.map(async (r) => ({ byName: await directory.userName(r.by), at: r.at, decision: r.decision, ...defined({ comment: r.comment }) })),
    ),
    version: reply.version,
  };
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
    faceToFace: contact.faceToFace,
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
