// Who a reminder reaches. The core names roles (handler, reviewer, leader, coordinator, deputy); here
// they become users: the task's responsible person (or, before a claim, every handler of the unit),
// the unit's reviewers (of the responsible person's department when there are some), its leaders,
// every coordinator, and the suggestion's lead deputy, who gathers the co-signers' views.
import type { Suggestion, Task, Unit, User } from '../../core/model';
import type { ReminderRecipient } from '../../core/policy';
import type { Reader } from '../ports';

/** Reads shared by many tasks of one run, cached (units, their staff, coordinators, suggestions). */
export class RecipientDirectory {
  private readonly users = new Map<string, Promise<User | undefined>>();
  private readonly staff = new Map<string, Promise<User[]>>();
  private readonly unitDocs = new Map<string, Promise<Unit | undefined>>();
  private readonly suggestionDocs = new Map<string, Promise<Suggestion | undefined>>();
  private coordinators?: Promise<User[]>;

  constructor(private readonly reader: Reader) {}

  user(id: string): Promise<User | undefined> {
    return cached(this.users, id, () => this.reader.get('users', id));
  }

  unit(id: string): Promise<Unit | undefined> {
    return cached(this.unitDocs, id, () => this.reader.get('units', id));
  }

  suggestion(id: string): Promise<Suggestion | undefined> {
    return cached(this.suggestionDocs, id, () => this.reader.get('suggestions', id));
  }

  private unitStaff(unitId: string): Promise<User[]> {
    return cached(this.staff, unitId, () => this.reader.find('users', { where: { unitId } }));
  }

  private allCoordinators(): Promise<User[]> {
    this.coordinators ??= this.reader.find('users', { where: { roles: 'coordinator' } });
    return this.coordinators;
  }

  /** The users behind the named roles for one task, each once, in the order the roles are named. */
  async resolve(task: Task, roles: readonly ReminderRecipient[], suggestion?: Suggestion): Promise<User[]> {
    const found: User[] = [];
    for (const role of roles) found.push(...(await this.forRole(task, role, suggestion)));
    const seen = new Set<string>();
    return found.filter((user) => (seen.has(user.id) ? false : (seen.add(user.id), true)));
  }

  private async forRole(task: Task, role: ReminderRecipient, suggestion?: Suggestion): Promise<User[]> {
    switch (role) {
      case 'handler': {
        if (task.responsibleUserId) {
          const responsible = await this.user(task.responsibleUserId);
          if (responsible) return [responsible];
        }
        return (await this.unitStaff(task.unitId)).filter((u) => u.roles.includes('handler'));
      }
      case 'reviewer': {
        const reviewers = (await this.unitStaff(task.unitId)).filter((u) => u.roles.includes('reviewer'));
        const department = task.responsibleUserId ? (await this.user(task.responsibleUserId))?.department : undefined;
        const ofDepartment = department ? reviewers.filter((u) => u.department === department) : [];
        return ofDepartment.length > 0 ? ofDepartment : reviewers;
      }
      case 'leader':
        return (await this.unitStaff(task.unitId)).filter((u) => u.roles.includes('leader'));
      case 'coordinator':
        return this.allCoordinators();
      case 'deputy': {
        const s = suggestion ?? (await this.suggestion(task.suggestionId));
        const deputy = s ? await this.user(s.leadDeputyId) : undefined;
        return deputy ? [deputy] : [];
      }
    }
  }
}

function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = map.get(key);
  if (!value) {
    value = load();
    map.set(key, value);
  }
  return value;
}
