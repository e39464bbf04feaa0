// What suggestions.list and ledger.list must answer, computed straight from the stored records with
// plain array code (no read models, no SQL): the oracle the store-backed pages are compared with.
import type { CaseFilters } from '../../../src/contract';
import { addDays } from '../../../src/core/calendar';
import { activeDeadline } from '../../../src/core/deadlines';
import type { Feedback, Reply, Suggestion, Task, User } from '../../../src/core/model';
import { suggestionStatus } from '../../../src/core/status';
import { isOffice } from '../../../src/server/access/permissions';
import type { Store } from '../../../src/server/ports';
import { numberOrder } from '../../../src/server/access/visible-suggestions';

export interface Raw {
  suggestions: Suggestion[];
  tasks: Task[];
  replies: Reply[];
  feedbacks: Feedback[];
  users: User[];
}

export async function loadRaw(store: Store): Promise<Raw> {
  const [suggestions, tasks, replies, feedbacks, users] = await Promise.all([
    store.find('suggestions'),
    store.find('tasks'),
    store.find('replies'),
    store.find('feedback'),
    store.find('users'),
  ]);
  return { suggestions, tasks, replies, feedbacks, users };
}

export type Sort = { sort?: 'number' | 'replyDue' | 'assignedAt'; order?: 'asc' | 'desc' };

interface TaskFacts {
  task: Task;
  suggestion: Suggestion;
  status: string;
  due?: string;
  replyClass: string;
  satisfaction: string;
  text: string;
  year: number;
}

const latest = <T extends { taskId: string; round: number }>(rows: T[], taskId: string) =>
  rows.filter((r) => r.taskId === taskId).sort((a, b) => b.round - a.round)[0];

function facts(raw: Raw): TaskFacts[] {
  const names = new Map(raw.users.map((u) => [u.id, u.name]));
  return raw.tasks.map((task) => {
    const suggestion = raw.suggestions.find((s) => s.id === task.suggestionId)!;
    const siblings = raw.tasks.filter((t) => t.suggestionId === suggestion.id);
    const reply = latest(raw.replies.filter((r) => r.signedAt), task.id);
    const fb = latest(raw.feedbacks, task.id);
    const ratings = fb ? [fb.attitude, fb.result] : [];
    const satisfaction = !fb ? 'none' : ratings.includes('unsatisfied') ? 'unsatisfied' : ratings.includes('basic') ? 'basic' : 'satisfied';
    const at = suggestion.assignedAt ?? suggestion.createdAt;
    return {
      task,
      suggestion,
      status: suggestionStatus(suggestion, siblings),
      due: activeDeadline(task)?.date,
      replyClass: reply?.class ?? 'none',
      satisfaction,
      text: `${suggestion.number} ${suggestion.title} ${names.get(suggestion.leadDeputyId) ?? ''}`,
      year: new Date(Date.parse(at) + 8 * 3600_000).getUTCFullYear(),
    };
  });
}

function dueMatches(due: string | undefined, f: CaseFilters, today: string, atRiskDays: number): boolean {
  if (f.overdue === true && !(due !== undefined && due < today)) return false;
  if (f.overdue === false && due !== undefined && due < today) return false;
  if (f.atRisk && !(due !== undefined && due >= today && due <= addDays(today, atRiskDays))) return false;
  return true;
}

const taskMatches = (x: TaskFacts, f: CaseFilters) =>
  (!f.state || x.task.state === f.state) &&
  (!f.role || x.task.role === f.role) &&
  (!f.replyClass || x.replyClass === f.replyClass) &&
  (!f.satisfaction || x.satisfaction === f.satisfaction) &&
  (!f.responsibleUserId || x.task.responsibleUserId === f.responsibleUserId);

const suggestionMatches = (x: { suggestion: Suggestion; status: string; text: string; year: number }, f: CaseFilters) =>
  (!f.session || x.suggestion.session === f.session) &&
  (f.year === undefined || x.year === f.year) &&
  (!f.status || x.status === f.status) &&
  (!f.phase || x.suggestion.phase === f.phase) &&
  (f.keySupervised === undefined || x.suggestion.keySupervised === f.keySupervised) &&
  (!f.keyword || x.text.includes(f.keyword));

