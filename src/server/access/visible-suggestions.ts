// The suggestions a caller may see, with their tasks (docs/architecture.md, Roles and reach): a deputy those he or she
// leads or co-signs; unit staff those with a task of their unit; the office all of them.
import type { Suggestion, Task, User } from '../../core/model';
import { isDeputy, isOffice, isUnitStaff } from './permissions';
import type { Reader } from '../ports';

export interface SuggestionWithTasks {
  suggestion: Suggestion;
  tasks: Task[];
}

export async function visibleSuggestions(reader: Reader, user: User): Promise<SuggestionWithTasks[]> {
  if (isOffice(user)) {
    const [suggestions, tasks] = await Promise.all([reader.find('suggestions'), reader.find('tasks')]);
    return attach(suggestions, tasks);
  }
  const byId = new Map<string, Suggestion>();
  if (isDeputy(user)) {
    const [led, coSigned] = await Promise.all([
      reader.find('suggestions', { where: { leadDeputyId: user.id } }),
      reader.find('suggestions', { where: { coSignerIds: user.id } }),
    ]);
    for (const s of [...led, ...coSigned]) byId.set(s.id, s);
  }
  if (isUnitStaff(user)) {
    const unitTasks = await reader.find('tasks', { where: { unitId: user.unitId } });
    const missing = [...new Set(unitTasks.map((t) => t.suggestionId))].filter((id) => !byId.has(id));
    const loaded = await Promise.all(missing.map((id) => reader.get('suggestions', id)));
    for (const s of loaded) if (s) byId.set(s.id, s);
  }
  const suggestions = [...byId.values()];
  const tasks = (await Promise.all(suggestions.map((s) => reader.find('tasks', { where: { suggestionId: s.id } })))).flat();
  return attach(suggestions, tasks);
}

function attach(suggestions: Suggestion[], tasks: Task[]): SuggestionWithTasks[] {
  const bySuggestion = new Map<string, Task[]>();
  for (const task of tasks) {
    const list = bySuggestion.get(task.suggestionId) ?? [];
    list.push(task);
    bySuggestion.set(task.suggestionId, list);
  }
  return suggestions.map((suggestion) => ({ suggestion, tasks: bySuggestion.get(suggestion.id) ?? [] }));
}

// One collator for every comparison: localeCompare with options builds one per call (slow in a sort).
const sessionOrder = new Intl.Collator('zh');
/** 建议号 compared with their digits as numbers (1002 before 1010). */
export const numberOrder = new Intl.Collator('zh', { numeric: true });

/** 建议号 order: by session, then by number with digits compared as numbers. */
export function bySessionAndNumber(a: Suggestion, b: Suggestion): number {
  return sessionOrder.compare(a.session, b.session) || numberOrder.compare(a.number, b.number);
}
