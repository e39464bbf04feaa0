// The wire contract: tasks. Types, and the words of each action; see docs/architecture.md.
import { onTask, said, type WordsOf } from './words';
import type { ContactMode, ReplyClass, TaskState, UnitRole } from '../core/model';
import type { AnyTaskActionName, PageQuery, Paged, PersonContactData, TaskRef } from './common';
import type { DeadlineLine, TaskView } from './suggestions';

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
  allowedActions: AnyTaskActionName[];
  /** The caller's next steps held up by something else, with the reason (e.g. 签发 until a 面复 is recorded). */
  blockedActions: { action: AnyTaskActionName; label: string; reason: string }[];
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

/** The tasks actions: each one's request data and result. */
export interface TaskActions {
  'tasks.mine': { data: MyTasksData; result: MyTasksResult };
  'tasks.claim': { data: ClaimTaskData; result: TaskResult };
  'tasks.logContact': { data: LogContactData; result: IdResult };
  'tasks.saveDraft': { data: SaveDraftData; result: TaskResult };
  'tasks.submitDraft': { data: TaskRef; result: TaskResult };
  'tasks.withdrawDraft': { data: TaskRef; result: TaskResult };
  'tasks.review': { data: ReviewDraftData; result: TaskResult };
  'tasks.sign': { data: SignReplyData; result: TaskResult };
  'tasks.submitOpinion': { data: SubmitOpinionData; result: TaskResult };
  'tasks.requestReturn': { data: RequestReturnData; result: TaskResult };
  'tasks.decideReturn': { data: DecideReturnData; result: TaskResult };
  'tasks.requestExtension': { data: RequestExtensionData; result: TaskResult };
  'tasks.decideExtension': { data: DecideExtensionData; result: TaskResult };
  'tasks.urge': { data: UrgeTaskData; result: { notified: number; task: TaskView } };
}

/**
 * The words of each of them (docs/architecture.md, Adding an action). Their order is the order a task
 * card offers them: the work itself (认领, 记录面复, 起草答复 … 签发) before the requests to hand the task
 * back or to extend it, and the office's decisions last.
 */
export const TASK_ACTIONS = {
  'tasks.mine': said('查看办理任务'),
  'tasks.claim': onTask('认领', '认领任务', 'claim'),
  'tasks.logContact': onTask('登记沟通记录', '记录面复/沟通', 'logContact'),
  'tasks.saveDraft': onTask('保存答复稿', '起草答复', 'saveDraft'),
  'tasks.submitDraft': onTask('提交答复稿', '提交审核', 'submitDraft'),
  'tasks.withdrawDraft': onTask('撤回答复稿', '撤回答复稿', 'withdrawDraft'),
  'tasks.review': onTask('审核答复稿', '审核答复', 'review'),
  'tasks.sign': onTask('签发答复', '签发答复', 'sign'),
  'tasks.submitOpinion': onTask('送会办意见', '提交会办意见', 'submitOpinion'),
  'tasks.requestReturn': onTask('申请退回', '申请退回', 'requestReturn'),
  'tasks.decideReturn': onTask('审批退回申请', '审批退回申请', 'decideReturn'),
  'tasks.requestExtension': onTask('申请延期', '申请延期', 'requestExtension'),
  'tasks.decideExtension': onTask('审批延期申请', '审批延期申请', 'decideExtension'),
  'tasks.urge': onTask('催办', '催办', 'urge'),
} as const satisfies WordsOf<TaskActions>;
