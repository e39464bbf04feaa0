// The shapes of the read models the store keeps (docs/architecture.md, Scale): one row per suggestion
// (suggestionRows), one per task (ledgerRows), counters per (year, session, unit) (statCounters) and one
// document of every record per suggestion (suggestionDetails). src/server/read-models/ derives them.
import type {
  Attachment,
  Commitment,
  Contact,
  Feedback,
  Opinion,
  Phase,
  Rating,
  Reply,
  ReplyClass,
  Suggestion,
  SuggestionStatus,
  Task,
  TaskState,
  UnitRole,
} from '../../core/model';
import type { DeadlineKind } from '../../core/deadlines';
import type { TaskFacts } from '../../core/task.facts';
import { idFromKey } from './ids';

/**
 * A user's 全部已读, the one thing about his or her unread messages not held by the notices themselves:
 * `readBefore`, the instant of the last 全部已读 — every notice created before it counts as read without
 * being rewritten. Written only by notifications.read; the unread figure is counted from the notices
 * (src/server/read-models/unread.ts, docs/notifications.md). A document from before may still carry the
 * figure it once kept (`unread`); nothing reads it, and the rebuild drops it.
 */
export interface NotificationCount {
  id: string; // the user's id
  readBefore?: string;
}

/** The date that sorts after every real one: "no deadline in force". */
export const NO_DUE = '9999-12-31';

/**
 * Every record of one suggestion in one document (suggestionDetails), so that the detail screen
 * reads it in one request. Each record sits under its kind and its id; the unit of work sets exactly
 * the records a commit writes (a patch of those paths, no revision check: two commits writing other
 * records of one suggestion both apply), in the same commit. Events stay in their own collection.
 */
export interface SuggestionDetailDoc {
  id: string; // the suggestion's id
  suggestion?: Suggestion;
  tasks: Record<string, Task>;
  replies: Record<string, Reply>;
  opinions: Record<string, Opinion>;
  contacts: Record<string, Contact>;
  feedback: Record<string, Feedback>;
  commitments: Record<string, Commitment>;
  attachments: Record<string, Attachment>;
  /** The lead deputy's name as the suggestion's rows carry it (set by the unit of work and the rebuild). */
  deputyName?: string;
}

/** The record kinds a detail document holds, by their collection names. */
export const DETAIL_PARTS = ['tasks', 'replies', 'opinions', 'contacts', 'feedback', 'commitments', 'attachments'] as const;
export type DetailPart = (typeof DETAIL_PARTS)[number];

/** A record's key in a detail document: its id when that is a safe field name, else a hash of it. */
export const recordKey = (id: string): string => (/^[A-Za-z0-9_-]{1,100}$/.test(id) ? id : idFromKey('k', id));

export interface TaskBrief {
  id: string;
  unitId: string;
  role: UnitRole;
  state: TaskState;
  activeDue?: string; // the deadline in force
  activeKind?: DeadlineKind; // which one: 答复 / 会办意见 / 重新办理
  firstRepliedAt?: string; // the first signed reply (or the latest when the first is not known)
  closedAt?: string;
}

export interface SuggestionRow {
  id: string; // the suggestion's id
  number: string;
  title: string;
  session: string;
  year: number;
  phase: Phase;
  keySupervised: boolean;
  status: SuggestionStatus;
  leadDeputyId: string;
  coSignerIds: string[];
  sortKey: string; // numberSortKey
  assignedAt: string; // '' while not assigned
  /** What a list item shows of each task (every task, returned ones too). */
  tasks: TaskBrief[];
  /** The nearest deadline in force of its live tasks that reply to the deputy (NO_DUE: none). */
  replyDue: string;
  /** Who may see it: deputy:<id> for the lead deputy and co-signers, unit:<id> for every unit with a task. */
  viewers: string[];
  /**
   * What its live tasks are, for the task-level filters: `<scope>|<facet>:<value>` with scope `*`
   * (any unit) and the task's unit id; facets role, state, class, sat, person.
   */
  facets: string[];
  searchText: string; // 建议号, title and lead deputy's name
}

