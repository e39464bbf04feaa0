// The wire contract: suggestions. Types, and the words of each action; see docs/architecture.md.
import type { FileLinkResult } from './papers';
import { said, type WordsOf } from './words';
import type { AttachmentView } from './papers';
import type { ContactMode, DisclosureMode, Phase, Rating, ReplyClass, SuggestionStatus, TaskState, UnitRole } from '../core/model';
import type { DeadlineKind } from '../core/deadlines';
import type { AnyActionName, AnyTaskActionName, CaseFilters, PageQuery, Paged, PersonContactData, SortOrder } from './common';

export interface TaskUnitBrief {
  unitId: string;
  unitName: string;
  role: UnitRole;
  roleLabel: string; // 主办 / 会办 / 分办 / 独办
}

export interface SuggestionListItem {
  id: string;
  number: string;
  title: string;
  session: string;
  status: SuggestionStatus;
  statusLabel: string;
  step: string; // what happens now, in words: 待认领 / 办理中 / 待审核 / 待签发 / 待评价 …
  leadDeputyName: string;
  keySupervised: boolean;
  units: TaskUnitBrief[];
  replyDue?: string; // the earliest open deadline in force
  deadlineLabel?: string; // its name: 答复期限 / 会办意见期限 / 重新办理期限
  daysLeftText?: string; // 剩余 12 天 / 今日到期 / 已超期 3 天
  /** replyDue has passed (超期) / is within the policy's at-risk days (临期). */
  overdue?: boolean;
  atRisk?: boolean;
  /** The dates of the deputy's steps: 交办, the first signed reply (答复), the rating that closed it (评价). */
  assignedAt?: string;
  repliedAt?: string;
  ratedAt?: string;
}

/** number: by 届次 then 建议号 (default); replyDue: nearest reply deadline first; assignedAt: by 交办 date. */
export type SuggestionSort = 'number' | 'replyDue' | 'assignedAt';

export interface ListSuggestionsData extends PageQuery, CaseFilters {
  sort?: SuggestionSort;
  order?: SortOrder; // default asc
}
export type ListSuggestionsResult = Paged<SuggestionListItem>;

export interface GetSuggestionData {
  id: string;
}

export interface ContactView {
  id: string;
  taskId: string;
  at: string;
  mode: ContactMode;
  modeLabel: string;
  place?: string;
  people: string;
  notes: string;
  faceToFace: boolean;
  deputyConfirmedAt?: string;
}

export interface ReplyView {
  id: string;
  taskId: string;
  unitName: string;
  round: number;
  class: ReplyClass;
  classLabel: string;
  text: string;
  leaderContact: PersonContactData;
  handlerContact: PersonContactData;
  signed: boolean;
  signedAt?: string;
  signerName?: string;
  /** The reply letter (答复函) made on signature; open it with letters.get. */
  letter?: { fileName: string; number: string };
  /** The draft's reviews: for the office and the units only, never for the deputy. */
  reviews?: { byName: string; at: string; decision: 'approve' | 'reject'; comment?: string }[];
  version: number;
}

export interface OpinionView {
  id: string;
  taskId: string;
  unitName: string;
  text: string;
  contact: PersonContactData;
  createdAt: string;
}

export interface FeedbackView {
  id: string;
  taskId: string;
  round: number;
  deputyName: string;
  attitude: Rating;
  result: Rating;
  attitudeLabel: string;
  resultLabel: string;
  reasons?: string;
  at: string;
}

export interface CommitmentView {
  id: string;
  taskId: string;
  promise: string;
  targetDate: string;
  progress: { at: string; byName: string; text: string }[];
  doneAt?: string;
  finalAnswer?: string;
}

/** One of a task's deadlines as a page prints it: 答复期限：2026-06-01（剩余20天）. */
export interface DeadlineLine {
  kind: DeadlineKind;
  label: string; // 答复期限 / 会办意见期限 / 重新办理期限
  date: string; // YYYY-MM-DD, Asia/Shanghai
  /** The deadline in force (the one the task works against now). */
  active: boolean;
  /** Only on the deadline in force: 剩余12天 / 今天到期 / 已超期3天, and the flags. */
  daysLeftText?: string;
  overdue?: boolean;
  atRisk?: boolean;
}

