// The API contract of DESIGN.md §7: every action's name, request data and response data.
// Types only — the mini-program (src/api) and the server (src/server/api.ts) both read this file.
// Dates: `...Date` fields are calendar dates "YYYY-MM-DD" (Asia/Shanghai); `...At` fields are ISO instants.

import type {
  ContactMode,
  DisclosureMode,
  Phase,
  Rating,
  ReplyClass,
  Role,
  SuggestionStatus,
  TaskState,
  UnitRole,
} from './model';
import type { Headline } from './metrics';
import type { DeadlineKind } from './deadlines';

import type { LedgerExportData, LedgerExportFile } from './contract.coordinator';

export type { ApiError, ApiRequest, ApiResponse, ErrorCode } from './errors';
export * from './contract.coordinator';

// ---------- shared pieces ----------

export interface PageQuery {
  page?: number; // 1-based, default 1
  pageSize?: number; // default 20, at most 100
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PersonContactData {
  name: string;
  phone: string;
}

/** Every write on a versioned record names the version the caller saw; a stale one gives CONFLICT. */
export interface TaskRef {
  taskId: string;
  version: number;
}

export type Empty = Record<string, never>;

// ---------- identity ----------

export interface MeUser {
  id: string;
  name: string;
  roles: Role[];
  roleLabels: string[];
  unitId?: string;
  unitName?: string;
}
export interface MeResult {
  user: MeUser | null;
  bound: boolean;
  /** Subscribe-message template ids the app asks the user to accept (at most 3 a tap). */
  subscribeTemplateIds?: string[];
}
export interface BindUserData {
  code: string;
}

// ---------- suggestions ----------

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
  replyDue?: string; // the earliest open reply deadline
  daysLeftText?: string; // 剩余 12 天 / 今日到期 / 已超期 3 天
  /** The dates of the deputy's steps: 交办, the first signed reply (答复), the rating that closed it (评价). */
  assignedAt?: string;
  repliedAt?: string;
  ratedAt?: string;
}

