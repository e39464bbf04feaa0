// The words for every action, collected from the areas' words (names.ts): what happened (a timeline
// entry, an audit record) and, for the actions taken on a task, what the button says. Values, like names.ts.
import { ACTION_NAMES, ACTION_WORDS, type ActionName, type TaskActionName } from './names';
import type { ActionWords } from './words';

const words = (action: ActionName): ActionWords => ACTION_WORDS[action];

/** Each action as a thing done, e.g. in a suggestion's timeline: 张三 认领. */
export const ACTION_LABELS = Object.fromEntries(ACTION_NAMES.map((a) => [a, words(a).label])) as Record<ActionName, string>;

/** Timeline entries that are not API actions (loading the demo data). */
export const OTHER_EVENT_LABELS: Record<string, string> = { 'demo.seed': '载入演示数据', 'letters.generate': '生成答复函' };

/** The actions taken on a task, in the contract's order. */
export const TASK_ACTION_NAMES = ACTION_NAMES.filter((a) => words(a).workflow !== undefined) as TaskActionName[];

/** What a task's button says, for every action taken on a task (the type requires each one). */
export const ACTION_BUTTON_LABELS = Object.fromEntries(TASK_ACTION_NAMES.map((a) => [a, words(a).button!])) as Record<TaskActionName, string>;

/** The label of a recorded event's action, or the action's name when it has none. */
export function eventLabel(action: string): string {
  return (ACTION_LABELS as Record<string, string>)[action] ?? OTHER_EVENT_LABELS[action] ?? action;
}
