// The wire contract: tasks. Types only; see docs/architecture.md.
import type { ContactMode, ReplyClass, TaskState, UnitRole } from '../core/model';
import type { PageQuery, Paged, PersonContactData, TaskRef } from './common';
import type { DeadlineLine, TaskView } from './suggestions';
import type { ActionName } from './names';

export interface TaskListItem {
  id: string;
  suggestionId: string;
  number: string;
  title: string;
  unitName: string;
  role: UnitRole;
  roleLabel: string;
  state: TaskState;
  stateLabel: string;
  round: number;
  replyDue: string;
  daysLeftText?: string;
  /** The deadline in force (答复 / 会办意见 / 重新办理), with its date and flags. */
  deadline?: DeadlineLine;
  overdue: boolean;
  atRisk: boolean;
  keySupervised: boolean;
  version: number;
  allowedActions: ActionName[];
  /** The caller's next steps held up by something else, with the reason (e.g. 签发 until a 面复 is recorded). */
  blockedActions: { action: ActionName; label: string; reason: string }[];
  /** What the task waits for before its next step (e.g. a 面复 record before 签发), for whoever looks. */
  waitingFor?: string;
}
export interface MyTasksData extends PageQuery {
  /** open (default): unfinished tasks of suggestions not archived; all: every task of the lists. */
  scope?: 'open' | 'all';
  /** all (default); review: the drafts in review (待我审核); sign: the replies awaiting signature (待我签发). */
  queue?: 'all' | 'review' | 'sign';
}
/** A page of the caller's tasks, nearest date first (then 届次 and 建议号); total counts every page. */
export type MyTasksResult = Paged<TaskListItem>;

export interface ClaimTaskData extends TaskRef {
  responsibleUserId?: string; // default: the caller
}
export interface RequestReturnData extends TaskRef {
  reason: string;
}
export interface DecideReturnData extends TaskRef {
  approve: boolean;
  comment?: string;
}
export interface RequestExtensionData extends TaskRef {
  reason: string;
  requestedDue: string;
}
export interface DecideExtensionData extends TaskRef {
  approve: boolean;
  comment?: string;
}
export interface LogContactData {
  taskId: string;
  at: string;
  mode: ContactMode;
  place?: string;
  people: string;
  notes: string;
  /**
   * Whether it counts as 面复. Only 见面/座谈/走访 can (电话、视频 never do: VALIDATION when true);
   * left out, it follows the mode.
   */
  faceToFace?: boolean;
}
export interface SaveDraftData extends TaskRef {
  class: ReplyClass;
  text: string;
  leaderContact: PersonContactData;
  handlerContact: PersonContactData;
  coOpinionIds?: string[];
  /** A B or C reply is a promise: what will be done and by when (回头看). */
  commitment?: { promise: string; targetDate: string };
}
export interface ReviewDraftData extends TaskRef {
  decision: 'approve' | 'reject';
  comment?: string;
}
export interface SignReplyData extends TaskRef {
  /** A lead reply without every co-opinion needs the coordinator's recorded override first. */
  note?: string;
}
export interface SubmitOpinionData extends TaskRef {
  text: string;
  contact: PersonContactData;
}
export interface UrgeTaskData {
  taskId: string;
  message?: string;
  /** 督办 of a lead task held up by missing co-opinions: the coordinator's recorded override. */
  overrideCoOpinions?: { reason: string };
}
export interface TaskResult {
  task: TaskView;
}
export interface IdResult {
  id: string;
}