export interface TaskView {
  id: string;
  suggestionId: string;
  unitId: string;
  unitName: string;
  role: UnitRole;
  roleLabel: string;
  state: TaskState;
  stateLabel: string;
  round: number;
  responsibleName?: string;
  /** The roster's phone of the 办理责任人: for the office and the unit's staff who write the reply only (docs/security.md). */
  responsiblePhone?: string;
  /** Whether WeChat can reach the responsible person now (staff only; absent where no WeChat template is configured). */
  responsibleReach?: { label: string; unreachable: boolean };
  requirements?: string;
  assignedAt: string;
  /** The day of assignment in Beijing time (YYYY-MM-DD). */
  assignedDate: string;
  due: { reply: string; returnWindow: string; coOpinion?: string; rehandling?: string };
  /** The deadline in force (the one daysLeftText counts down to). */
  activeDeadline?: DeadlineKind;
  daysLeftText?: string;
  /** The dates a page prints, the one in force marked, with its 超期 / 临期 flags. */
  deadlines: DeadlineLine[];
  overdue: boolean;
  atRisk: boolean;
  /** The policy's words and dates for the unit's requests. */
  policy: {
    /** The latest reply date an extension may reach (交办之日起 capMonths 个月). */
    extensionCap: string;
    extensionNote: string; // 现答复期限为…；延期须经交办机关同意，最迟不超过…
    returnNote: string; // 申请退回须在…前提出，由交办机关决定。
  };
  returnRequest?: { reason: string; requestedAt: string; decidedAt?: string; approved?: boolean; comment?: string };
  extensionRequest?: {
    reason: string;
    requestedDue: string;
    requestedAt: string;
    decidedAt?: string;
    approved?: boolean;
    comment?: string;
  };
  version: number;
  /** Actions the caller may take on this task now (the core's transition table decides). */
  allowedActions: AnyTaskActionName[];
  /** The caller's next steps that something else must come before, with the reason in words. */
  blockedActions: { action: AnyTaskActionName; label: string; reason: string }[];
  /** What the task waits for before its next step, for everyone who looks at it (e.g. a 面复 record before 签发). */
  waitingFor?: string;
  /** An urge of this task may carry the coordinator's waiver of the missing co-opinions. */
  canOverrideCoOpinions: boolean;
}

export interface EventView {
  at: string;
  actorName: string;
  action: string;
  actionLabel: string;
  from?: string;
  to?: string;
}

export interface SuggestionDetail {
  id: string;
  number: string;
  title: string;
  content: string;
  session: string;
  delegation: string;
  phase: Phase;
  phaseLabel: string;
  tags: string[];
  keySupervised: boolean;
  status: SuggestionStatus;
  statusLabel: string;
  leadDeputyId: string;
  leadDeputyName: string;
  coSignerNames: string[];
  assignedAt?: string;
  /** The day of assignment in Beijing time (YYYY-MM-DD). */
  assignedDate?: string;
  disclosure?: { mode: DisclosureMode; summary?: string; reason?: string; decidedAt: string };
  archivedAt?: string;
  version: number;
  tasks: TaskView[];
  replies: ReplyView[]; // a deputy sees signed replies only
  opinions: OpinionView[]; // office staff only
  contacts: ContactView[];
  feedback: FeedbackView[];
  commitments: CommitmentView[];
  events: EventView[]; // office staff only
  /** Photos and scans of the suggestion, its contact records and its replies, as the caller may see them. */
  attachments?: AttachmentView[];
  /** Suggestion-level actions the caller may take now: suggestions.assign / disclose / archive. */
  allowedActions: AnyActionName[];
}

export interface CreateSuggestionData {
  number: string;
  title: string;
  content: string;
  leadDeputyId: string;
  coSignerIds?: string[];
  delegation: string;
  session: string;
  phase: Phase;
  tags?: string[];
  keySupervised?: boolean;
}
export interface CreatedResult {
  id: string;
}

export interface AssignUnitData {
  unitId: string;
  role: UnitRole;
  requirements?: string;
}
export interface AssignSuggestionData {
  suggestionId: string;
  version: number;
  units: AssignUnitData[];
  assignedDate?: string; // 交办日期, default today
}
export interface AssignSuggestionResult {
  taskIds: string[];
}

export type ImportFormat = 'csv' | 'xlsx';
/**
 * What to do with a deputy name of the file that nobody on the roster has (`name` as the answer's
 * `unknownDeputies` gives it): take it as this existing deputy, or register a new deputy of that name.
 */
export type ImportDeputyDecision = { name: string; userId: string } | { name: string; create: true };
/**
 * What to do with a unit name of the file that no unit on the roster has (`name` as the answer's
 * `unknownUnits` gives it): take it as this existing unit, or register a new unit of that name.
 */
