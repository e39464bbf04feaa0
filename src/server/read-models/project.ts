// The read models derived from a suggestion's records (their shapes: src/server/ports/read-model-docs.ts):
// its row (suggestionRows), its tasks' rows (ledgerRows) and its share of the counters (statCounters).
// They come from a suggestion's records only, so the unit of work rebuilds a suggestion's rows and moves
// the counters by the difference in the same commit as every change to the suggestion, its tasks,
// replies, feedback or contacts (src/server/adapters/unit-of-work.ts).
import { countsAsFaceToFace } from '../../core/contacts';
import { shanghaiDate } from '../../core/calendar';
import { activeDeadline } from '../../core/deadlines';
import { computeMetrics, withRates, type Headline } from '../../core/metrics';
import type { Commitment, Contact, Feedback, Opinion, Rating, Reply, Suggestion, Task } from '../../core/model';
import { SHANDONG_POLICY } from '../../core/policy';
import { suggestionStatus } from '../../core/status';
import { isTerminal, taskFacts } from '../../core/workflow';
import {
  COUNTER_FIELDS,
  counterId,
  NO_DUE,
  type Counts,
  type LedgerRowDoc,
  type SuggestionDetailDoc,
  type SuggestionRow,
  type TaskSuggestion,
} from '../ports/read-model-docs';

/** Everything a suggestion's rows are derived from. */
export interface SuggestionRecords {
  suggestion: Suggestion;
  tasks: Task[];
  replies: Reply[];
  feedbacks: Feedback[];
  contacts: Contact[];
  /** For what a task's next steps wait on (tasks.mine): co-opinions and promises. */
  opinions: Opinion[];
  commitments: Commitment[];
  /** The lead deputy's name, for the search text. */
  deputyName: string;
}

export const emptyDetail = (id: string): SuggestionDetailDoc => ({
  id,
  tasks: {},
  replies: {},
  opinions: {},
  contacts: {},
  feedback: {},
  commitments: {},
  attachments: {},
});

/** A detail document's records as queries by suggestion id answer them: arrays in id order. */
export function detailRecords(doc: SuggestionDetailDoc) {
  const list = <T extends { id: string }>(part: Record<string, T> | undefined): T[] =>
    Object.values(part ?? {}).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    tasks: list(doc.tasks),
    replies: list(doc.replies),
    opinions: list(doc.opinions),
    contacts: list(doc.contacts),
    feedback: list(doc.feedback),
    commitments: list(doc.commitments),
    attachments: list(doc.attachments),
  };
}

/** 建议号 order as text: 届次, then the number with every run of digits padded (1002 before 1010). */
export function numberSortKey(session: string, number: string): string {
  return `${session}\u0001${number.replace(/\d+/g, (digits) => digits.padStart(12, '0'))}`;
}

/** The Shanghai year a suggestion counts in: of its 交办, or of its creation while not yet assigned. */
export const suggestionYear = (s: Suggestion): number => Number(shanghaiDate(s.assignedAt ?? s.createdAt).slice(0, 4));

/** The lower of the two ratings of the latest feedback; 'none' before any. */
export function satisfactionOf(feedback: Feedback | undefined): Rating | 'none' {
  if (!feedback) return 'none';
  const ratings = [feedback.attitude, feedback.result];
  if (ratings.includes('unsatisfied')) return 'unsatisfied';
  if (ratings.includes('basic')) return 'basic';
  return 'satisfied';
}

/** A suggestion's share of each counter: counter id → counts (only non-zero counters). */
export type Contribution = Record<string, Partial<Counts>>;

