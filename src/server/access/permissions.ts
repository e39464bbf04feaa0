// Who may do what: each role's reach and each action's actors, in one table. The use cases
// authorize by it (authorize), and the views build from it what the pages offer: the actions of a
// task (allowedActions, blockedActions), of a suggestion, and the home page's capabilities.
// A page never decides a permission; it shows what these functions return.
//
// Reach (over what a role acts):
// - deputy (代表): the suggestions he or she leads or co-signs; only the lead deputy rates.
// - handler, reviewer, leader (承办人、处室负责人、单位负责人): their own unit's tasks. A department
//   (处室) narrows who hears of a reviewer's notice, not what a reviewer may do in the unit.
// - coordinator, admin: the office, every suggestion of the deployment. Both see and supervise
//   everything (read every suggestion, urge, the ledger and statistics) and keep the roster
//   (units, users, bind codes). The workflow decisions are the coordinator's (联络员) alone:
//   register, import and assign suggestions, decide returns and extensions, waive missing
//   co-opinions, disclose and archive.
import { ACTION_WORDS, type ActionName, type Capability, type TaskActionName } from '../../contract';
import { ACTION_BUTTON_LABELS, TASK_ACTION_NAMES } from '../../contract/labels';
import { AppError } from '../../core/errors';
import { editable } from '../../core/proposals';
import type { Proposal, Role, Suggestion, Task, User } from '../../core/model';
import {
  actionAvailability,
  EXPLAINED_GUARDS,
  recordAvailability,
  type ActionAvailability,
  type WorkflowActionType,
  type WorkflowContext,
} from '../../core/workflow';

export const OFFICE_ROLES: readonly Role[] = ['coordinator', 'admin'];
export const UNIT_STAFF_ROLES: readonly Role[] = ['handler', 'reviewer', 'leader'];

/** Over what a grant reaches: the whole deployment, the task's own unit, the suggestion's deputies. */
export type Reach = 'office' | 'unit' | 'deputy' | 'leadDeputy' | 'author' | 'invitee' | 'anyone';

interface Grant {
  reach: Reach;
  roles: readonly Role[];
}

/** What a caller may be authorized for: every user action, and the override carried by an urge. */
export type Permission = ActionName | 'tasks.overrideCoOpinions';

const office = (roles: readonly Role[] = OFFICE_ROLES): Grant => ({ reach: 'office', roles });
const unit = (...roles: Role[]): Grant => ({ reach: 'unit', roles });
const ANYONE: Grant = { reach: 'anyone', roles: ['deputy', 'handler', 'reviewer', 'leader', 'coordinator', 'admin'] };
const COORDINATOR = office(['coordinator']);
const UNIT_STAFF = unit('handler', 'reviewer', 'leader');

interface Rule {
  grants: readonly Grant[];
  /** Why not, for a caller none of the grants covers. */
  refusal: string;
}

const rule = (refusal: string, ...grants: Grant[]): Rule => ({ grants, refusal });

/**
 * A task action whose data is the task and the version seen and which only moves the task by the
 * workflow table: its row here is its permission, and use-cases/index.ts registers the one use case
 * every such action shares (tasks/plain-transition.ts).
 */
const transition = (refusal: string, ...grants: Grant[]) => ({ grants, refusal, plainTransition: true as const });

/** The permissions a bound user needs (me, users.bind and public.* need no binding). */
export type UserPermission = Exclude<Permission, 'me' | 'users.bind' | 'users.firstAdmin' | 'public.list' | 'public.get'>;

