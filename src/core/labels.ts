// Chinese labels for every enum of the model, for pages, exports and messages.
import type {
  ContactMode,
  DisclosureMode,
  Phase,
  ProposalInvitation,
  ProposalState,
  Rating,
  ReplyClass,
  Role,
  SuggestionStatus,
  TaskState,
  UnitRole,
} from './model';
import type { DeadlineKind } from './deadlines';

export const TASK_STATE_LABELS: Record<TaskState, string> = {
  assigned: '待认领',
  handling: '办理中',
  returnRequested: '申请退回中',
  returned: '已退回',
  inReview: '待审核',
  awaitingSignature: '待签发',
  replied: '已答复',
  opinionSent: '已送会办意见',
  rehandling: '重新办理',
  closed: '已办结',
};

export const SUGGESTION_STATUS_LABELS: Record<SuggestionStatus, string> = {
  pending: '待交办',
  handling: '办理中',
  replied: '已答复',
  closed: '已办结',
  disclosed: '已公开',
  archived: '已归档',
};

export const UNIT_ROLE_LABELS: Record<UnitRole, string> = {
  lead: '主办',
  co: '会办',
  split: '分办',
  sole: '独办',
};

export const REPLY_CLASS_LABELS: Record<ReplyClass, { label: string; meaning: string }> = {
  A: { label: 'A类', meaning: '已解决或基本解决' },
  B: { label: 'B类', meaning: '正在解决或列入计划' },
  C: { label: 'C类', meaning: '因条件限制以后解决' },
  D: { label: 'D类', meaning: '留作参考' },
};

export const RATING_LABELS: Record<Rating, string> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
};

export const CONTACT_MODE_LABELS: Record<ContactMode, string> = {
  meeting: '见面',
  phone: '电话',
  forum: '座谈',
  visit: '走访',
  video: '视频',
};

/** What each mode means for 面复, in the words the contact form shows beside it. */
export const CONTACT_MODE_HINTS: Record<ContactMode, string> = {
  meeting: '计为面复',
  forum: '计为面复',
  visit: '计为面复',
  phone: '不计为面复',
  video: '不计为面复',
};

export const PHASE_LABELS: Record<Phase, string> = {
  session: '会期',
  recess: '闭会期间',
};

export const ROLE_LABELS: Record<Role, string> = {
  deputy: '代表',
  handler: '承办人',
  reviewer: '处室负责人',
  leader: '单位负责人',
  coordinator: '建议办理联络员',
  admin: '系统管理员',
};

export const DISCLOSURE_MODE_LABELS: Record<DisclosureMode, string> = {
  full: '全文公开',
  summary: '摘要公开',
  none: '不公开',
};



/** A reply's class as it is printed on the letter and in the app, e.g. A类（已解决或基本解决）. */
export function replyClassLabel(cls: ReplyClass): string {
  return `${REPLY_CLASS_LABELS[cls].label}（${REPLY_CLASS_LABELS[cls].meaning}）`;
}

/** The name of each deadline, as printed beside its date. */
export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  reply: '答复期限',
  coOpinion: '会办意见期限',
  returnWindow: '申请退回期限',
  rehandling: '重新办理期限',
};

/** A deputy's proposal, as the deputy and the office read its state (docs/proposals.md). */
export const PROPOSAL_STATE_LABELS: Record<ProposalState, string> = {
  draft: '草稿',
  submitted: '待立案',
  returned: '退回修改',
  accepted: '已立案',
  rejected: '转来信处理',
};

export const INVITATION_STATE_LABELS: Record<ProposalInvitation['state'], string> = {
  invited: '待答复',
  accepted: '同意附议',
  declined: '谢绝附议',
  lapsed: '未答复',
};
