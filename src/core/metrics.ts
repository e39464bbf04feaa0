// The named statistics of the office's ledger and annual report (docs/architecture.md, Scale). Every rate is a
// share in [0, 1], or null when its denominator is 0 (never NaN). The definitions below are the
// contract; docs/policy.md (办理时限政策与统计口径) repeats them for people.
//
// Counting unit "件" (item): for a unit scope, the unit's live (not returned) tasks of one
// suggestion — so the office's 82 = 主办19 + 分办25 + 会办38 are its own roles; for the whole
// deployment, one suggestion with all its live tasks.
import { countsAsFaceToFace } from './contacts';
import { daysBetween, shanghaiDate } from './calendar';
import { activeDeadline, deadlineStanding, type DeadlineKind } from './deadlines';
import type { Contact, Feedback, Phase, Rating, Reply, ReplyClass, Suggestion, Task, UnitRole } from './model';
import type { DeadlinePolicy } from './policy';
import { REPLYING_ROLES } from './task.table';

export type MetricsScope = { kind: 'all' } | { kind: 'unit'; unitId: string };

export interface MetricsInput {
  suggestions: readonly Suggestion[];
  tasks: readonly Task[];
  replies: readonly Reply[];
  feedbacks: readonly Feedback[];
  contacts: readonly Contact[];
}

export interface RatingStats {
  satisfied: number;
  basic: number;
  unsatisfied: number;
  total: number;
  satisfiedRate: number | null; // 满意 ÷ rated
  basicRate: number | null; // 基本满意 ÷ rated
  satisfactionRate: number | null; // (满意 + 基本满意) ÷ rated
}

export interface Headline {
  received: number; // 收到件数: items in scope, assigned or not
  assigned: number; // 交办件数: items with at least one live task
  done: number; // 办结件数
  completionRate: number | null; // 办结率 = done ÷ assigned
  onTimeDone: number; // 按时办结件数
  onTimeRate: number | null; // 按时办结率 = onTimeDone ÷ done
  replied: number; // 已答复件数 (a signed reply to the deputy)
  faceToFace: number; // 面复件数
  faceToFaceRate: number | null; // 面复率 = faceToFace ÷ replied
  rated: number; // 已评价件数 (latest feedback of each replying task)
  satisfactionRate: number | null; // 代表反馈满意率 = rated with no 不满意 ÷ rated
  attitude: RatingStats; // 办理态度
  result: RatingStats; // 办理结果
  byClass: Record<ReplyClass, number>; // latest signed reply of each replying task
  adopted: number; // A + B
  adoptionRate: number | null; // 采纳率 = (A + B) ÷ classified replies
  byRole: Record<UnitRole, number>; // live tasks by the unit's role
  byPhase: Record<Phase, number>; // received items by when the suggestion was raised (sums to received)
}

export interface DeadlineItem {
  taskId: string;
  suggestionId: string;
  unitId: string;
  responsibleUserId?: string;
  kind: DeadlineKind;
  dueDate: string;
  daysLeft: number; // negative when overdue
}

export interface Metrics extends Headline {
  scope: MetricsScope;
  today: string;
  overdue: DeadlineItem[]; // 超期: open tasks past their active due date
  atRisk: DeadlineItem[]; // 临期: open tasks due within policy.atRiskDays (today included)
  perUnit: Record<string, Headline>; // unit scope for each unit holding a task in scope
  perPerson: Record<string, Headline>; // each responsible person's tasks, one item per task
}

export const rate = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

const REPLYING = new Set<UnitRole>(REPLYING_ROLES);
const isReplying = (t: Task) => REPLYING.has(t.role);

/** A task is finished when closed (after the deputy's rating) or, for a co task, its opinion sent. */
export const isTaskFinished = (t: Task) => t.state === 'closed' || (t.role === 'co' && t.state === 'opinionSent');

/** A replying task has replied once its first reply is signed. */
const hasReplied = (t: Task) => isReplying(t) && (t.firstRepliedAt !== undefined || t.state === 'replied' || t.state === 'closed');

/** On time: the first reply (co: the opinion) on or before the due date in force (extensions count). */
function finishedOnTime(t: Task): boolean {
  if (t.role === 'co') return t.opinionSentAt !== undefined && shanghaiDate(t.opinionSentAt) <= (t.due.coOpinion ?? t.due.reply);
  const first = t.firstRepliedAt ?? t.repliedAt;
  return first !== undefined && shanghaiDate(first) <= t.due.reply;
}