/** Every action a bound user calls, with its actors. */
export const RULES = {
  'suggestions.import': rule('只有建议办理联络员可以导入交办清单', COORDINATOR),
  'suggestions.importTemplate': rule('只有建议办理联络员可以导入交办清单', COORDINATOR),
  'suggestions.create': rule('只有建议办理联络员可以登记建议', COORDINATOR),
  'suggestions.assign': rule('只有建议办理联络员可以交办建议', COORDINATOR),
  'suggestions.disclose': rule('只有建议办理联络员可以决定公开', COORDINATOR),
  'suggestions.archive': rule('只有建议办理联络员可以归档', COORDINATOR),
  'suggestions.list': rule('请先绑定身份', ANYONE),
  'suggestions.get': rule('请先绑定身份', ANYONE),
  'tasks.mine': rule('请先绑定身份', ANYONE),
  'tasks.claim': rule('只有本单位的相关人员可以办理此事项', UNIT_STAFF),
  'tasks.requestReturn': rule('只有本单位的相关人员可以办理此事项', UNIT_STAFF),
  'tasks.requestExtension': rule('只有本单位的相关人员可以办理此事项', UNIT_STAFF),
  'tasks.logContact': rule('只有本单位的相关人员可以办理此事项', UNIT_STAFF),
  'tasks.saveDraft': rule('只有本单位的承办人或处室负责人可以起草答复', unit('handler', 'reviewer')),
  'tasks.submitDraft': transition('只有本单位的承办人或处室负责人可以提交答复稿', unit('handler', 'reviewer')),
  'tasks.withdrawDraft': transition('只有本单位的承办人可以撤回答复稿', unit('handler')),
  'tasks.submitOpinion': rule('只有本单位的承办人或处室负责人可以送会办意见', unit('handler', 'reviewer')),
  'tasks.review': rule('只有本单位处室负责人可以审核答复稿', unit('reviewer')),
  'tasks.sign': rule('答复须由本单位负责人签发', unit('leader')),
  'tasks.decideReturn': rule('只有建议办理联络员可以审批此事项', COORDINATOR),
  'tasks.decideExtension': rule('只有建议办理联络员可以审批此事项', COORDINATOR),
  'tasks.overrideCoOpinions': rule('只有建议办理联络员可以免除会办意见', COORDINATOR),
  'tasks.urge': rule('只有建议办理联络员或管理员可以催办', office()),
  'feedback.submit': rule('只有领衔代表可以评价办理情况（附议代表的意见由领衔代表汇总）', { reach: 'leadDeputy', roles: ['deputy'] }),
  'contacts.confirm': rule('只有提出建议的代表可以确认面复记录', { reach: 'deputy', roles: ['deputy'] }),
  'commitments.progress': rule('只有承办单位可以登记落实进展', UNIT_STAFF),
  'ledger.list': rule('只有办理人员可以查看台账和统计', office(), UNIT_STAFF),
  'ledger.export': rule('只有办理人员可以查看台账和统计', office(), UNIT_STAFF),
  'stats.summary': rule('只有办理人员可以查看台账和统计', office(), UNIT_STAFF),
  'stats.years': rule('只有办理人员可以查看台账和统计', office(), UNIT_STAFF),
  'report.annual': rule('只有办理人员可以查看台账和统计', office(), UNIT_STAFF),
  'subscriptions.record': rule('请先绑定身份', ANYONE),
  'notifications.mine': rule('请先绑定身份', ANYONE),
  'notifications.undelivered': rule('只有建议办理联络员或管理员可以查看未送达的提醒', office()),
  'units.list': rule('请先绑定身份', ANYONE),
  'units.upsert': rule('只有管理员或联络员可以维护单位', office()),
  'office.settings': rule('只有管理员或联络员可以查看本机关设置', office()),
  'office.update': rule('只有管理员或联络员可以修改本机关设置', office()),
  'users.list': rule('只有办理人员可以查看人员名单', office(), UNIT_STAFF),
  'users.upsert': rule('只有管理员或联络员可以维护人员', office()),
  'users.issueBindCode': rule('只有管理员或联络员可以发放绑定码', office()),
  'users.bindCodes': rule('只有管理员或联络员可以查看绑定码', office()),
  'users.revokeBindCode': rule('只有管理员或联络员可以收回绑定码', office()),
  'users.bindLocks': rule('只有管理员或联络员可以查看绑定锁定', office()),
  'users.liftBindLock': rule('只有管理员或联络员可以解除绑定锁定', office()),
  // Papers: who sees the record sees its letter and files (src/server/papers); these grants are the outer gate.
  'letters.get': rule('请先绑定身份', ANYONE),
  'attachments.list': rule('请先绑定身份', ANYONE),
  'attachments.add': rule('您不能添加附件', office(), UNIT_STAFF, { reach: 'deputy', roles: ['deputy'] }),
  'attachments.remove': rule('只有上传者或建议办理联络员可以删除附件', office(), UNIT_STAFF, { reach: 'deputy', roles: ['deputy'] }),
  'users.import': rule('只有管理员或联络员可以导入代表名单', office()),
  'notifications.read': rule('请先绑定身份', ANYONE),
  // Proposals (docs/proposals.md): only the author edits, invitees answer, the coordinator decides.
  'proposals.save': rule('只有起草建议的代表可以修改建议', { reach: 'author', roles: ['deputy'] }),
  'proposals.invite': rule('只有起草建议的代表可以邀请附议', { reach: 'author', roles: ['deputy'] }),
  'proposals.submit': rule('只有起草建议的代表可以提交建议', { reach: 'author', roles: ['deputy'] }),
  'proposals.respond': rule('只有被邀请的代表可以答复附议邀请', { reach: 'invitee', roles: ['deputy'] }),
  'proposals.list': rule('请先绑定身份', ANYONE),
  'proposals.get': rule('请先绑定身份', ANYONE),
  'proposals.decide': rule('只有建议办理联络员可以立案审查', COORDINATOR),
  'proposals.window': rule('只有建议办理联络员可以设置建议提交期', COORDINATOR),
} satisfies Record<UserPermission, Rule>;

