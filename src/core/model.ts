// The model (docs/architecture.md, Model). Plain data: every timestamp is an ISO-8601 instant string (UTC, "Z"),
// every deadline is a calendar date "YYYY-MM-DD" in Asia/Shanghai meaning "by the end of that day".

export type Role = 'deputy' | 'handler' | 'reviewer' | 'leader' | 'coordinator' | 'admin';

/** A unit's role on one suggestion: 主办 / 会办(协办) / 分办 / 独办. */
export type UnitRole = 'lead' | 'co' | 'split' | 'sole';

/** When the suggestion was raised: 会期 or 闭会期间(会后). */
export type Phase = 'session' | 'recess';

export type TaskState =
  | 'assigned' // 已交办，待认领
  | 'handling' // 办理中
  | 'returnRequested' // 申请退回/调整中
  | 'returned' // 已退回（本任务结束，联络员另行交办）
  | 'inReview' // 答复稿待审核
  | 'awaitingSignature' // 待签发
  | 'replied' // 已答复，待代表评价
  | 'opinionSent' // 会办意见已送主办单位（会办任务完成）
  | 'rehandling' // 不满意后重新办理
  | 'closed'; // 已办结

/** Derived, never stored: 待交办 / 办理中 / 已答复 / 已办结 / 已公开 / 已归档. */
export type SuggestionStatus = 'pending' | 'handling' | 'replied' | 'closed' | 'disclosed' | 'archived';

/** A 已解决或基本解决, B 正在解决或列入计划, C 因条件限制以后解决, D 留作参考. */
export type ReplyClass = 'A' | 'B' | 'C' | 'D';

/** 满意 / 基本满意 / 不满意. */
export type Rating = 'satisfied' | 'basic' | 'unsatisfied';

/** 见面 / 电话 / 座谈 / 走访 / 视频. */
export type ContactMode = 'meeting' | 'phone' | 'forum' | 'visit' | 'video';

export type DisclosureMode = 'full' | 'summary' | 'none';

export interface Unit {
  id: string;
  name: string; // e.g. 市发展改革委
  departments: string[]; // 处室
  /** How the unit's reply letters are set (docs/papers.md); each part has a default. */
  letter?: UnitLetterSettings;
}

export interface UnitLetterSettings {
  /** 机关代字 of the 文号, e.g. 民建复; default <单位名称>建复. */
  code?: string;
  /** 发文机关标志 of the letterhead; default the unit's name. */
  mark?: string;
  /** Printed on paper that carries the letterhead (信笺): the space is left blank. */
  printedPaper?: boolean;
  /** Sealed (the default) or not: decides where 署名 and date stand (GB/T 9704 §7.3.5). */
  sealed?: boolean;
}

/** 公开属性 of a letter: 此件公开发布 / 此件依申请公开 / 此件不予公开. */
export type Publicity = 'public' | 'onRequest' | 'none';