export interface LedgerRowDoc {
  id: string; // the task's id
  suggestionId: string;
  unitId: string;
  role: UnitRole;
  state: TaskState;
  responsibleUserId: string; // '' before the task is claimed
  number: string;
  title: string;
  leadDeputyId: string;
  session: string;
  year: number;
  phase: Phase;
  keySupervised: boolean;
  status: SuggestionStatus;
  sortKey: string; // numberSortKey, then the unit id
  assignedAt: string;
  replyDue: string; // the task's 答复期限
  /** The deadline in force (activeDeadline), NO_DUE when none (finished, returned, waiting for the deputy). */
  activeDue: string;
  /** The kind of that deadline; absent in rows written before it was kept (read as the reply's). */
  activeKind?: DeadlineKind;
  repliedAt?: string;
  closedAt?: string;
  replyClass: ReplyClass | 'none'; // the latest signed reply's class
  satisfaction: Rating | 'none';
  attitude?: Rating;
  result?: Rating;
  faceToFace: boolean;
  /** A decision the office owes: 'return' (申请退回), 'extension' (申请延期), '' none. */
  waiting: 'return' | 'extension' | '';
  searchText: string;
  /**
   * Whose work list (tasks.mine) holds the task: `unit:<id>` its unit's staff, `decide` the office
   * while a decision is owed (waiting), `rate:<deputy id>` the lead deputy while the reply waits for
   * the rating (replied).
   */
  inbox: string[];
  /** Not finished (not a terminal state) and its suggestion not archived: tasks.mine's open scope. */
  open: boolean;
  /** The date tasks.mine sorts and shows: the deadline in force, else the reply deadline. */
  mineDue: string;
  /** The task itself and what its next steps depend on, so that tasks.mine judges them from this row. */
  task: Task;
  suggestion: TaskSuggestion;
  guards: TaskGuardInputs;
}

/** What the actions of a task need of its suggestion. */
export type TaskSuggestion = Pick<Suggestion, 'id' | 'number' | 'title' | 'session' | 'leadDeputyId' | 'coSignerIds' | 'keySupervised'> &
  Partial<Pick<Suggestion, 'archivedAt'>>;

/** The facts of a task's records the workflow's guards read (src/core/task.facts.ts), kept on its row. */
export type TaskGuardInputs = TaskFacts;

/** The numbers of a Headline that add up across suggestions (rates follow from them). */
export const COUNTER_FIELDS = [
  'received',
  'assigned',
  'done',
  'onTimeDone',
  'replied',
  'faceToFace',
  'rated',
  'content', // rated with neither rating 不满意 (the numerator of 满意率)
  'attitude_satisfied',
  'attitude_basic',
  'attitude_unsatisfied',
  'result_satisfied',
  'result_basic',
  'result_unsatisfied',
  'byClass_A',
  'byClass_B',
  'byClass_C',
  'byClass_D',
  'byRole_lead',
  'byRole_co',
  'byRole_split',
  'byRole_sole',
  'byPhase_session',
  'byPhase_recess',
] as const;
export type CounterField = (typeof COUNTER_FIELDS)[number];
export type Counts = Record<CounterField, number>;

/** The statistics of one (year, session, unit) — unit '*' for the whole deployment. */
export interface StatCounter extends Counts {
  id: string; // counterId(year, session, unitId)
  year: number;
  session: string;
  unitId: string;
}

/**
 * A counter's id, also a field name (a suggestion row's contribution is keyed by it): the session, which
 * an office types, is written with `%`, `.`, `$` and `|` escaped (%25, %2E, %24, %7C), because a stored
 * field name may hold neither `.` nor a leading `$` (docs/cloudbase-emulator.md) and `|` separates the parts.
 */
export const counterId = (year: number, session: string, unitId: string) => `${year}|${escapeKeyPart(session)}|${escapeKeyPart(unitId)}`;

/** The year, session and unit a counterId was made of. */
export function parseCounterId(id: string): { year: number; session: string; unitId: string } {
  const [year, session, unitId] = id.split('|') as [string, string, string];
  return { year: Number(year), session: unescapeKeyPart(session), unitId: unescapeKeyPart(unitId) };
}

const KEY_ESCAPES: Record<string, string> = { '%': '%25', '.': '%2E', $: '%24', '|': '%7C' };
const escapeKeyPart = (text: string) => text.replace(/[%.$|]/g, (c) => KEY_ESCAPES[c]!);
const unescapeKeyPart = (text: string) => text.replace(/%(25|2E|24|7C)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