/** The task actions that are plain transitions (transition(...) above). */
export type PlainTransition = { [P in keyof typeof RULES]: (typeof RULES)[P] extends { plainTransition: true } ? P : never }[keyof typeof RULES];

export const PLAIN_TRANSITIONS = (Object.keys(RULES) as (keyof typeof RULES)[]).filter((p) => 'plainTransition' in RULES[p]) as PlainTransition[];

const hasAny = (user: User, roles: readonly Role[]) => roles.some((role) => user.roles.includes(role));

/** The object an action is taken on: a task (its unit), a suggestion (its deputies), or nothing. */
export interface Target {
  task?: Pick<Task, 'unitId'>;
  /** A unit named by the request (a ledger of one unit, a roster of one unit). */
  unitId?: string;
  suggestion?: Pick<Suggestion, 'leadDeputyId' | 'coSignerIds'>;
  proposal?: Pick<Proposal, 'authorId' | 'inviteeIds'>;
}

function reaches(user: User, grant: Grant, target: Target | undefined): boolean {
  if (!hasAny(user, grant.roles)) return false;
  switch (grant.reach) {
    case 'anyone':
    case 'office':
      return true;
    case 'unit': {
      if (user.unitId === undefined) return false;
      const unitId = target?.task?.unitId ?? target?.unitId;
      return unitId === undefined || unitId === user.unitId;
    }
    case 'deputy':
      return !target?.suggestion || target.suggestion.leadDeputyId === user.id || target.suggestion.coSignerIds.includes(user.id);
    case 'leadDeputy':
      return !target?.suggestion || target.suggestion.leadDeputyId === user.id;
    case 'author':
      return !target?.proposal || target.proposal.authorId === user.id;
    case 'invitee':
      return !target?.proposal || target.proposal.inviteeIds.includes(user.id);
  }
}

/**
 * May the caller take this action on the target? Without a target: on anything at all within his
 * or her reach (what capabilities and menus ask).
 */
export function may(user: User, permission: UserPermission, target?: Target): boolean {
  return (RULES[permission] as Rule).grants.some((grant) => reaches(user, grant, target));
}

/** Refuse (FORBIDDEN, with the action's own words) unless the caller may take the action. */
export function authorize(user: User, permission: UserPermission, target?: Target, refusal?: string): void {
  if (!may(user, permission, target)) throw new AppError('FORBIDDEN', refusal ?? RULES[permission].refusal);
}

// ---- Roles over roles: who may change whom ----
//
// admin (管理员) > coordinator (联络员) > everyone else. Only an administrator grants or removes the
// roles of the office (coordinator, admin) and issues the bind codes of people who hold them; no one
// changes a person who holds a role above his or her own; the last administrator with a WeChat
// bound keeps the role (see use-cases/upsert-user.ts).

/** The rank of each role: a person's rank is that of his or her highest role. */
export const ROLE_RANK: Record<Role, number> = { deputy: 1, handler: 1, reviewer: 1, leader: 1, coordinator: 2, admin: 3 };

/** The roles only an administrator grants, removes, or issues bind codes for. */
export const ADMIN_GRANTED_ROLES: readonly Role[] = ['coordinator', 'admin'];

export const rankOf = (roles: readonly Role[]): number => Math.max(0, ...roles.map((role) => ROLE_RANK[role]));

/**
 * May the actor give the target (an existing person, or none for a new one) these roles? Refuses
 * with FORBIDDEN and the reason in words.
 */
export function authorizeRoleChange(actor: User, current: Pick<User, 'roles'> | undefined, next: readonly Role[]): void {
  if (current && rankOf(current.roles) > rankOf(actor.roles)) throw new AppError('FORBIDDEN', '不能修改角色高于自己的人员');
  const before = new Set(current?.roles ?? []);
  const after = new Set(next);
  const touched = ADMIN_GRANTED_ROLES.filter((role) => before.has(role) !== after.has(role));
  if (touched.length > 0 && !actor.roles.includes('admin')) throw new AppError('FORBIDDEN', '只有管理员可以设置或取消联络员、管理员');
}

