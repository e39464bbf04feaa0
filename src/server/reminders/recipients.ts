// Who a notice reaches: the one resolver of workflow notices, 催办 and deadline reminders
// (docs/architecture.md, Notifications). The core names roles; here they become users:
// - handler: the task's responsible person, or before a claim every handler of the unit;
// - reviewer: the unit's reviewers of the responsible person's department (all of the unit's
//   reviewers when there is no responsible person yet or the department has none);
// - leader: the unit's leaders; coordinator: every coordinator;
// - deputy: the suggestion's lead deputy, who gathers the co-signers' views;
// - leadUnit / coUnits: the handler (as above) of each other lead / co task of the suggestion that
//   has not been returned.
import type { Suggestion, Task, User } from '../../core/model';
import type { EffectRecipient } from '../../core/task.actions';
import type { Directory } from '../directory';

export type NoticeRecipient = EffectRecipient;

/** The users behind the named roles for one task, each once, in the order the roles are named. */
export async function resolveRecipients(
  directory: Directory,
  task: Task,
  roles: readonly NoticeRecipient[],
  suggestion?: Suggestion,
): Promise<User[]> {
  const found: User[] = [];
  for (const role of roles) found.push(...(await forRole(directory, task, role, suggestion)));
  const seen = new Set<string>();
  return found.filter((user) => (seen.has(user.id) ? false : (seen.add(user.id), true)));
}

async function forRole(directory: Directory, task: Task, role: NoticeRecipient, suggestion?: Suggestion): Promise<User[]> {
  switch (role) {
    case 'handler':
      return handlersOf(directory, task);
    case 'reviewer': {
      const reviewers = (await directory.unitStaff(task.unitId)).filter((u) => u.roles.includes('reviewer'));
      const department = (await directory.user(task.responsibleUserId))?.department;
      const ofDepartment = department ? reviewers.filter((u) => u.department === department) : [];
      return ofDepartment.length > 0 ? ofDepartment : reviewers;
    }
    case 'leader':
      return (await directory.unitStaff(task.unitId)).filter((u) => u.roles.includes('leader'));
    case 'coordinator':
      return directory.allCoordinators();
    case 'deputy': {
      const s = suggestion ?? (await directory.suggestion(task.suggestionId));
      const deputy = s ? await directory.user(s.leadDeputyId) : undefined;
      return deputy ? [deputy] : [];
    }
    case 'leadUnit':
    case 'coUnits': {
      const unitRole = role === 'leadUnit' ? 'lead' : 'co';
      const others = (await directory.tasksOf(task.suggestionId)).filter(
        (t) => t.role === unitRole && t.id !== task.id && t.state !== 'returned',
      );
      return (await Promise.all(others.map((t) => handlersOf(directory, t)))).flat();
    }
  }
}

async function handlersOf(directory: Directory, task: Task): Promise<User[]> {
  if (task.responsibleUserId) {
    const responsible = await directory.user(task.responsibleUserId);
    if (responsible) return [responsible];
  }
  return (await directory.unitStaff(task.unitId)).filter((u) => u.roles.includes('handler'));
}
