// The words for every action, collected from the areas' words (names.ts): what happened (a timeline
// entry, an audit record) and, for the actions taken on a task, what the button says. Values, like names.ts.
import { ACTION_NAMES, ACTION_WORDS, type ActionName, type TaskActionName } from './names';
import type { ActionWords } from './words';

const words = (action: ActionName): ActionWords => ACTION_WORDS[action];

/** A record of one value per key (Object.fromEntries is missing on older phones' JavaScript engines). */
function recordOf<K extends string>(keys: readonly K[], value: (key: K) => string): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of keys) out[key] = value(key);
  return out;
}

/** Each action as a thing done, e.g. in a suggestion's timeline: 张三 认领. */
export const ACTION_LABELS = recordOf(ACTION_NAMES, (a) => words(a).label);

/** Timeline entries that are not API actions (loading the demo data). */
export const OTHER_EVENT_LABELS: Record<string, string> = { 'demo.seed': '载入演示数据', 'letters.generate': '生成答复函' };

/** The actions taken on a task, in the contract's order. */
export const TASK_ACTION_NAMES = ACTION_NAMES.filter((a) => words(a).workflow !== undefined) as TaskActionName[];

/** What a task's button says, for every action taken on a task (the type requires each one). */
export const ACTION_BUTTON_LABELS = recordOf(TASK_ACTION_NAMES, (a) => words(a).button!);

/** The label of a recorded event's action, or the action's name when it has none. */
export function eventLabel(action: string): string {
  return (ACTION_LABELS as Record<string, string>)[action] ?? OTHER_EVENT_LABELS[action] ?? action;
}