export function countsOf(h: Headline): Counts {
  const content = h.satisfactionRate === null ? 0 : Math.round(h.satisfactionRate * h.rated);
  return {
    received: h.received,
    assigned: h.assigned,
    done: h.done,
    onTimeDone: h.onTimeDone,
    replied: h.replied,
    faceToFace: h.faceToFace,
    rated: h.rated,
    content,
    'attitude_satisfied': h.attitude.satisfied,
    'attitude_basic': h.attitude.basic,
    'attitude_unsatisfied': h.attitude.unsatisfied,
    'result_satisfied': h.result.satisfied,
    'result_basic': h.result.basic,
    'result_unsatisfied': h.result.unsatisfied,
    'byClass_A': h.byClass.A,
    'byClass_B': h.byClass.B,
    'byClass_C': h.byClass.C,
    'byClass_D': h.byClass.D,
    'byRole_lead': h.byRole.lead,
    'byRole_co': h.byRole.co,
    'byRole_split': h.byRole.split,
    'byRole_sole': h.byRole.sole,
    'byPhase_session': h.byPhase.session,
    'byPhase_recess': h.byPhase.recess,
  };
}

export const zeroCounts = (): Counts => Object.fromEntries(COUNTER_FIELDS.map((f) => [f, 0])) as Counts;

export function addCounts(into: Counts, more: Partial<Counts>, sign = 1): Counts {
  for (const f of COUNTER_FIELDS) into[f] += sign * (more[f] ?? 0);
  return into;
}

/** The Headline the counts stand for: the core's rates over the counters (the same figures computeMetrics gives). */
export function headlineOf(c: Counts): Headline {
  return withRates({
    received: c.received,
    assigned: c.assigned,
    done: c.done,
    onTimeDone: c.onTimeDone,
    replied: c.replied,
    faceToFace: c.faceToFace,
    rated: c.rated,
    content: c.content,
    attitude: { satisfied: c['attitude_satisfied'], basic: c['attitude_basic'], unsatisfied: c['attitude_unsatisfied'] },
    result: { satisfied: c['result_satisfied'], basic: c['result_basic'], unsatisfied: c['result_unsatisfied'] },
    byClass: { A: c['byClass_A'], B: c['byClass_B'], C: c['byClass_C'], D: c['byClass_D'] },
    byRole: { lead: c['byRole_lead'], co: c['byRole_co'], split: c['byRole_split'], sole: c['byRole_sole'] },
    byPhase: { session: c['byPhase_session'], recess: c['byPhase_recess'] },
  });
}

function latestBy<T extends { taskId: string; round: number }>(rows: readonly T[], keep: (r: T) => boolean): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of rows) {
    if (!keep(r)) continue;
    const prev = out.get(r.taskId);
    if (!prev || r.round >= prev.round) out.set(r.taskId, r);
  }
  return out;
}

const nonZero = (c: Counts): Partial<Counts> =>
  Object.fromEntries(Object.entries(c).filter(([, v]) => v !== 0)) as Partial<Counts>;

const waitingOf = (t: Task): LedgerRowDoc['waiting'] =>
  t.state === 'returnRequested' ? 'return' : t.extensionRequest && !t.extensionRequest.decidedAt ? 'extension' : '';

export interface Projection {
  suggestionRow: SuggestionRow;
  ledgerRows: LedgerRowDoc[];
  contribution: Contribution;
}