export interface ListSuggestionsData extends PageQuery {
  status?: SuggestionStatus;
  keyword?: string;
  session?: string;
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
  reviews: { byName: string; at: string; decision: 'approve' | 'reject'; comment?: string }[];
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
  requirements?: string;
  assignedAt: string;
  due: { reply: string; returnWindow: string; coOpinion?: string; rehandling?: string };
  /** The deadline in force (the one daysLeftText counts down to). */
  activeDeadline?: DeadlineKind;
  daysLeftText?: string;
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
  allowedActions: ActionName[];
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
  /** Suggestion-level actions the caller may take now: suggestions.assign / disclose / archive. */
  allowedActions: ActionName[];
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
export interface ImportSuggestionsData {
  file: string; // base64 of the file's bytes
  format: ImportFormat;
}
export interface ImportSuggestionsResult {
  created: number;
  unchanged: number; // rows already imported before (same 届次 + 建议号, same content)
  numbers: string[];
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

// ---------- tasks ----------

export interface TaskListItem {
  id: string;
  suggestionId: string;
  number: string;
  title: string;
  unitName: string;
  role: UnitRole;
  roleLabel: string;
  state: TaskState;
  stateLabel: string;
  round: number;
  replyDue: string;
  daysLeftText?: string;
  keySupervised: boolean;
  version: number;
  allowedActions: ActionName[];
}
export interface MyTasksData {
  scope?: 'open' | 'all';
}
export interface MyTasksResult {
  items: TaskListItem[];
}

export interface ClaimTaskData extends TaskRef {
  responsibleUserId?: string; // default: the caller
}
export interface RequestReturnData extends TaskRef {
  reason: string;
}
export interface DecideReturnData extends TaskRef {
  approve: boolean;
  comment?: string;
}
export interface RequestExtensionData extends TaskRef {
  reason: string;
  requestedDue: string;
}
export interface DecideExtensionData extends TaskRef {
  approve: boolean;
  comment?: string;
}
export interface LogContactData {
  taskId: string;
  at: string;
  mode: ContactMode;
  place?: string;
  people: string;
  notes: string;
  faceToFace: boolean;
}
export interface SaveDraftData extends TaskRef {
  class: ReplyClass;
  text: string;
  leaderContact: PersonContactData;
  handlerContact: PersonContactData;
  coOpinionIds?: string[];
  /** A B or C reply is a promise: what will be done and by when (回头看). */
  commitment?: { promise: string; targetDate: string };
}
export interface ReviewDraftData extends TaskRef {
  decision: 'approve' | 'reject';
  comment?: string;
}
export interface SignReplyData extends TaskRef {
  /** A lead reply without every co-opinion needs the coordinator's recorded override first. */
  note?: string;
}
export interface SubmitOpinionData extends TaskRef {
  text: string;
  contact: PersonContactData;
}
export interface UrgeTaskData {
  taskId: string;
  message?: string;
  /** 督办 of a lead task held up by missing co-opinions: the coordinator's recorded override. */
  overrideCoOpinions?: { reason: string };
}
export interface TaskResult {
  task: TaskView;
}
export interface IdResult {
  id: string;
}

// ---------- deputies ----------

export interface SubmitFeedbackData {
  taskId: string;
  attitude: Rating;
  result: Rating;
  reasons?: string; // required when either rating is 不满意
  coSignerViews?: string; // a joint suggestion: the co-signers' views gathered by the lead deputy
}
export interface ConfirmContactData {
  contactId: string;
}
export interface CommitmentProgressData {
  commitmentId: string;
  text: string;
  done?: boolean;
  finalAnswer?: string; // required when done
}

// ---------- ledger, statistics, report ----------

export interface LedgerQuery extends PageQuery {
  session?: string;
  year?: number;
  unitId?: string; // scope: one unit; default the whole deployment (a unit's staff: their unit)
  status?: SuggestionStatus;
}
export interface LedgerRow {
  suggestionId: string;
  taskId: string;
  number: string;
  title: string;
  leadDeputyName: string;
  unitName: string;
  roleLabel: string;
  stateLabel: string;
  responsibleName?: string;
  assignedAt: string;
  replyDue: string;
  repliedAt?: string;
  replyClass?: ReplyClass;
  faceToFace: boolean;
  attitudeLabel?: string;
  resultLabel?: string;
  overdue: boolean;
  closedAt?: string;
}
export type LedgerListResult = Paged<LedgerRow>;
export interface LedgerExportResult {
  filename: string;
  mimeType: string;
  content: string; // CSV text (UTF-8 with BOM)
}

export interface StatsQuery {
  year?: number;
  session?: string;
  unitId?: string;
}
/** The named statistics of the core's metrics (rates are fractions 0..1, null when nothing to count). */
export interface StatsSummary extends Headline {
  scope: { unitId?: string; unitName: string; year?: number; session?: string };
  today: string;
  overdue: number; // 超期 open tasks
  atRisk: number; // 临期 open tasks
  perUnit: ({ unitId: string; unitName: string } & Headline)[];
}
export interface AnnualReportData {
  year: number;
  unitId?: string;
}
export interface AnnualReportResult {
  year: number;
  title: string;
  text: string; // the summary in the form of the office's report, section 一
  summary: string; // the paragraph of totals and rates
  /** Suggestions whose reply was A or B (吸收采纳), lead deputy first. */
  adopted: { suggestionId: string; number: string; title: string; deputies: string[]; class: ReplyClass; classLabel: string }[];
  stats: StatsSummary;
}

// ---------- notifications ----------

export interface SubscriptionResultData {
  results: { templateId: string; accepted: boolean; longTerm?: boolean }[];
}
export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  page?: string;
  status: string;
  createdAt: string;
  readAt?: string;
}
export interface MyNotificationsData {
  unreadOnly?: boolean;
}
export interface MyNotificationsResult {
  items: NotificationView[];
}

// ---------- roster ----------

export interface UnitView {
  id: string;
  name: string;
  departments: string[];
}
export interface UpsertUnitData {
  id?: string;
  name: string;
  departments?: string[];
}
export interface UserView {
  id: string;
  name: string;
  roles: Role[];
  roleLabels: string[];
  unitId?: string;
  unitName?: string;
  department?: string;
  phone?: string; // office staff only
  delegation?: string;
  bound: boolean;
  version: number;
}
export interface ListUsersData {
  role?: Role;
  unitId?: string;
}
export interface UpsertUserData {
  id?: string;
  version?: number; // required when updating
  name: string;
  roles: Role[];
  unitId?: string;
  department?: string;
  phone?: string;
  delegation?: string;
}
export interface IssueBindCodeData {
  userId: string;
}
export interface BindCodeResult {
  code: string;
  expiresAt: string;
}

// ---------- the public view (no login) ----------

export interface PublicListData extends PageQuery {
  keyword?: string;
  session?: string;
}
export interface PublicSuggestionItem {
  id: string;
  number: string;
  title: string;
  session: string;
  leadDeputyName: string;
  disclosedAt: string;
}
export type PublicListResult = Paged<PublicSuggestionItem>;
export interface PublicGetData {
  id: string;
}
export interface PublicSuggestionDetail extends PublicSuggestionItem {
  content: string; // the full text, or the summary when only a summary is disclosed
  delegation: string;
  disclosureMode: DisclosureMode;
  replies: { unitName: string; round: number; class: ReplyClass; classLabel: string; text: string; signedAt: string }[];
  feedback: { round: number; attitudeLabel: string; resultLabel: string }[];
}

// ---------- the action map ----------

export interface ActionMap {
  me: { data: Empty; result: MeResult };
  'users.bind': { data: BindUserData; result: MeResult };
  'suggestions.import': { data: ImportSuggestionsData; result: ImportSuggestionsResult };
  'suggestions.create': { data: CreateSuggestionData; result: CreatedResult };
  'suggestions.assign': { data: AssignSuggestionData; result: AssignSuggestionResult };
  'suggestions.list': { data: ListSuggestionsData; result: ListSuggestionsResult };
  'suggestions.get': { data: GetSuggestionData; result: SuggestionDetail };
  'tasks.mine': { data: MyTasksData; result: MyTasksResult };
  'tasks.claim': { data: ClaimTaskData; result: TaskResult };
  'tasks.requestReturn': { data: RequestReturnData; result: TaskResult };
  'tasks.decideReturn': { data: DecideReturnData; result: TaskResult };
  'tasks.requestExtension': { data: RequestExtensionData; result: TaskResult };
  'tasks.decideExtension': { data: DecideExtensionData; result: TaskResult };
  'tasks.logContact': { data: LogContactData; result: IdResult };
  'tasks.saveDraft': { data: SaveDraftData; result: TaskResult };
  'tasks.submitDraft': { data: TaskRef; result: TaskResult };
  'tasks.review': { data: ReviewDraftData; result: TaskResult };
  'tasks.sign': { data: SignReplyData; result: TaskResult };
  'tasks.submitOpinion': { data: SubmitOpinionData; result: TaskResult };
  'tasks.urge': { data: UrgeTaskData; result: { notified: number; task: TaskView } };
  'feedback.submit': { data: SubmitFeedbackData; result: TaskResult };
  'commitments.progress': { data: CommitmentProgressData; result: IdResult };
  'suggestions.disclose': { data: DiscloseSuggestionData; result: SuggestionVersionResult };
  'suggestions.archive': { data: ArchiveSuggestionData; result: SuggestionVersionResult };
  'ledger.list': { data: LedgerQuery; result: LedgerListResult };
  'ledger.export': { data: LedgerExportData; result: LedgerExportFile };
  'stats.summary': { data: StatsQuery; result: StatsSummary };
  'report.annual': { data: AnnualReportData; result: AnnualReportResult };
  'subscriptions.record': { data: SubscriptionResultData; result: { recorded: number } };
  'notifications.mine': { data: MyNotificationsData; result: MyNotificationsResult };
  'units.list': { data: Empty; result: { items: UnitView[] } };
  'units.upsert': { data: UpsertUnitData; result: UnitView };
  'users.list': { data: ListUsersData; result: { items: UserView[] } };
  'users.upsert': { data: UpsertUserData; result: UserView };
  'users.issueBindCode': { data: IssueBindCodeData; result: BindCodeResult };
  'contacts.confirm': { data: ConfirmContactData; result: IdResult };
  'public.list': { data: PublicListData; result: PublicListResult };
  'public.get': { data: PublicGetData; result: PublicSuggestionDetail };
}

export type ActionName = keyof ActionMap;
export type ActionData<A extends ActionName> = ActionMap[A]['data'];
export type ActionResult<A extends ActionName> = ActionMap[A]['result'];

/** Every action name of DESIGN.md §7, in its order. */
export const ACTION_NAMES = [
  'me',
  'users.bind',
  'suggestions.import',
  'suggestions.create',
  'suggestions.assign',
  'suggestions.list',
  'suggestions.get',
  'tasks.mine',
  'tasks.claim',
  'tasks.requestReturn',
  'tasks.decideReturn',
  'tasks.requestExtension',
  'tasks.decideExtension',
  'tasks.logContact',
  'tasks.saveDraft',
  'tasks.submitDraft',
  'tasks.review',
  'tasks.sign',
  'tasks.submitOpinion',
  'tasks.urge',
  'feedback.submit',
  'commitments.progress',
  'suggestions.disclose',
  'suggestions.archive',
  'ledger.list',
  'ledger.export',
  'stats.summary',
  'report.annual',
  'subscriptions.record',
  'notifications.mine',
  'units.list',
  'units.upsert',
  'users.list',
  'users.upsert',
  'users.issueBindCode',
  'contacts.confirm',
  'public.list',
  'public.get',
] as const satisfies readonly ActionName[];

