// The one lookup cache of a request or of a sweep run: users, units, suggestions, a unit's staff, the
// coordinators and a suggestion's tasks, each read at most once. Views take names from it; the
// recipient resolver (reminders/recipients.ts) takes people from it.
import type { Suggestion, Task, Unit, User } from '../../core/model';
import type { Reader, Store } from '../ports';

/** Names read at a store's stamp (Directory.names), dropped when the stamp moves. */
const NAMES = new WeakMap<Reader, { stamp: string; users: Map<string, string>; units: Map<string, string> }>();

/** Names already loaded (Directory.names): the same answers as userName and unitName, without waiting. */
export interface Names {
  user(id: string | undefined): string;
  unit(id: string | undefined): string;
}

export class Directory {
  private readonly users = new Map<string, Promise<User | undefined>>();
  private readonly units = new Map<string, Promise<Unit | undefined>>();
  private readonly suggestions = new Map<string, Promise<Suggestion | undefined>>();
  private readonly staff = new Map<string, Promise<User[]>>();
  private readonly tasks = new Map<string, Promise<Task[]>>();
  private coordinators?: Promise<User[]>;

  /** Users and units likely to be asked for (expect): the first one asked for that is not loaded brings them all. */
  private readonly expectedUsers = new Set<string>();
  private readonly expectedUnits = new Set<string>();

  constructor(private readonly reader: Reader) {}

  /** Records the caller holds already: a suggestion, all its tasks and these users are not read again. */
  know(suggestion: Suggestion, tasks: readonly Task[], users: readonly User[] = []): void {
    this.suggestions.set(suggestion.id, Promise.resolve(suggestion));
    this.tasks.set(suggestion.id, Promise.resolve([...tasks]));
    this.knowUsers(users);
  }

  /** Users the caller holds already (the caller himself): not read again. */
  knowUsers(users: readonly User[]): void {
    for (const user of users) this.users.set(user.id, Promise.resolve(user));
  }

  /**
   * The users and units a step may ask for (a suggestion's deputies, its tasks' people and units):
   * none is read now; the first user (or unit) asked for that is not loaded yet is read with all the
   * expected ones in one request, so that a step costs one request for its people and one for its
   * units, and nothing when it asks for none.
   */
  expect(userIds: readonly (string | undefined)[], unitIds: readonly (string | undefined)[] = []): void {
    for (const id of userIds) if (id && id !== 'system' && !this.users.has(id)) this.expectedUsers.add(id);
    for (const id of unitIds) if (id && !this.units.has(id)) this.expectedUnits.add(id);
  }

  /** Loads these users and units in one request each, so that the names of a page cost two requests. */
  async preload(userIds: readonly (string | undefined)[], unitIds: readonly (string | undefined)[] = []): Promise<void> {
    const missing = (ids: readonly (string | undefined)[], known: Map<string, unknown>) =>
      [...new Set(ids.filter((id): id is string => !!id && id !== 'system' && !known.has(id)))];
    const users = missing(userIds, this.users);
    const units = missing(unitIds, this.units);
    // Those expected come along in the same requests.
    if (users.length > 0) users.push(...missing([...this.expectedUsers], this.users).filter((id) => !users.includes(id)));
    if (units.length > 0) units.push(...missing([...this.expectedUnits], this.units).filter((id) => !units.includes(id)));
    for (const id of users) this.expectedUsers.delete(id);
    for (const id of units) this.expectedUnits.delete(id);
    // Each one's answer is known to be on its way at once, so that nobody asks for it again meanwhile.
    const usersById = users.length ? this.reader.getMany('users', users).then((found) => new Map(found.map((u) => [u.id, u]))) : undefined;
    const unitsById = units.length ? this.reader.getMany('units', units).then((found) => new Map(found.map((u) => [u.id, u]))) : undefined;
    for (const id of users) this.users.set(id, settled(usersById!.then((m) => m.get(id))));
    for (const id of units) this.units.set(id, settled(unitsById!.then((m) => m.get(id))));
    await Promise.all([usersById, unitsById]);
  }