/** A suggestion's rows and its share of the counters, from its records alone (no clock). */
export function project(records: SuggestionRecords): Projection {
  const { suggestion: s, tasks, replies, feedbacks, contacts, opinions, commitments, deputyName } = records;
  const status = suggestionStatus(s, tasks);
  const year = suggestionYear(s);
  const sortKey = numberSortKey(s.session, s.number);
  const searchText = `${s.number} ${s.title} ${deputyName}`;
  const latestReply = latestBy(replies, (r) => r.signedAt !== undefined);
  const latestFeedback = latestBy(feedbacks, () => true);
  const faceToFace = new Set(contacts.filter(countsAsFaceToFace).map((c) => c.taskId));
  const taskSuggestion: TaskSuggestion = {
    id: s.id,
    number: s.number,
    title: s.title,
    session: s.session,
    leadDeputyId: s.leadDeputyId,
    coSignerIds: s.coSignerIds,
    keySupervised: s.keySupervised,
    ...(s.archivedAt ? { archivedAt: s.archivedAt } : {}),
  };

  const ledgerRows: LedgerRowDoc[] = tasks.map((t) => {
    const reply = latestReply.get(t.id);
    const feedback = latestFeedback.get(t.id);
    return {
      id: t.id,
      suggestionId: s.id,
      unitId: t.unitId,
      role: t.role,
      state: t.state,
      responsibleUserId: t.responsibleUserId ?? '',
      number: s.number,
      title: s.title,
      leadDeputyId: s.leadDeputyId,
      session: s.session,
      year,
      phase: s.phase,
      keySupervised: s.keySupervised,
      status,
      sortKey: `${sortKey}\u0001${t.unitId}\u0001${t.id}`,
      assignedAt: t.assignedAt,
      replyDue: t.due.reply,
      activeDue: activeDeadline(t)?.date ?? NO_DUE,
      ...(activeDeadline(t) ? { activeKind: activeDeadline(t)!.kind } : {}),
      ...(t.repliedAt ? { repliedAt: t.repliedAt } : {}),
      ...(t.closedAt ? { closedAt: t.closedAt } : {}),
      replyClass: reply?.class ?? 'none',
      satisfaction: satisfactionOf(feedback),
      ...(feedback ? { attitude: feedback.attitude, result: feedback.result } : {}),
      faceToFace: faceToFace.has(t.id),
      waiting: waitingOf(t),
      searchText,
      inbox: [`unit:${t.unitId}`, ...(waitingOf(t) ? ['decide'] : []), ...(t.state === 'replied' ? [`rate:${s.leadDeputyId}`] : [])],
      open: !isTerminal(t.state) && !s.archivedAt,
      mineDue: activeDeadline(t)?.date ?? t.due.reply,
      task: t,
      suggestion: taskSuggestion,
      guards: taskFacts(t, { tasks, contacts, replies, opinions, commitments }),
    };
  });

  const live = ledgerRows.filter((r) => r.state !== 'returned');
  const facets = new Set<string>();
  for (const r of live) {
    for (const scope of ['*', r.unitId]) {
      facets.add(`${scope}|live`);
      facets.add(`${scope}|role:${r.role}`);
      facets.add(`${scope}|state:${r.state}`);
      facets.add(`${scope}|class:${r.replyClass}`);
      facets.add(`${scope}|sat:${r.satisfaction}`);
      if (r.responsibleUserId) facets.add(`${scope}|person:${r.responsibleUserId}`);
    }
  }
  const replyDues = live.filter((r) => r.role !== 'co').map((r) => r.activeDue).sort();
  const suggestionRow: SuggestionRow = {
    id: s.id,
    number: s.number,
    title: s.title,
    session: s.session,
    year,
    phase: s.phase,
    keySupervised: s.keySupervised,
    status,
    leadDeputyId: s.leadDeputyId,
    coSignerIds: s.coSignerIds,
    sortKey,
    assignedAt: s.assignedAt ?? '',
    tasks: tasks.map((t) => {
      const active = activeDeadline(t);
      const replied = t.firstRepliedAt ?? t.repliedAt;
      return {
        id: t.id,
        unitId: t.unitId,
        role: t.role,
        state: t.state,
        ...(active ? { activeDue: active.date, activeKind: active.kind } : {}),
        ...(replied ? { firstRepliedAt: replied } : {}),
        ...(t.closedAt ? { closedAt: t.closedAt } : {}),
      };
    }),
    replyDue: replyDues[0] ?? NO_DUE,
    viewers: [...new Set([`deputy:${s.leadDeputyId}`, ...s.coSignerIds.map((id) => `deputy:${id}`), ...tasks.map((t) => `unit:${t.unitId}`)])],
    facets: [...facets].sort(),
    searchText,
  };

  // The counters: the core's own figures for this one suggestion, for the deployment and each unit.
  const metrics = computeMetrics({ suggestions: [s], tasks, replies, feedbacks, contacts }, { kind: 'all' }, '2000-01-01', SHANDONG_POLICY);
  const contribution: Contribution = { [counterId(year, s.session, '*')]: nonZero(countsOf(metrics)) };
  for (const [unitId, h] of Object.entries(metrics.perUnit)) contribution[counterId(year, s.session, unitId)] = nonZero(countsOf(h));
  return { suggestionRow, ledgerRows, contribution };
}
