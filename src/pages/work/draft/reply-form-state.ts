// The draft reply form's values, starting from the task's latest unsigned draft when there is one;
// a new round starts with the previous round's contacts, a first draft with the 办理责任人's name and
// phone from the roster (the view carries the phone only to those who write the reply).
import type { ReplyView, SuggestionDetail, TaskView } from '../../../contract';
import type { ReplyClass } from '../../../core/model';
import { isPromiseClass } from '../../../core/replies';

export interface ReplyFormValues {
  replyClass: ReplyClass | null;
  text: string;
  leaderName: string;
  leaderPhone: string;
  handlerName: string;
  handlerPhone: string;
  promise: string;
  targetDate: string;
  coOpinionIds: string[];
}

export function latestDraft(detail: SuggestionDetail, task: TaskView): ReplyView | undefined {
  return detail.replies
    .filter((r) => r.taskId === task.id && !r.signed && r.round === task.round)
    .sort((a, b) => b.version - a.version)[0];
}

/** The task's reply of an earlier round (the latest): its contacts carry over to a new round. */
export function earlierReply(detail: SuggestionDetail, task: TaskView): ReplyView | undefined {
  return detail.replies
    .filter((r) => r.taskId === task.id && r.round < task.round)
    .sort((a, b) => b.round - a.round || b.version - a.version)[0];
}

export function initialValues(detail: SuggestionDetail, task: TaskView): ReplyFormValues {
  const draft = latestDraft(detail, task);
  const commitment = detail.commitments.find((c) => c.taskId === task.id && !c.doneAt);
  // Contacts: the draft's, else the previous round's, else the task's 办理责任人 (name and roster phone).
  const contacts = draft ?? earlierReply(detail, task);
  return {
    replyClass: draft?.class ?? null,
    text: draft?.text ?? '',
    leaderName: contacts?.leaderContact.name ?? '',
    leaderPhone: contacts?.leaderContact.phone ?? '',
    handlerName: contacts?.handlerContact.name ?? task.responsibleName ?? '',
    handlerPhone: contacts?.handlerContact.phone ?? task.responsiblePhone ?? '',
    promise: commitment?.promise ?? '',
    targetDate: commitment?.targetDate ?? '',
    coOpinionIds: [],
  };
}

/** A B or C reply carries a promise (the rule lives in the core, shared with the server). */
export const isPromise = (c: ReplyClass | null) => isPromiseClass(c);

/**
 * The first always-required field still empty, in plain words; null otherwise. The server checks the
 * rest (a B/C reply's promise, formats, dates) and its message is the one shown.
 */
export function missing(v: ReplyFormValues): string | null {
  if (v.replyClass === null) return '请选择答复类别（A、B、C、D）';
  if (v.text.trim() === '') return '请填写答复正文';
  if (v.leaderName.trim() === '' || v.leaderPhone.trim() === '') return '请填写分管领导的姓名和电话';
  if (v.handlerName.trim() === '' || v.handlerPhone.trim() === '') return '请填写承办人的姓名和电话';
  return null;
}
