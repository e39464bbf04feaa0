// The wire contract: identity. Types only; see docs/architecture.md.
import type { Role } from '../core/model';

export interface MeUser {
  id: string;
  name: string;
  roles: Role[];
  roleLabels: string[];
  unitId?: string;
  unitName?: string;
}
export interface MeResult {
  user: MeUser | null;
  bound: boolean;
  /** Subscribe-message template ids the app asks the user to accept (at most 3 a tap). */
  subscribeTemplateIds?: string[];
}
export interface BindUserData {
  code: string;
}