/** May the actor issue a bind code for this person? (Whoever binds it acts with the person's roles.) */
export function authorizeBindCodeFor(actor: User, target: Pick<User, 'roles'>): void {
  authorize(actor, 'users.issueBindCode');
  if (rankOf(target.roles) > rankOf(actor.roles)) throw new AppError('FORBIDDEN', '不能为角色高于自己的人员发放绑定码');
  if (ADMIN_GRANTED_ROLES.some((role) => target.roles.includes(role)) && !actor.roles.includes('admin')) {
    throw new AppError('FORBIDDEN', '只有管理员可以为联络员、管理员发放绑定码');
  }
}

// ---- Reach for reading ----

/** The office (联络员, 管理员): sees the whole deployment. */
export const isOffice = (user: User): boolean => hasAny(user, OFFICE_ROLES);

/** Staff of a handling unit (handler, reviewer, leader with a unit). */
export const isUnitStaff = (user: User): user is User & { unitId: string } => user.unitId !== undefined && hasAny(user, UNIT_STAFF_ROLES);

export const isStaffOf = (user: User, unitId: string): boolean => isUnitStaff(user) && user.unitId === unitId;

export const isDeputy = (user: User): boolean => user.roles.includes('deputy');

export const isDeputyOf = (user: User, suggestion: Pick<Suggestion, 'leadDeputyId' | 'coSignerIds'>): boolean =>
  isDeputy(user) && (suggestion.leadDeputyId === user.id || suggestion.coSignerIds.includes(user.id));

export const isLeadDeputyOf = (user: User, suggestion: Pick<Suggestion, 'leadDeputyId'>): boolean =>
  isDeputy(user) && suggestion.leadDeputyId === user.id;

/** Who sees a suggestion: the office, its deputies, and the staff of a unit with a task on it. */
export function canSeeSuggestion(user: User, suggestion: Suggestion, tasks: readonly Task[]): boolean {
  return isOffice(user) || isDeputyOf(user, suggestion) || tasks.some((task) => isStaffOf(user, task.unitId));
}

/** A suggestion the caller may not see is reported as not found, so its existence is not revealed. */
export function assertCanSee(user: User, suggestion: Suggestion, tasks: readonly Task[]): void {
  if (!canSeeSuggestion(user, suggestion, tasks)) throw new AppError('NOT_FOUND', '没有找到该建议');
}

/** Reads a deputy-facing view: a deputy of the suggestion who is neither office nor staff of a unit on it. */
export const readsAsDeputy = (user: User, suggestion: Suggestion, tasks: readonly Task[]): boolean =>
  isDeputyOf(user, suggestion) && !isOffice(user) && !tasks.some((t) => isStaffOf(user, t.unitId));

// ---- Proposals: who reads a deputy's draft ----

/** The states the office reads a proposal in: once it has been submitted, and not while it is back with its author. */
const OFFICE_READS: readonly Proposal['state'][] = ['submitted', 'accepted', 'rejected'];

/**
 * Who reads a proposal: its author, the deputies invited to co-sign it, and the office once it is
 * submitted. Anyone else (another deputy, unit staff, the office before submission) is told it does not exist.
 */
export function canReadProposal(user: User, proposal: Pick<Proposal, 'authorId' | 'inviteeIds' | 'state'>): boolean {
  if (isDeputy(user) && (proposal.authorId === user.id || proposal.inviteeIds.includes(user.id))) return true;
  return isOffice(user) && OFFICE_READS.includes(proposal.state);
}

export function assertCanReadProposal(user: User, proposal: Proposal | undefined): asserts proposal is Proposal {
  if (!proposal || !canReadProposal(user, proposal)) throw new AppError('NOT_FOUND', '没有找到该建议草稿');
}

/**
 * Who adds or removes a proposal's files: only its author, and only while it is his to edit (a
 * draft, or returned for revision). Whoever reads the proposal reads its files (docs/proposals.md, Files).
 */
export function assertCanChangeProposalFiles(user: User, proposal: Proposal): void {
  assertCanReadProposal(user, proposal);
  authorize(user, 'proposals.save', { proposal }, '只有起草建议的代表可以添加或删除附件');
  if (!editable(proposal)) throw new AppError('INVALID_TRANSITION', '建议已提交，附件不能再添加或删除');
}

