// The actions a task accepts (docs/architecture.md, Workflow table), as a discriminated union on `type`.
import type { Rating, Task, TaskState } from './model';
import type { DeadlinePolicy } from './policy';

export type TaskAction =
  | { type: 'claim'; userId: string }
  | { type: 'requestReturn'; reason: string }
  | { type: 'decideReturn'; approve: boolean; comment?: string }
  | { type: 'requestExtension'; requestedDue: string; reason: string }
  | { type: 'decideExtension'; approve: boolean; comment?: string }
  | { type: 'submitDraft' }
  | { type: 'review'; approve: boolean; comment?: string }
  | { type: 'sign' }
  | { type: 'submitOpinion' }
  | { type: 'feedback'; attitude: Rating; result: Rating }
  | { type: 'overrideCoOpinions'; reason: string };

export type TaskActionType = TaskAction['type'];

export const TASK_ACTION_TYPES: readonly TaskActionType[] = [
  'claim',
  'requestReturn',
  'decideReturn',
  'requestExtension',
  'decideExtension',
  'submitDraft',
  'review',
  'sign',
  'submitOpinion',
  'feedback',
  'overrideCoOpinions',
];

/** Actions that record something beside the task and keep its state (rows without a target state). */
export type RecordActionType = 'saveDraft' | 'logContact' | 'urge' | 'confirmContact' | 'commitmentProgress';

export const RECORD_ACTION_TYPES: readonly RecordActionType[] = ['saveDraft', 'logContact', 'urge', 'confirmContact', 'commitmentProgress'];

/** Every action of the workflow table: the transitions and the record actions. */
export type WorkflowActionType = TaskActionType | RecordActionType;

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

/** Who should hear about a transition; the use case turns this into notifications. */
export type EffectRecipient = 'handler' | 'reviewer' | 'leader' | 'coordinator' | 'deputy' | 'leadUnit' | 'coUnits';

export interface WorkflowEffect {
  type: 'notify';
  to: EffectRecipient;
  event: string; // e.g. 'returnRequested', 'replySigned'
}

export type WorkflowResult =
  | { ok: true; task: Task; from: TaskState; to: TaskState; effects: WorkflowEffect[] }
  | { ok: false; code: WorkflowErrorCode; message: string };
