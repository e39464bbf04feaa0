// The wire contract: roster. Types, and the words of each action; see docs/architecture.md.
import { said, type WordsOf } from './words';
import type { Empty } from './common';
import type { Publicity, Role, UnitLetterSettings } from '../core/model';

export interface UnitView {
  id: string;
  name: string;
  departments: string[];
  /** How the unit's reply letters are set (office staff see it; docs/papers.md). */
  letter?: UnitLetterSettings;
}
export interface UpsertUnitData {
  id?: string;
  name: string;
  departments?: string[];
  letter?: UnitLetterSettings;
}
/** The deployment's settings (office.settings / office.update). */
export interface OfficeSettingsView {
  /** Empty until named at setup. */
  name: string;
  reportTo?: string;
  letterCc: string[];
  letterToCoSigners: boolean;
  letterPublicity: Publicity;
  version: number;
}
export interface UpdateOfficeSettingsData {
  name: string;
  reportTo?: string;
  letterCc?: string[];
  letterToCoSigners?: boolean;
  letterPublicity?: Publicity;
  /** The version read (0 when never saved). */
  version: number;
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
  /**
   * Whether WeChat can reach the person now (deadline template): 长期订阅, 剩余N条, 已拒绝, 未订阅;
   * absent where the deployment sends no WeChat messages.
   */
  reach?: { state: 'longTerm' | 'quota' | 'refused' | 'none'; label: string; unreachable: boolean };
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
  /** Shown once, grouped for reading aloud: K7PM-3XQ9-TR. Only its hash is kept. */
  code: string;
  expiresAt: string;
  validHours: number;
}
export interface ListBindCodesData {
  userId?: string;
}
/** An outstanding bind code (issued, neither used nor revoked nor expired); the code itself is not kept. */
export interface BindCodeView {
  id: string;
  userId: string;
  userName: string;
  roleLabels: string[];
  issuedByName: string;
  issuedAt: string;
  expiresAt: string;
}
export interface ListBindCodesResult {
  items: BindCodeView[];
}
export interface RevokeBindCodeData {
  id: string;
}
export interface RevokeBindCodeResult {
  id: string;
  revokedAt: string;
}
/** A WeChat identity locked for wrong bind codes (the identity itself is not shown: its reference is). */
export interface BindLockView {
  id: string;
  /** Six characters the locked person reads from the bind page (锁定编号). */
  ref: string;
  failures: number;
  lastFailureAt: string;
  lockedUntil: string;
}
export interface ListBindLocksResult {
  items: BindLockView[];
}
export interface LiftBindLockData {
  id: string;
}
export interface LiftBindLockResult {
  id: string;
  liftedAt: string;
}
/**
 * The delegation's list of deputies: 姓名, 代表团, 手机号 (optional), CSV (UTF-8) or .xlsx, uploaded to
 * storage first (docs/security.md, Uploads): `fileID` is what the upload answered.
 */
export interface ImportUsersData {
  fileID: string;
  format: 'csv' | 'xlsx';
  /** Register the new deputies even though the roster has near names (after the answer's `nearNames`). */
  confirmNear?: boolean;
}
/** A new deputy of the list whose name is one character from a registered deputy's (or the same, in another 代表团). */
export interface ImportUsersNearName {
  line: number;
  name: string;
  delegation: string;
  near: { userId: string; name: string; delegation?: string }[];
}
export interface ImportUsersResult {
  created: number;
  /** Already registered (same name and 代表团): left as they were. */
  unchanged: number;
  names: string[];
  /**
   * Present when new deputies of the list have near names on the roster and `confirmNear` was not
   * given: nothing was written (a typo is corrected in the file; different people are confirmed).
   */
  nearNames?: ImportUsersNearName[];
}

/** The roster actions: each one's request data and result. */
export interface RosterActions {
  'units.list': { data: Empty; result: { items: UnitView[] } };
  'units.upsert': { data: UpsertUnitData; result: UnitView };
  'office.settings': { data: Empty; result: OfficeSettingsView };
  'office.update': { data: UpdateOfficeSettingsData; result: OfficeSettingsView };
  'users.list': { data: ListUsersData; result: { items: UserView[] } };
  'users.upsert': { data: UpsertUserData; result: UserView };
  'users.issueBindCode': { data: IssueBindCodeData; result: BindCodeResult };
  'users.bindCodes': { data: ListBindCodesData; result: ListBindCodesResult };
  'users.revokeBindCode': { data: RevokeBindCodeData; result: RevokeBindCodeResult };
  'users.bindLocks': { data: Empty; result: ListBindLocksResult };
  'users.liftBindLock': { data: LiftBindLockData; result: LiftBindLockResult };
  'users.import': { data: ImportUsersData; result: ImportUsersResult };
}

/** The words of each of them (docs/architecture.md, Adding an action). */
export const ROSTER_ACTIONS = {
  'units.list': said('查看单位'),
  'units.upsert': said('维护单位'),
  'office.settings': said('查看本机关设置'),
  'office.update': said('修改本机关设置'),
  'users.list': said('查看人员'),
  'users.upsert': said('维护人员'),
  'users.issueBindCode': said('发放绑定码'),
  'users.bindCodes': said('查看绑定码'),
  'users.revokeBindCode': said('收回绑定码'),
  'users.bindLocks': said('查看绑定锁定'),
  'users.liftBindLock': said('解除绑定锁定'),
  'users.import': said('导入代表名单'),
} as const satisfies WordsOf<RosterActions>;