function compare(sort: Sort, key: (x: TaskFacts | SuggestionFacts) => string) {
  const sign = sort.order === 'desc' ? -1 : 1;
  return (a: TaskFacts | SuggestionFacts, b: TaskFacts | SuggestionFacts) => {
    const byKey = sort.sort && sort.sort !== 'number' ? (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) : 0;
    const byNumber = a.suggestion.session.localeCompare(b.suggestion.session) || numberOrder.compare(a.suggestion.number, b.suggestion.number);
    const unitAndId =
      'task' in a && 'task' in b
        ? a.task.unitId < b.task.unitId ? -1 : a.task.unitId > b.task.unitId ? 1 : a.task.id < b.task.id ? -1 : 1
        : a.suggestion.id < b.suggestion.id ? -1 : a.suggestion.id > b.suggestion.id ? 1 : 0;
    return sign * (byKey || byNumber || unitAndId);
  };
}

/** The task ids of ledger.list's page, and the total. */
export function ledgerOracle(raw: Raw, f: CaseFilters & Sort, today: string, atRiskDays: number, page: number, pageSize: number) {
  const rows = facts(raw).filter(
    (x) => (!f.unitId || x.task.unitId === f.unitId) && taskMatches(x, f) && suggestionMatches(x, f) && dueMatches(x.due, f, today, atRiskDays),
  );
  const key = (x: TaskFacts | SuggestionFacts) => {
    const t = x as TaskFacts;
    return f.sort === 'replyDue' ? (t.due ?? '9999-12-31') : t.task.assignedAt;
  };
  rows.sort(compare(f, key));
  return { total: rows.length, ids: rows.slice((page - 1) * pageSize, page * pageSize).map((x) => x.task.id) };
}

interface SuggestionFacts {
  suggestion: Suggestion;
  status: string;
  text: string;
  year: number;
  replyDue?: string;
  tasks: TaskFacts[];
}

/** The suggestion ids of suggestions.list's page, and the total, for this caller. */
export function suggestionOracle(raw: Raw, user: User, f: CaseFilters & Sort, today: string, atRiskDays: number, page: number, pageSize: number) {
  const all = facts(raw);
  const names = new Map(raw.users.map((u) => [u.id, u.name]));
  const staffUnit = !isOffice(user) && user.unitId && !user.roles.includes('deputy') ? user.unitId : undefined;
  const scope = f.unitId ?? staffUnit;
  const taskLevel = f.state || f.role || f.replyClass || f.satisfaction || f.responsibleUserId || f.unitId;
  const list: SuggestionFacts[] = raw.suggestions.map((suggestion) => {
    const tasks = all.filter((x) => x.suggestion.id === suggestion.id);
    const at = suggestion.assignedAt ?? suggestion.createdAt;
    const dues = tasks.filter((x) => x.task.state !== 'returned' && x.task.role !== 'co' && x.due).map((x) => x.due!).sort();
    return {
      suggestion,
      status: suggestionStatus(suggestion, tasks.map((x) => x.task)),
      text: `${suggestion.number} ${suggestion.title} ${names.get(suggestion.leadDeputyId) ?? ''}`,
      year: new Date(Date.parse(at) + 8 * 3600_000).getUTCFullYear(),
      ...(dues[0] ? { replyDue: dues[0] } : {}),
      tasks,
    };
  });
  const visible = list.filter(
    (x) =>
      isOffice(user) ||
      (user.roles.includes('deputy') && (x.suggestion.leadDeputyId === user.id || x.suggestion.coSignerIds.includes(user.id))) ||
      (!!user.unitId && x.tasks.some((t) => t.task.unitId === user.unitId)),
  );
  const kept = visible.filter((x) => {
    if (!suggestionMatches(x, f) || !dueMatches(x.replyDue, f, today, atRiskDays)) return false;
    if (!taskLevel) return true;
    const live = x.tasks.filter((t) => t.task.state !== 'returned' && (!scope || t.task.unitId === scope));
    // Each given task-level filter is met by some live task of the scope.
    return (
      live.length > 0 &&
      (!f.state || live.some((t) => t.task.state === f.state)) &&
      (!f.role || live.some((t) => t.task.role === f.role)) &&
      (!f.replyClass || live.some((t) => t.replyClass === f.replyClass)) &&
      (!f.satisfaction || live.some((t) => t.satisfaction === f.satisfaction)) &&
      (!f.responsibleUserId || live.some((t) => t.task.responsibleUserId === f.responsibleUserId))
    );
  });
  const key = (x: TaskFacts | SuggestionFacts) => {
    const s = x as SuggestionFacts;
    return f.sort === 'replyDue' ? (s.replyDue ?? '9999-12-31') : (s.suggestion.assignedAt ?? '');
  };
  kept.sort(compare(f, key));
  return { total: kept.length, ids: kept.slice((page - 1) * pageSize, page * pageSize).map((x) => x.suggestion.id) };
}