/** Whether the caller may add or remove the proposal's files now (assertCanChangeProposalFiles, as a yes or no). */
export function mayChangeProposalFiles(user: User, proposal: Proposal): boolean {
  try {
    assertCanChangeProposalFiles(user, proposal);
    return true;
  } catch {
    return false;
  }
}

// ---- Task actions: the workflow table decides the task's side, this table the caller's ----

/**
 * Each action of the workflow table and the permission that takes it, from the contract's words (each
 * task action names the workflow action it takes); the waiver of co-opinions is carried by the urge.
 */
export const WORKFLOW_ACTIONS = Object.fromEntries([
  ...TASK_ACTION_NAMES.map((name) => [ACTION_WORDS[name].workflow, name]),
  ['overrideCoOpinions', 'tasks.overrideCoOpinions'],
]) as Record<WorkflowActionType, TaskActionName | 'tasks.overrideCoOpinions'>;

export interface BlockedAction {
  action: TaskActionName;
  label: string;
  /** Why it cannot be taken now, in words (e.g. 请先登记与代表的面复记录，再签发答复). */
  reason: string;
}

export interface TaskActions {
  allowed: TaskActionName[];
  blocked: BlockedAction[];
  /** The coordinator may waive the missing co-opinions with an urge (the table allows it here). */
  overrideCoOpinions: boolean;
}

/**
 * What the caller can do on this task now: the workflow table judges the task (state, unit role,
 * guards), the rules above judge the caller. An action the caller would take but a guard holds up
 * is reported with the guard's reason when the reason helps (EXPLAINED_GUARDS).
 */
export function taskActionsFor(
  user: User,
  task: Task,
  suggestion: Pick<Suggestion, 'leadDeputyId' | 'coSignerIds' | 'archivedAt'>,
  ctx: WorkflowContext,
): TaskActions {
  const out: TaskActions = { allowed: [], blocked: [], overrideCoOpinions: false };
  if (suggestion.archivedAt) return out;
  const verdicts: ActionAvailability<WorkflowActionType>[] = [...actionAvailability(task, ctx), ...recordAvailability(task, ctx)];
  for (const verdict of verdicts) {
    const permission = WORKFLOW_ACTIONS[verdict.action];
    if (!may(user, permission, { task, suggestion })) continue;
    if (permission === 'tasks.overrideCoOpinions') {
      out.overrideCoOpinions = verdict.allowed;
      continue;
    }
    if (verdict.allowed) out.allowed.push(permission);
    else if (verdict.guard && EXPLAINED_GUARDS.has(verdict.guard) && verdict.message) {
      out.blocked.push({ action: permission, label: ACTION_BUTTON_LABELS[permission], reason: verdict.message });
    }
  }
  // In the contract's order (src/contract/tasks.ts): the work itself before the requests to return or extend.
  const rank = (action: TaskActionName) => TASK_ACTION_NAMES.indexOf(action);
  out.allowed.sort((a, b) => rank(a) - rank(b));
  out.blocked.sort((a, b) => rank(a.action) - rank(b.action));
  return out;
}

/** The suggestion-level actions the caller can take now (交办, 统一公开, 统一归档). */
export function suggestionActionsFor(user: User, suggestion: Suggestion, done: boolean): ActionName[] {
  if (suggestion.archivedAt) return [];
  const out: ActionName[] = [];
  if (!done && may(user, 'suggestions.assign')) out.push('suggestions.assign');
  if (done && may(user, 'suggestions.disclose')) out.push('suggestions.disclose');
  if (done && suggestion.disclosure && may(user, 'suggestions.archive')) out.push('suggestions.archive');
  return out;
}

/** The home page's menus and queues, from the same rules that authorize the actions behind them. */
export function capabilitiesOf(user: User): Capability[] {
  const out: Capability[] = [];
  if (isDeputy(user)) out.push('mySuggestions', 'myProposals');
  if (isUnitStaff(user) && user.roles.includes('handler')) out.push('unitTasks');
  if (may(user, 'tasks.review')) out.push('reviewQueue');
  if (may(user, 'tasks.sign')) out.push('signQueue');
  if (isOffice(user)) out.push('allSuggestions');
  if (may(user, 'proposals.decide')) out.push('proposalQueue');
  if (may(user, 'stats.summary')) out.push('stats');
  if (may(user, 'ledger.list')) out.push('ledger');
  if (may(user, 'suggestions.import')) out.push('import');
  if (may(user, 'users.upsert')) out.push('roster');
  return out;
}
