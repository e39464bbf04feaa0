// The wire contract: shared pieces. Types only; see docs/architecture.md.
import type { Phase, Rating, ReplyClass, SuggestionStatus, TaskState, UnitRole } from '../core/model';

export interface PageQuery {
  page?: number; // 1-based, default 1
  pageSize?: number; // default 20, at most 100
}

/**
 * The filters the office's lists share (suggestions.list and ledger.list; the export takes them too).
 * Every field is optional; given fields combine with AND. Task-level filters (state, role, overdue,
 * atRisk, replyClass, satisfaction, responsibleUserId) select, in suggestions.list, the suggestions
 * with a live task matching them (of `unitId` when given); in ledger.list, the rows (one per task).
 */
export interface CaseFilters {
  session?: string; // 届次, e.g. 十八届三次
  year?: number; // the Shanghai year of 交办 (of creation while not yet assigned)
  unitId?: string; // 承办单位 (a unit's staff are held to their own unit whatever they send)
  status?: SuggestionStatus; // the suggestion's status: 待交办 / 办理中 / 已答复 / 已办结 / 已公开 / 已归档
  state?: TaskState; // the task's state: 待认领 / 办理中 / …
  role?: UnitRole; // 主办 / 会办 / 分办 / 独办
  overdue?: boolean; // true: past its deadline in force (超期); false: not overdue
  atRisk?: boolean; // true: due within the policy's 临期 days, today included
  replyClass?: ReplyClass; // the latest signed reply's class A/B/C/D
  /** The deputy's latest rating, the lower of 办理态度 and 办理结果; 'none': not rated yet. */
  satisfaction?: Rating | 'none';
  phase?: Phase; // 会期 / 闭会期间
  keySupervised?: boolean; // 重点督办
  responsibleUserId?: string; // 办理责任人
  /** Search text: part of the 建议号, the title or the lead deputy's name (1 to 50 characters). */
  keyword?: string;
}

export type SortOrder = 'asc' | 'desc';

export interface Paged<T> {
  items: T[];
  total: number; // every match of the filters, on all pages
  page: number;
  pageSize: number;
}

export interface PersonContactData {
  name: string;
  phone: string;
}

/** Every write on a versioned record names the version the caller saw; a stale one gives CONFLICT. */
export interface TaskRef {
  taskId: string;
  version: number;
}

export type Empty = Record<string, never>;

/**
 * The API's action names (and those taken on a task), filled in by names.ts from the areas' words by
 * declaration merging, so that an area's views name actions without importing the list that imports
 * the areas (which would be a cycle).
 */
export interface KnownActions {}
export interface KnownTaskActions {}
export type AnyActionName = keyof KnownActions;
export type AnyTaskActionName = keyof KnownTaskActions;
