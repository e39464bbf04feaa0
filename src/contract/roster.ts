// The wire contract: roster. Types only; see docs/architecture.md.
import type { Role } from '../core/model';

export interface UnitView {
  id: string;
  name: string;
  departments: string[];
}
export interface UpsertUnitData {
  id?: string;
  name: string;
  departments?: string[];
}
export interface UserView {
  id: string;
  name: string;
  roles: Role[];
  roleLabels: string[];
  unitId?: string;
  unitName?: string;
  department?: string;
  phone?: string; // office staff only
  delegation?: string;
  bound: boolean;
  version: number;
}
export interface ListUsersData {
  role?: Role;
  unitId?: string;
}
export interface UpsertUserData {
  id?: string;
  version?: number; // required when updating
  name: string;
  roles: Role[];
  unitId?: string;
  department?: string;
  phone?: string;
  delegation?: string;
}
export interface IssueBindCodeData {
  userId: string;
}
export interface BindCodeResult {
  code: string;
  expiresAt: string;
}