/** The deployment's own settings, one document (id "office"): named once at setup, changed by the office. */
export interface OfficeSettings {
  id: 'office';
  /** Who the deployment is, e.g. 市人民政府办公室: the name of the office-wide annual summary. */
  name: string;
  /** 主送 of the office-wide annual summary, e.g. 市人大常委会. */
  reportTo?: string;
  /** 抄送 of every reply letter, e.g. 市人大常委会代表工作机构、市政府办公室. */
  letterCc?: string[];
  /** Reply letters are addressed to the co-signing deputies too, not only to the lead deputy. */
  letterToCoSigners?: boolean;
  /** 公开属性 of a letter signed before the office has decided on the suggestion's disclosure. */
  letterPublicity?: Publicity;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

export interface User {
  id: string;
  openid?: string; // bound WeChat identity; absent until bound
  name: string;
  roles: Role[];
  unitId?: string; // handlers, reviewers, leaders
  department?: string;
  phone?: string; // never disclosed
  delegation?: string; // deputies: 代表团
  createdAt: string;
  version: number;
}

export interface Disclosure {
  mode: DisclosureMode;
  summary?: string;
  reason?: string; // required when mode is none or summary: 国家秘密 / 商业秘密 / 个人信息
  decidedAt: string;
  decidedBy: string;
}

export interface Suggestion {
  id: string;
  number: string; // 建议号, unique per session
  title: string;
  content: string;
  leadDeputyId: string; // user id of the 领衔代表
  coSignerIds: string[]; // user ids of 附议代表
  delegation: string; // 代表团
  session: string; // 届次/会次, e.g. 十八届一次
  phase: Phase;
  tags: string[];
  keySupervised: boolean; // 重点督办
  createdAt: string;
  assignedAt?: string;
  disclosure?: Disclosure;
  archivedAt?: string;
  version: number;
}

export interface TaskDue {
  reply: string; // 答复期限 (3 months, extendable up to the 6-month cap)
  returnWindow: string; // 申请退回/调整 window (5 days from receipt)
  coOpinion?: string; // co role only: 会办意见期限 (1 month)
  rehandling?: string; // set after 不满意: 重新办理期限 (1 month)
}

export interface ReturnRequest {
  reason: string;
  requestedAt: string;
  requestedBy: string;
  decidedAt?: string;
  decidedBy?: string;
  approved?: boolean;
  comment?: string;
}

export interface ExtensionRequest {
  reason: string;
  requestedDue: string;
  requestedAt: string;
  requestedBy: string;
  decidedAt?: string;
  decidedBy?: string;
  approved?: boolean;
  comment?: string;
}

export interface Task {
  id: string;
  suggestionId: string;
  unitId: string;
  role: UnitRole;
  responsibleUserId?: string; // 办理责任人 (set by claim)
  requirements?: string; // 办理要求
  state: TaskState;
  round: number; // 1, then 2 after 不满意
  assignedAt: string;
  due: TaskDue;
  returnRequest?: ReturnRequest;
  extensionRequest?: ExtensionRequest;
  coOpinionOverride?: { by: string; at: string; reason: string };
  claimedAt?: string;
  submittedAt?: string;
  approvedAt?: string;
  repliedAt?: string; // the latest signed reply
  firstRepliedAt?: string; // the first signed reply (round 1): what 按时办结率 measures
  opinionSentAt?: string;
  returnedAt?: string;
  closedAt?: string;
  lastUrgedAt?: string;
  updatedAt: string;
  version: number;
}

export interface Contact {
  id: string;
  taskId: string;
  suggestionId: string;
  at: string;
  mode: ContactMode;
  place?: string;
  people: string; // who took part
  notes: string; // what was said
  faceToFace: boolean; // counts as 面复
  deputyConfirmedAt?: string; // the deputy signed/confirmed the record
  createdBy: string;
  createdAt: string;
}

export interface PersonContact {
  name: string;
  phone: string;
}

export interface Review {
  by: string;
  at: string;
  decision: 'approve' | 'reject';
  comment?: string;
}

export interface Reply {
  id: string;
  taskId: string;
  suggestionId: string;
  round: number;
  class: ReplyClass;
  text: string;
  leaderContact: PersonContact;
  handlerContact: PersonContact;
  coOpinionIds: string[]; // opinions cited in a lead reply
  /** A B or C reply's promise (回头看), turned into a Commitment when the reply is signed. */
  commitment?: { promise: string; targetDate: string };
  reviews: Review[];
  signerId?: string;
  signedAt?: string; // a reply exists for the deputy only once signed
  /** What the reply letter shows besides the reply, as it stood at signature (docs/papers.md). */
  letterFacts?: ReplyLetterFacts;
  /** The formal reply letter (答复函, .docx), made from the reply and its facts when first asked for, kept in the file store. */
  letter?: ReplyLetter;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/**
 * A signed reply's letter as it stood at signature: its number and file name, the unit's name and
 * letter settings, the deputies' and co-units' names, the reply's files and what the letter takes from
 * the suggestion (its 公开 decision included). Only the office's letter settings (抄送, addressing the
 * co-signers, the default 公开属性) are read when the file is made.
 */
export interface ReplyLetterFacts {
  number: string;
  fileName: string;
  /** The task's role (a lead reply's letter is copied to the co-units). */
  role: UnitRole;
  suggestion: Pick<Suggestion, 'number' | 'title' | 'session' | 'phase' | 'disclosure'>;
  unit: Pick<Unit, 'name' | 'letter'>;
  leadDeputyName: string;
  coSignerNames: string[];
  /** Units holding a live 会办 task of the suggestion (抄送 of a lead reply). */
  coUnitNames: string[];
  /** The reply's files, in the order they were added (附件说明). */
  attachmentNames: string[];
}

export interface ReplyLetter {
  ref: string; // the file store's reference
  fileName: string;
  number: string; // 文号, e.g. 市民政局建复〔2024〕3001号
  size: number;
  createdAt: string;
}

/** A photo or scan kept with a suggestion, a contact record (面复记录) or a reply. */
export interface Attachment {
  id: string;
  /** The suggestion the file is kept with; absent for a proposal's file (a proposal is not yet a suggestion). */
  suggestionId?: string;
  target: 'suggestion' | 'contact' | 'reply' | 'proposal';
  targetId: string; // the suggestion, contact, reply or proposal id
  taskId?: string; // the task of a contact or reply
  fileName: string;
  contentType: 'image/jpeg' | 'image/png' | 'application/pdf';
  size: number;
  ref: string; // the file store's reference
  /** Which of the record's ATTACHMENT_MAX_PER_RECORD places the file holds (unique per record while kept). */
  slot?: number;
  createdBy: string;
  createdAt: string;
  removedAt?: string;
  removedBy?: string;
  version: number;
}

/** A co-handler's written opinion to the lead unit. */
export interface Opinion {
  id: string;
  taskId: string; // the co task
  suggestionId: string;
  text: string;
  contact: PersonContact;
  createdBy: string;
  createdAt: string;
}

export interface Feedback {
  id: string;
  replyId: string;
  taskId: string;
  suggestionId: string;
  round: number;
  deputyId: string;
  attitude: Rating;
  result: Rating;
  reasons?: string; // required when either rating is 不满意
  at: string;
}

export interface ProgressEntry {
  at: string;
  by: string;
  text: string;
}

/** 落实/回头看: the promise of a B or C reply. */
export interface Commitment {
  id: string;
  replyId: string;
  taskId: string;
  suggestionId: string;
  promise: string;
  targetDate: string;
  progress: ProgressEntry[];
  doneAt?: string;
  finalAnswer?: string;
}

/** Append-only audit record of every change. */
export interface AuditEvent {
  id: string;
  at: string;
  actorId: string; // user id, or 'system' for the timer
  action: string; // the API action or system step, e.g. tasks.claim
  entity:
    | 'suggestion'
    | 'task'
    | 'reply'
    | 'contact'
    | 'feedback'
    | 'commitment'
    | 'user'
    | 'unit'
    | 'opinion'
    | 'notification'
    | 'subscription'
    | 'bindCode'
    | 'attachment'
    | 'settings'
    | 'proposal'
    | 'proposalWindow';
  entityId: string;
  suggestionId?: string;
  from?: string;
  to?: string;
  detail?: Record<string, unknown>;
}

export type NotificationStatus = 'pending' | 'sent' | 'failed' | 'noQuota';

export interface Notification {
  id: string;
  key: string; // unique: task × kind × threshold × round, so a reminder goes out once
  userId: string;
  taskId?: string;
  suggestionId?: string;
  kind: string;
  title: string;
  body: string;
  page?: string;
  /** The logical subscribe-message template ('deadline' | 'feedback' | 'urge'); configuration maps it to an id. */
  template?: string;
  /** The values the template's fields are filled from (title, unit, dueDate, stage, note …). */
  params?: Record<string, string>;
  status: NotificationStatus;
  attempts: number;
  nextAttemptAt?: string;
  /** Set by the run that claimed the row to send it, removed when it records the outcome. */
  sendingSince?: string;
  /** A deadline reminder's threshold (days before the due date, 0 the due day, negative overdue). */
  threshold?: number;
  /** The channel that carried it (or is to carry it): a WeChat subscribe message or, as the fallback, an SMS. */
  channel?: 'wechat' | 'sms';
  error?: string;
  createdAt: string;
  sentAt?: string;
  readAt?: string;
}

export interface Subscription {
  id: string;
  userId: string;
  templateId: string;
  longTerm: boolean;
  quota: number; // one-time subscriptions left
  /** The person refused this template in WeChat's prompt, or WeChat answered 43101 to a send: not asked again at taps. */
  refusedAt?: string;
  refusedBy?: 'person' | 'wechat';
  /** The SMS marker of a person (templateId 'sms'): the Beijing date of the last SMS, at most one a day. */
  smsDay?: string;
  updatedAt: string;
}

/**
 * A deputy's proposal (建议草稿): drafted on the phone, co-signed (附议) by invited deputies, submitted
 * in a phase the office opens, and accepted (立案: it becomes a Suggestion), returned for revision or
 * turned into a letter (转来信) by the coordinator. See docs/proposals.md.
 */
export type ProposalState = 'draft' | 'submitted' | 'returned' | 'accepted' | 'rejected';

export interface ProposalInvitation {
  userId: string;
  /** invited: waiting for an answer; lapsed: not answered by its date, or the proposal went in without it. */
  state: 'invited' | 'accepted' | 'declined' | 'lapsed';
  invitedAt: string;
  /** The last day to answer (Beijing date). */
  answerByDate: string;
  answeredAt?: string;
}

export interface Proposal {
  id: string;
  authorId: string;
  /** The author's 代表团 when the draft was started. */
  delegation: string;
  title: string;
  content: string;
  /** 存在的问题 */
  problem: string;
  /** 建议的措施 */
  measures: string;
  state: ProposalState;
  invitations: ProposalInvitation[];
  /** Every invited deputy (an index for the invitees' box). */
  inviteeIds: string[];
  /** The co-signers who accepted, fixed when it is submitted. */
  coSignerIds: string[];
  /** The phase it was submitted in. */
  session?: string;
  phase?: Phase;
  submittedAt?: string;
  decidedAt?: string;
  decidedBy?: string;
  /** Why it was returned or turned into a letter (the last decision). */
  reason?: string;
  /** The suggestion it became (立案) and its 建议号. */
  suggestionId?: string;
  number?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A phase the office opens for proposals: 会期 or 闭会期间, with its first and last day. */
export interface ProposalWindow {
  id: string;
  session: string;
  phase: Phase;
  startDate: string;
  endDate: string;
  /** Days an invited deputy has to answer. */
  inviteDays: number;
  /** Closed early by the office. */
  closedAt?: string;
  openedBy: string;
  openedAt: string;
  version: number;
}
