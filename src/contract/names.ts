// The wire contract: every action's name, collected from the areas' words (each area's file declares
// its actions' data, results and words together; docs/architecture.md, Adding an action). Values, not
// only types: the server checks its use cases against this list and the app's client names its calls by it.
import type { WorkflowActionType } from '../core/task.table';
import { DEPUTY_ACTIONS } from './deputies';
import { IDENTITY_ACTIONS } from './identity';
import { NOTIFICATION_ACTIONS } from './notifications';
import { OFFICE_ACTIONS } from './office';
import { PAPER_ACTIONS } from './papers';
import { PROPOSAL_ACTIONS } from './proposals';
import { PUBLIC_ACTIONS } from './public';
import { ROSTER_ACTIONS } from './roster';
import { SUGGESTION_ACTIONS } from './suggestions';
import { TASK_ACTIONS } from './tasks';

/** Every action of the API with its words, area by area in the order of docs/architecture.md. */
export const ACTION_WORDS = {
  ...IDENTITY_ACTIONS,
  ...SUGGESTION_ACTIONS,
  ...TASK_ACTIONS,
  ...DEPUTY_ACTIONS,
  ...OFFICE_ACTIONS,
  ...NOTIFICATION_ACTIONS,
  ...ROSTER_ACTIONS,
  ...PUBLIC_ACTIONS,
  ...PAPER_ACTIONS,
  ...PROPOSAL_ACTIONS,
};

export type ActionName = keyof typeof ACTION_WORDS;

/** Every action name of the API. */
export const ACTION_NAMES = Object.keys(ACTION_WORDS) as ActionName[];

/** The actions taken on a task: those whose words name a workflow action (and a button). */
export type TaskActionName = { [A in ActionName]: (typeof ACTION_WORDS)[A] extends { workflow: string } ? A : never }[ActionName];

/** The workflow action each task action takes. */
export type WorkflowOf<A extends TaskActionName> = (typeof ACTION_WORDS)[A]['workflow'];

/**
 * Every workflow action is taken by exactly one API action, except the waiver of co-opinions, which
 * the coordinator's urge carries (UrgeTaskData.overrideCoOpinions). A workflow action no area's words
 * name fails to compile here, naming it: add `onTask(label, button, '<it>')` to its area's words.
 */
declare module './common' {
  interface KnownActions extends Record<ActionName, true> {}
  interface KnownTaskActions extends Record<TaskActionName, true> {}
}

type Linked = WorkflowOf<TaskActionName> | 'overrideCoOpinions';
export const EVERY_WORKFLOW_ACTION_HAS_AN_API_ACTION: Record<Exclude<WorkflowActionType, Linked>, never> = {};