interface Item {
  suggestion: Suggestion;
  tasks: Task[]; // live tasks in scope
}

/** The tasks that decide an item: its replying tasks, or its co tasks when it holds no other. */
function decisiveTasks(item: Item): Task[] {
  const replying = item.tasks.filter(isReplying);
  return replying.length > 0 ? replying : item.tasks;
}

/** Done: every replying task closed; or, where the item holds only co tasks, every opinion sent. */
function itemDone(item: Item): boolean {
  return item.tasks.length > 0 && decisiveTasks(item).every(isTaskFinished);
}

const latestBy = <T extends { taskId: string; round: number }>(rows: readonly T[], keep: (r: T) => boolean) => {
  const out = new Map<string, T>();
  for (const r of rows) {
    if (!keep(r)) continue;
    const prev = out.get(r.taskId);
    if (!prev || r.round >= prev.round) out.set(r.taskId, r);
  }
  return out;
};

/** The numbers of a Headline that add up across items and scopes; every rate follows from them (withRates). */
export interface HeadlineCounts {
  received: number;
  assigned: number;
  done: number;
  onTimeDone: number;
  replied: number;
  faceToFace: number;
  rated: number;
  content: number; // rated with neither rating 不满意 (the numerator of 满意率)
  attitude: Record<Rating, number>;
  result: Record<Rating, number>;
  byClass: Record<ReplyClass, number>;
  byRole: Record<UnitRole, number>;
  byPhase: Record<Phase, number>;
}

function ratingStats(counts: Record<Rating, number>): RatingStats {
  const { satisfied, basic, unsatisfied } = counts;
  const total = satisfied + basic + unsatisfied;
  return {
    satisfied,
    basic,
    unsatisfied,
    total,
    satisfiedRate: rate(satisfied, total),
    basicRate: rate(basic, total),
    satisfactionRate: rate(satisfied + basic, total),
  };
}

/**
 * The office's rates from its counts, defined here once: for the figures computed from the records
 * (computeMetrics) and for those read from the counters the store keeps (stats.summary).
 */
export function withRates(c: HeadlineCounts): Headline {
  const adopted = c.byClass.A + c.byClass.B;
  return {
    received: c.received,
    assigned: c.assigned,
    done: c.done,
    completionRate: rate(c.done, c.assigned),
    onTimeDone: c.onTimeDone,
    onTimeRate: rate(c.onTimeDone, c.done),
    replied: c.replied,
    faceToFace: c.faceToFace,
    faceToFaceRate: rate(c.faceToFace, c.replied),
    rated: c.rated,
    satisfactionRate: rate(c.content, c.rated),
    attitude: ratingStats(c.attitude),
    result: ratingStats(c.result),
    byClass: c.byClass,
    adopted,
    adoptionRate: rate(adopted, c.byClass.A + c.byClass.B + c.byClass.C + c.byClass.D),
    byRole: c.byRole,
    byPhase: c.byPhase,
  };
}

const countRatings = (ratings: Rating[]): Record<Rating, number> => {
  const out: Record<Rating, number> = { satisfied: 0, basic: 0, unsatisfied: 0 };
  for (const r of ratings) out[r] += 1;
  return out;
};

/** What headline() looks up by task, built once per computeMetrics call (keeps it linear). */
interface TaskIndex {
  faceToFace: Set<string>; // tasks with at least one face-to-face contact
  feedback: Map<string, Feedback>; // the latest round's feedback of each task
  reply: Map<string, Reply>; // the latest round's signed reply of each task
}

function indexByTask(input: MetricsInput): TaskIndex {
  return {
    faceToFace: new Set(input.contacts.filter(countsAsFaceToFace).map((c) => c.taskId)),
    feedback: latestBy(input.feedbacks, () => true),
    reply: latestBy(input.replies, (r) => r.signedAt !== undefined),
  };
}

const present = <T>(x: T | undefined): x is T => x !== undefined;