  /**
   * The names of these users and units (loaded in one request each, like preload), for formatting a
   * page without an await per row: 系统, 未知用户 and 未知单位 as userName and unitName give them.
   */
  async names(userIds: readonly (string | undefined)[], unitIds: readonly (string | undefined)[] = []): Promise<Names> {
    // A store that tells when its data changes (readStamp) keeps the names it has read until then.
    const stamp = (this.reader as Partial<Store>).readStamp?.();
    let memo = stamp === undefined ? undefined : NAMES.get(this.reader);
    if (stamp !== undefined && (!memo || memo.stamp !== stamp)) NAMES.set(this.reader, (memo = { stamp, users: new Map(), units: new Map() }));
    const users = memo?.users ?? new Map<string, string>();
    const units = memo?.units ?? new Map<string, string>();
    const wanted = (ids: readonly (string | undefined)[], known: Map<string, string>) =>
      [...new Set(ids)].filter((id): id is string => !!id && id !== 'system' && !known.has(id));
    const [newUsers, newUnits] = [wanted(userIds, users), wanted(unitIds, units)];
    if (newUsers.length > 0 || newUnits.length > 0) {
      await this.preload(newUsers, newUnits);
      const named = await Promise.all([
        ...newUsers.map(async (id) => [users, id, await this.userName(id)] as const),
        ...newUnits.map(async (id) => [units, id, await this.unitName(id)] as const),
      ]);
      if (memo && memo.users.size + memo.units.size > 20_000) NAMES.delete(this.reader);
      for (const [map, id, name] of named) map.set(id, name);
    }
    return {
      user: (id) => (id === 'system' ? '系统' : ((id ? users.get(id) : undefined) ?? '未知用户')),
      unit: (id) => (id ? units.get(id) : undefined) ?? '未知单位',
    };
  }

  user(id: string | undefined): Promise<User | undefined> {
    if (!id) return Promise.resolve(undefined);
    if (!this.users.has(id) && this.expectedUsers.size > 0) return this.preload([id]).then(() => this.users.get(id)!);
    return cached(this.users, id, () => this.reader.get('users', id));
  }

  unit(id: string | undefined): Promise<Unit | undefined> {
    if (!id) return Promise.resolve(undefined);
    if (!this.units.has(id) && this.expectedUnits.size > 0) return this.preload([], [id]).then(() => this.units.get(id)!);
    return cached(this.units, id, () => this.reader.get('units', id));
  }

  suggestion(id: string): Promise<Suggestion | undefined> {
    return cached(this.suggestions, id, () => this.reader.get('suggestions', id));
  }

  /** Every user of a unit (handlers, reviewers, leaders). */
  unitStaff(unitId: string): Promise<User[]> {
    return cached(this.staff, unitId, () => this.reader.find('users', { where: { unitId } }));
  }

  /** The tasks of one suggestion. */
  tasksOf(suggestionId: string): Promise<Task[]> {
    return cached(this.tasks, suggestionId, () => this.reader.find('tasks', { where: { suggestionId } }));
  }

  allCoordinators(): Promise<User[]> {
    this.coordinators ??= this.reader.find('users', { where: { roles: 'coordinator' } });
    return this.coordinators;
  }

  async userName(id: string | undefined): Promise<string> {
    if (id === 'system') return '系统';
    return (await this.user(id))?.name ?? '未知用户';
  }

  async unitName(id: string | undefined): Promise<string> {
    return (await this.unit(id))?.name ?? '未知单位';
  }
}

/** A promise whose failure reaches whoever awaits it, and is not reported as unhandled when nobody does. */
function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = map.get(key);
  if (!value) {
    value = load();
    map.set(key, value);
  }
  return value;
}
