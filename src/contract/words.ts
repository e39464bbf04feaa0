// The words of an action, declared beside its request and result types in its area's file: what it
// is called when done (timeline, audit), and for an action taken on a task its button and the workflow
// action (src/core/task.table.ts) it takes. names.ts and labels.ts collect them; see
// docs/architecture.md, Adding an action.
import type { WorkflowActionType } from '../core/task.table';

export interface ActionWords {
  /** The action as a thing done, e.g. in a suggestion's timeline: 张三 认领. */
  label: string;
  /** What its button on a task says (task actions only). */
  button?: string;
  /** The workflow action it takes on a task (task actions only). */
  workflow?: WorkflowActionType;
}

/** The words of each action of an area's map: one entry per action, no more, no fewer. */
export type WordsOf<M> = { readonly [K in keyof M]: ActionWords };

/** An action that is not taken on a task. */
export const said = (label: string) => ({ label });

/** An action taken on a task: its label, its button and the workflow action it takes. */
export const onTask = <W extends WorkflowActionType>(label: string, button: string, workflow: W) => ({ label, button, workflow });