function headline(items: Item[], received: number, idx: TaskIndex): Headline {
  const live = items.filter((i) => i.tasks.length > 0);
  const tasks = ([] as Item['tasks']).concat(...live.map((i) => i.tasks));
  const done = live.filter(itemDone);
  const onTimeDone = done.filter((i) => decisiveTasks(i).every(finishedOnTime));
  const repliedItems = live.filter((i) => i.tasks.some(hasReplied));
  const faceToFace = repliedItems.filter((i) => i.tasks.filter(hasReplied).every((t) => idx.faceToFace.has(t.id)));
  const feedbacks = tasks.map((t) => idx.feedback.get(t.id)).filter(present);
  const replies = tasks.map((t) => idx.reply.get(t.id)).filter(present);
  const byClass: Record<ReplyClass, number> = { A: 0, B: 0, C: 0, D: 0 };
  for (const r of replies) byClass[r.class] += 1;
  const byRole: Record<UnitRole, number> = { lead: 0, co: 0, split: 0, sole: 0 };
  for (const t of tasks) byRole[t.role] += 1;
  const byPhase: Record<Phase, number> = { session: 0, recess: 0 };
  for (const i of items) byPhase[i.suggestion.phase] += 1;
  const content = feedbacks.filter((f) => f.attitude !== 'unsatisfied' && f.result !== 'unsatisfied').length;
  return withRates({
    received,
    assigned: live.length,
    done: done.length,
    onTimeDone: onTimeDone.length,
    replied: repliedItems.length,
    faceToFace: faceToFace.length,
    rated: feedbacks.length,
    content,
    attitude: countRatings(feedbacks.map((f) => f.attitude)),
    result: countRatings(feedbacks.map((f) => f.result)),
    byClass,
    byRole,
    byPhase,
  });
}

function itemsFor(input: MetricsInput, scope: MetricsScope): { items: Item[]; received: number } {
  const inScope = (t: Task) => t.state !== 'returned' && (scope.kind === 'all' || t.unitId === scope.unitId);
  const bySuggestion = new Map<string, Task[]>();
  for (const t of input.tasks) {
    if (!inScope(t)) continue;
    const list = bySuggestion.get(t.suggestionId);
    if (list) list.push(t);
    else bySuggestion.set(t.suggestionId, [t]);
  }
  const items = input.suggestions
    .map((s) => ({ suggestion: s, tasks: bySuggestion.get(s.id) ?? [] }))
    .filter((i) => scope.kind === 'all' || i.tasks.length > 0);
  return { items, received: items.length };
}

function deadlineItems(tasks: readonly Task[], today: string): DeadlineItem[] {
  const out: DeadlineItem[] = [];
  for (const t of tasks) {
    const d = activeDeadline(t);
    if (!d) continue;
    out.push({
      taskId: t.id,
      suggestionId: t.suggestionId,
      unitId: t.unitId,
      responsibleUserId: t.responsibleUserId,
      kind: d.kind,
      dueDate: d.date,
      daysLeft: daysBetween(today, d.date),
    });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || a.taskId.localeCompare(b.taskId));
}

export function computeMetrics(input: MetricsInput, scope: MetricsScope, today: string, policy: DeadlinePolicy): Metrics {
  const { items, received } = itemsFor(input, scope);
  const scopedTasks = ([] as Item['tasks']).concat(...items.map((i) => i.tasks));
  const deadlines = deadlineItems(scopedTasks, today);
  const idx = indexByTask(input);
  // A unit's items: the suggestions it holds a task of, with only its own tasks (as scope 'unit' gives).
  const unitItems = new Map<string, Item[]>();
  const personItems = new Map<string, Item[]>();
  for (const item of items) {
    const byUnit = new Map<string, Task[]>();
    for (const t of item.tasks) {
      const list = byUnit.get(t.unitId);
      if (list) list.push(t);
      else byUnit.set(t.unitId, [t]);
      if (t.responsibleUserId) {
        const mine = personItems.get(t.responsibleUserId) ?? [];
        mine.push({ suggestion: item.suggestion, tasks: [t] });
        personItems.set(t.responsibleUserId, mine);
      }
    }
    for (const [unitId, tasks] of byUnit) {
      const list = unitItems.get(unitId) ?? [];
      list.push({ suggestion: item.suggestion, tasks });
      unitItems.set(unitId, list);
    }
  }
  const perUnit: Record<string, Headline> = {};
  for (const unitId of [...unitItems.keys()].sort()) {
    const list = unitItems.get(unitId)!;
    perUnit[unitId] = headline(list, list.length, idx);
  }
  const perPerson: Record<string, Headline> = {};
  for (const userId of [...personItems.keys()].sort()) {
    const list = personItems.get(userId)!;
    perPerson[userId] = headline(list, list.length, idx);
  }
  return {
    scope,
    today,
    ...headline(items, received, idx),
    overdue: deadlines.filter((d) => deadlineStanding(d.dueDate, today, policy).overdue),
    atRisk: deadlines.filter((d) => deadlineStanding(d.dueDate, today, policy).atRisk),
    perUnit,
    perPerson,
  };
}
