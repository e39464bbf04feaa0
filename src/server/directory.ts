// Names of users and units for the views of one request, each loaded at most once.
import type { Unit, User } from '../core/model';
import type { Reader } from './ports';

export class Directory {
  private readonly users = new Map<string, Promise<User | undefined>>();
  private readonly units = new Map<string, Promise<Unit | undefined>>();

  constructor(private readonly reader: Reader) {}

  user(id: string | undefined): Promise<User | undefined> {
    if (!id) return Promise.resolve(undefined);
    let found = this.users.get(id);
    if (!found) {
      found = this.reader.get('users', id);
      this.users.set(id, found);
    }
    return found;
  }

  unit(id: string | undefined): Promise<Unit | undefined> {
    if (!id) return Promise.resolve(undefined);
    let found = this.units.get(id);
    if (!found) {
      found = this.reader.get('units', id);
      this.units.set(id, found);
    }
    return found;
  }

  async userName(id: string | undefined): Promise<string> {
    if (id === 'system') return '系统';
    return (await this.user(id))?.name ?? '未知用户';
  }

  async unitName(id: string | undefined): Promise<string> {
    return (await this.unit(id))?.name ?? '未知单位';
  }
}
