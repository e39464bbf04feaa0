// Checks a set of units for one suggestion against the unit roles (docs/architecture.md, Model) and builds their tasks:
// one 主办 with any 会办, or several 分办, or one 独办; a unit at most once among live tasks. A 独办
// given 会办 units later becomes their 主办.
import { shanghaiDate, shanghaiStartOfDay } from '../../core/calendar';
import { computeDue } from '../../core/deadlines';
import { AppError } from '../../core/errors';
import type { Task, UnitRole } from '../../core/model';
import { isTerminal } from '../../core/task.table';
import type { DeadlinePolicy } from '../../core/policy';
import type { AssignUnitData } from '../../contract';
import { newId } from '../ports/ids';

/** The states in which a 独办 unit has not submitted its reply yet: it can still become 主办. */
const BEFORE_SUBMISSION: readonly Task['state'][] = ['assigned', 'handling', 'returnRequested', 'rehandling'];

/**
 * The live 独办 task that becomes 主办 when 会办 units are added to it (另行交办 without a 主办): the
 * office adds a co-unit after import, and the unit that held it alone leads from then on.
 */
export function soleToLead(units: readonly AssignUnitData[], liveTasks: readonly Task[]): Task | undefined {
  if (!units.some((u) => u.role === 'co') || units.some((u) => u.role === 'lead')) return undefined;
  const soles = liveTasks.filter((t) => t.role === 'sole');
  if (soles.length !== 1) return undefined;
  const sole = soles[0]!;
  if (!BEFORE_SUBMISSION.includes(sole.state)) throw new AppError('VALIDATION', '独办单位已提交答复稿，不能再增加会办单位');
  return sole;
}

/** Every live task is over (办结): nothing more is assigned. */
export function allDone(liveTasks: readonly Task[]): boolean {
  return liveTasks.length > 0 && liveTasks.every((t) => isTerminal(t.state));
}

/** The reason an assignment is not acceptable, or undefined. */
export function assignmentProblem(units: readonly AssignUnitData[], liveTasks: readonly Task[]): string | undefined {
  const roles = [...liveTasks.map((t) => t.role), ...units.map((u) => u.role)];
  const count = (role: UnitRole) => roles.filter((r) => r === role).length;
  const ids = [...liveTasks.map((t) => t.unitId), ...units.map((u) => u.unitId)];
  if (units.length === 0) return '请至少指定一个承办单位';
  if (new Set(ids).size !== ids.length) return '同一单位不能重复交办';
  if (count('lead') > 1) return '主办单位只能有一个';
  if (count('co') > 0 && count('lead') === 0) return '有会办单位时须指定主办单位';
  if (count('sole') > 0 && roles.length > 1) return '独办的建议不能再指定其他单位';
  if (count('split') > 0 && (count('lead') > 0 || count('co') > 0)) return '分办不能与主办、会办同时使用';
  return undefined;
}

/** The instant of assignment: now for today (or no date), else the start of that Shanghai day. */
export function assignedInstant(assignedDate: string | undefined, now: string): string {
  if (!assignedDate || assignedDate === shanghaiDate(now)) return now;
  if (assignedDate > shanghaiDate(now)) throw new AppError('VALIDATION', '「交办日期」不能晚于今天');
  return shanghaiStartOfDay(assignedDate);
}

export function newTasks(
  suggestionId: string,
  units: readonly AssignUnitData[],
  assignedAt: string,
  now: string,
  policy: DeadlinePolicy,
): Task[] {
  return units.map((unit) => ({
    id: newId(),
    suggestionId,
    unitId: unit.unitId,
    role: unit.role,
    ...(unit.requirements ? { requirements: unit.requirements } : {}),
    state: 'assigned',
    round: 1,
    assignedAt,
    due: computeDue(unit.role, assignedAt, policy),
    updatedAt: now,
    version: 1,
  }));
}
