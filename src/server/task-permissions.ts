// Who may take which task action (docs/architecture.md, Roles and reach), beside what the core's transition table allows.
import type { ActionName } from '../contract';
import type { Commitment, Contact, Role, Suggestion, Task, TaskState, User } from '../core/model';
import { allowedActions, type TaskActionType, type WorkflowContext } from '../core/workflow';
import { isDeputyOf, isLeadDeputyOf, isOffice } from './access';

/** The unit roles that act for a unit on each unit-side action. */
export const UNIT_ACTORS = {
  claim: ['handler', 'reviewer', 'leader'],
  requestReturn: ['handler', 'reviewer', 'leader'],
  requestExtension: ['handler', 'reviewer', 'leader'],
  logContact: ['handler', 'reviewer', 'leader'],
  saveDraft: ['handler', 'reviewer'],
  submitDraft: ['handler', 'reviewer'],
  submitOpinion: ['handler', 'reviewer'],
  commitmentProgress: ['handler', 'reviewer', 'leader'],
  review: ['reviewer'],
  sign: ['leader'],
} as const satisfies Record<string, readonly Role[]>;

export const OFFICE_ACTORS: readonly Role[] = ['coordinator'];

const API_ACTION: Partial<Record<TaskActionType, ActionName>> = {
  claim: 'tasks.claim',
  requestReturn: 'tasks.requestReturn',
  decideReturn: 'tasks.decideReturn',
  requestExtension: 'tasks.requestExtension',
  decideExtension: 'tasks.decideExtension',
  submitDraft: 'tasks.submitDraft',
  review: 'tasks.review',
  sign: 'tasks.sign',
  submitOpinion: 'tasks.submitOpinion',
  feedback: 'feedback.submit',
};

export const isUnitActor = (user: User, task: Task, roles: readonly Role[]) =>
  user.unitId === task.unitId && roles.some((r) => user.roles.includes(r));
export const isOfficeActor = (user: User) => OFFICE_ACTORS.some((r) => user.roles.includes(r));

export function sideRecordsOf(task: Task, contacts: readonly Contact[], commitments: readonly Commitment[]): TaskSideRecords {
  return {
    unconfirmedContacts: contacts.filter((c) => c.taskId === task.id && c.faceToFace && !c.deputyConfirmedAt).length,
    openCommitments: commitments.filter((c) => c.taskId === task.id && !c.doneAt).length,
  };
}

/** States in which a unit keeps records (contacts) and a draft may be written. */
export const CONTACT_STATES: readonly TaskState[] = ['handling', 'inReview', 'awaitingSignature', 'replied', 'rehandling'];
export const DRAFT_STATES: readonly TaskState[] = ['handling', 'rehandling'];

function callerMay(user: User, task: Task, suggestion: Suggestion, action: TaskActionType): boolean {
  switch (action) {
    case 'decideReturn':
    case 'decideExtension':
    case 'overrideCoOpinions':
      return isOfficeActor(user);
    case 'feedback':
      return isLeadDeputyOf(user, suggestion);
    default:
      return isUnitActor(user, task, UNIT_ACTORS[action]);
  }
}

/** Records beside the task that offer actions of their own. */
export interface TaskSideRecords {
  unconfirmedContacts: number; // face-to-face records of this task the deputy has not confirmed
  openCommitments: number; // B/C promises of this task not yet carried out
}

/** The API actions the caller can take on this task now: the core decides, the roles filter. */
export function taskActionsFor(
  user: User,
  task: Task,
  suggestion: Suggestion,
  ctx: WorkflowContext,
  side: TaskSideRecords = { unconfirmedContacts: 0, openCommitments: 0 },
): ActionName[] {
  if (suggestion.archivedAt) return [];
  const names: ActionName[] = [];
  for (const action of allowedActions(task, ctx)) {
    const name = API_ACTION[action];
    if (name && callerMay(user, task, suggestion, action)) names.push(name);
  }
  if (CONTACT_STATES.includes(task.state) && isUnitActor(user, task, UNIT_ACTORS.logContact)) names.push('tasks.logContact');
  if (DRAFT_STATES.includes(task.state) && task.role !== 'co' && isUnitActor(user, task, UNIT_ACTORS.saveDraft)) {
    names.push('tasks.saveDraft');
  }
  if (isOfficeActor(user) && !['returned', 'closed', 'opinionSent'].includes(task.state)) names.push('tasks.urge');
  if (side.unconfirmedContacts > 0 && isDeputyOf(user, suggestion)) names.push('contacts.confirm');
  if (side.openCommitments > 0 && isUnitActor(user, task, UNIT_ACTORS.commitmentProgress)) names.push('commitments.progress');
  return names;
}

export { isOffice };
