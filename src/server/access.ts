// Who may see and do what (docs/architecture.md, Roles and reach). Every use case asks here; no page and no adapter decides.
import { AppError } from '../core/errors';
import type { Role, Suggestion, Task, User } from '../core/model';

export const UNIT_STAFF_ROLES: readonly Role[] = ['handler', 'reviewer', 'leader'];

export const hasRole = (user: User, ...roles: Role[]) => roles.some((role) => user.roles.includes(role));

/** The assigning office: 联络员 and administrators see and supervise everything. */
export const isOffice = (user: User) => hasRole(user, 'coordinator', 'admin');

export const isUnitStaff = (user: User, unitId: string) =>
  user.unitId !== undefined && user.unitId === unitId && hasRole(user, ...UNIT_STAFF_ROLES);

export const isDeputyOf = (user: User, suggestion: Suggestion) =>
  hasRole(user, 'deputy') && (suggestion.leadDeputyId === user.id || suggestion.coSignerIds.includes(user.id));

export const isLeadDeputyOf = (user: User, suggestion: Suggestion) =>
  hasRole(user, 'deputy') && suggestion.leadDeputyId === user.id;

export function canSeeSuggestion(user: User, suggestion: Suggestion, tasks: readonly Task[]): boolean {
  return isOffice(user) || isDeputyOf(user, suggestion) || tasks.some((task) => isUnitStaff(user, task.unitId));
}

/** A suggestion the caller may not see is reported as not found, so its existence is not revealed. */
export function assertCanSee(user: User, suggestion: Suggestion, tasks: readonly Task[]): void {
  if (!canSeeSuggestion(user, suggestion, tasks)) throw new AppError('NOT_FOUND', '没有找到该建议');
}

export function requireRole(user: User, roles: readonly Role[], message?: string): void {
  if (!roles.some((role) => user.roles.includes(role))) throw new AppError('FORBIDDEN', message);
}

/** Unit staff with one of the roles on the task's unit, or (when officeToo) the office. */
export function requireUnitRole(user: User, task: Task, roles: readonly Role[], message?: string): void {
  const ok = user.unitId === task.unitId && roles.some((role) => user.roles.includes(role));
  if (!ok) throw new AppError('FORBIDDEN', message ?? '只有本单位的相关人员可以办理此事项');
}
