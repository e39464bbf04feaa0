// The wire contract: suggestions. Types only; see docs/architecture.md.
import type { ContactMode, DisclosureMode, Phase, Rating, ReplyClass, SuggestionStatus, TaskState, UnitRole } from '../core/model';
import type { DeadlineKind } from '../core/deadlines';
import type { PageQuery, Paged, PersonContactData } from './common';
import type { ActionName } from './names';

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
