// What the workflow reads and answers (docs/architecture.md, Workflow table): the facts it judges a task
// by (WorkflowContext) and its verdict. The actions themselves are declared with their rows in task.table.ts.
import type { Task, TaskState } from './model';
import type { EffectRecipient } from './task.table';
import type { DeadlinePolicy } from './policy';

export type { EffectRecipient, RecordActionType, TaskAction, TaskActionType, WorkflowActionType } from './task.table';
export { RECORD_ACTION_TYPES, TASK_ACTION_TYPES } from './task.table';

/** What the workflow needs to know beyond the task itself; the use case gathers it. */
export interface WorkflowContext {
  now: string; // ISO instant of the action
  actorId: string;
  policy: DeadlinePolicy;
  /** For a lead task: the co tasks of the same suggestion (required to submit a lead draft). */
  coTasks?: Task[];
  /** Face-to-face contacts recorded on this task (面复), for the sign guard. */
  faceToFaceContacts?: number;
  /** A reply draft (or, for a co task, an opinion) has been saved. */
  hasDraft?: boolean;
  /** For feedback: whether the actor is a deputy of the suggestion; false → FORBIDDEN. */
  actorIsSuggestionDeputy?: boolean;
  /** Face-to-face records of this task the deputy has not confirmed yet. */
  unconfirmedContacts?: number;
  /** B/C promises of this task not yet carried out. */
  openCommitments?: number;
}

export type WorkflowErrorCode = 'INVALID_TRANSITION' | 'DEADLINE' | 'FORBIDDEN' | 'VALIDATION' | 'CONFLICT';

export interface WorkflowEffect {
  type: 'notify';
  to: EffectRecipient;
  event: string; // e.g. 'returnRequested', 'replySigned'
}

export type WorkflowResult =
  | { ok: true; task: Task; from: TaskState; to: TaskState; effects: WorkflowEffect[] }
  | { ok: false; code: WorkflowErrorCode; message: string };