export type ImportUnitDecision = { name: string; unitId: string } | { name: string; create: true };
/** suggestions.importTemplate: the 交办清单 template as an .xlsx workbook (the default) or a CSV text. */
export interface ImportTemplateData {
  format?: ImportFormat;
}
/** The template kept in storage and answered as a short-lived link made for the caller (no file inside a call). */
export interface ImportTemplateFile extends FileLinkResult {
  mimeType: string;
}
export interface ImportSuggestionsData {
  /** The list uploaded to storage first (wx.cloud.uploadFile, or the local gateway's POST /upload). */
  fileID: string;
  format: ImportFormat;
  /** One per unknown name; sent again, unchanged, with every call of the same import. */
  decisions?: ImportDeputyDecision[];
  /** One per unknown unit name; sent again, unchanged, with every call of the same import. */
  unitDecisions?: ImportUnitDecision[];
}
/** A roster unit whose name is near an unknown one: one character off, 市 missing, or the full name of a short one. */
export interface ImportNearUnit {
  unitId: string;
  name: string;
}
export interface ImportUnknownUnit {
  name: string; // normalised: spaces dropped, full-width made half-width
  lines: number[];
  near: ImportNearUnit[]; // at most 3, the closest first
}
/** A roster deputy whose name is one character away from an unknown name (or the same, in another 代表团). */
export interface ImportNearDeputy {
  userId: string;
  name: string;
  delegation?: string;
}
export interface ImportUnknownDeputy {
  name: string; // normalised: spaces dropped, full-width made half-width
  lines: number[]; // the rows where it appears (the header is row 1)
  delegations: string[]; // the 代表团 of those rows
  near: ImportNearDeputy[]; // at most 3, those of the same 代表团 first
}
/** A name written otherwise in the file and read as `name` (e.g. "王建 华" as 王建华). */
export interface ImportRenamedDeputy {
  written: string;
  name: string;
  lines: number[];
}
export interface ImportSuggestionsResult {
  created: number;
  unchanged: number; // rows already imported before this import began (same 届次 + 建议号, same content)
  numbers: string[]; // 建议号 created by this call
  /** Rows still to write: the import continues when the app calls again with the same file (0: done). */
  remaining: number;
  /**
   * Present when the file names deputies nobody on the roster has and no decision covers them:
   * nothing was written; call again with the same file and a decision for each.
   */
  unknownDeputies?: ImportUnknownDeputy[];
  /** Present, the same way, when the file names units no unit on the roster has (the 主办/会办/分办 columns). */
  unknownUnits?: ImportUnknownUnit[];
  /** Present when some names were written with spaces or full-width characters. */
  renamed?: ImportRenamedDeputy[];
}

export interface DiscloseSuggestionData {
  suggestionId: string;
  version: number;
  mode: DisclosureMode;
  summary?: string; // required for summary
  reason?: string; // required for summary or none: 国家秘密 / 商业秘密 / 个人信息
}
export interface ArchiveSuggestionData {
  suggestionId: string;
  version: number;
}
export interface SuggestionVersionResult {
  id: string;
  version: number;
}

/** One file of an archived suggestion: an attachment or a reply letter. */
export interface ArchivedFile {
  kind: 'attachment' | 'letter';
  kindLabel: string; // 附件 / 答复函
  fileName: string;
  size: number;
  /** The record it belongs with: 建议, 沟通记录, 答复. */
  recordLabel: string;
}

export interface ArchiveSuggestionResult extends SuggestionVersionResult {
  /** The files kept with the archived suggestion (答复函 and attachments), also listed in the archive's audit event. */
  files: ArchivedFile[];
}

/** The suggestions actions: each one's request data and result. */
export interface SuggestionActions {
  'suggestions.import': { data: ImportSuggestionsData; result: ImportSuggestionsResult };
  'suggestions.importTemplate': { data: ImportTemplateData; result: ImportTemplateFile };
  'suggestions.create': { data: CreateSuggestionData; result: CreatedResult };
  'suggestions.assign': { data: AssignSuggestionData; result: AssignSuggestionResult };
  'suggestions.list': { data: ListSuggestionsData; result: ListSuggestionsResult };
  'suggestions.get': { data: GetSuggestionData; result: SuggestionDetail };
  'suggestions.disclose': { data: DiscloseSuggestionData; result: SuggestionVersionResult };
  'suggestions.archive': { data: ArchiveSuggestionData; result: ArchiveSuggestionResult };
}

/** The words of each of them (docs/architecture.md, Adding an action). */
export const SUGGESTION_ACTIONS = {
  'suggestions.import': said('导入交办清单'),
  'suggestions.importTemplate': said('下载交办清单模板'),
  'suggestions.create': said('登记建议'),
  'suggestions.assign': said('交办'),
  'suggestions.list': said('查看建议'),
  'suggestions.get': said('查看建议'),
  'suggestions.disclose': said('公开决定'),
  'suggestions.archive': said('归档'),
} as const satisfies WordsOf<SuggestionActions>;
