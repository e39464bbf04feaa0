// The office's list parameters (CaseFilters, sort, page) turned into store queries over the read
// models: suggestions.list reads suggestionRows, ledger.list and ledger.export read ledgerRows. A page
// costs the page's rows and one count, whatever the number of suggestions.
import * as z from 'zod';
import type { CaseFilters, LedgerSort, SortOrder, SuggestionSort } from '../../contract';
import { addDays } from '../../core/calendar';
import type { SuggestionStatus, TaskState, User } from '../../core/model';
import { SUGGESTION_STATUS_LABELS } from '../../core/labels';
import { TASK_STATES } from '../../core/workflow';
import type { DeadlinePolicy } from '../../core/policy';
import { isDeputy, isOffice, isUnitStaff } from '../access/permissions';
import type { IndexName, Query } from '../ports';
import { idField, pageFields } from '../validation';

// The enums come from the core's own lists: one definition of every state and status.
const STATUSES = Object.keys(SUGGESTION_STATUS_LABELS) as [SuggestionStatus, ...SuggestionStatus[]];
const STATES = TASK_STATES as [TaskState, ...TaskState[]];

/** The zod fields of CaseFilters, sort and order (shared by suggestions.list, ledger.list, ledger.export). */
export const caseFilterFields = {
  session: z.string().trim().min(1).max(40).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  unitId: idField.optional(),
  status: z.enum(STATUSES).optional(),
  state: z.enum(STATES).optional(),
  role: z.enum(['lead', 'co', 'split', 'sole']).optional(),
  overdue: z.boolean().optional(),
  atRisk: z.literal(true).optional(),
  replyClass: z.enum(['A', 'B', 'C', 'D']).optional(),
  satisfaction: z.enum(['satisfied', 'basic', 'unsatisfied', 'none']).optional(),
  phase: z.enum(['session', 'recess']).optional(),
  keySupervised: z.boolean().optional(),
  responsibleUserId: idField.optional(),
  keyword: z.string().trim().max(50).optional(),
  sort: z.enum(['number', 'replyDue', 'assignedAt']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  ...pageFields,
};

export interface Paging {
  page: number;
  pageSize: number;
  offset: number;
}

export function pagingOf(data: { page?: number; pageSize?: number }): Paging {
  const page = data.page ?? 1;
  const pageSize = data.pageSize ?? 20;
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** The interval of deadlines the overdue / atRisk filters keep: gte ≤ date < lt. */
function dueInterval(filters: CaseFilters, today: string, policy: DeadlinePolicy): { gte?: string; lt?: string } | undefined {
  if (filters.overdue === undefined && !filters.atRisk) return undefined;
  let gte: string | undefined;
  let lt: string | undefined;
  if (filters.overdue === true) lt = today;
  if (filters.overdue === false) gte = today;
  if (filters.atRisk) {
    gte = gte === undefined || gte < today ? today : gte;
    const end = addDays(today, policy.atRiskDays + 1);
    lt = lt === undefined || lt > end ? end : lt;
  }
  // Overdue and at risk exclude each other: an empty interval (gte = lt) keeps nothing.
  if (gte !== undefined && lt !== undefined && lt < gte) lt = gte;
  return { ...(gte !== undefined ? { gte } : {}), ...(lt !== undefined ? { lt } : {}) };
}

const keywordOf = (filters: CaseFilters) => (filters.keyword && filters.keyword.length > 0 ? { search: filters.keyword } : {});

/** A unit's staff see their own unit's; the office what it asks for. */
export function ledgerQuery(filters: CaseFilters, scopeUnitId: string | undefined, today: string, policy: DeadlinePolicy): Query<'ledgerRows'> {
  const where: Query<'ledgerRows'>['where'] = {};
  if (scopeUnitId) where.unitId = scopeUnitId;
  if (filters.session) where.session = filters.session;
  if (filters.year !== undefined) where.year = filters.year;
  if (filters.status) where.status = filters.status;
  if (filters.state) where.state = filters.state;
  if (filters.role) where.role = filters.role;
  if (filters.replyClass) where.replyClass = filters.replyClass;
  if (filters.satisfaction) where.satisfaction = filters.satisfaction;
  if (filters.phase) where.phase = filters.phase;
  if (filters.keySupervised !== undefined) where.keySupervised = filters.keySupervised;
  if (filters.responsibleUserId) where.responsibleUserId = filters.responsibleUserId;
  const due = dueInterval(filters, today, policy);
  return { where, ...(due ? { range: { field: 'activeDue', ...due } } : {}), ...keywordOf(filters) };
}

export function ledgerOrder(sort: LedgerSort | undefined, order: SortOrder | undefined): Query<'ledgerRows'>['orderBy'] {
  const desc = order === 'desc';
  const fields: IndexName<'ledgerRows'>[] = sort === 'replyDue' ? ['activeDue', 'sortKey'] : sort === 'assignedAt' ? ['assignedAt', 'sortKey'] : ['sortKey'];
  return fields.map((field) => ({ field, desc }));
}

/**
 * The suggestions the caller may see (a deputy: led or co-signed; unit staff: with a task of their
 * unit; the office: all), filtered. Task-level filters look at the live tasks of `unitId` (for unit
 * staff, of their own unit by default); overdue and atRisk at the suggestion's reply deadline.
 */
export function suggestionQuery(filters: CaseFilters, user: User, today: string, policy: DeadlinePolicy): Query<'suggestionRows'> {
  const where: Query<'suggestionRows'>['where'] = {};
  if (!isOffice(user)) {
    const viewers: string[] = [];
    if (isDeputy(user)) viewers.push(`deputy:${user.id}`);
    if (isUnitStaff(user)) viewers.push(`unit:${user.unitId}`);
    where.viewers = viewers;
  }
  if (filters.session) where.session = filters.session;
  if (filters.year !== undefined) where.year = filters.year;
  if (filters.status) where.status = filters.status;
  if (filters.phase) where.phase = filters.phase;
  if (filters.keySupervised !== undefined) where.keySupervised = filters.keySupervised;
  const staffUnit = !isOffice(user) && isUnitStaff(user) && !isDeputy(user) ? user.unitId : undefined;
  const scope = filters.unitId ?? staffUnit ?? '*';
  const facets: string[] = [];
  if (filters.unitId) facets.push(`${scope}|live`);
  if (filters.state) facets.push(`${scope}|state:${filters.state}`);
  if (filters.role) facets.push(`${scope}|role:${filters.role}`);
  if (filters.replyClass) facets.push(`${scope}|class:${filters.replyClass}`);
  if (filters.satisfaction) facets.push(`${scope}|sat:${filters.satisfaction}`);
  if (filters.responsibleUserId) facets.push(`${scope}|person:${filters.responsibleUserId}`);
  const due = dueInterval(filters, today, policy);
  return {
    where,
    ...(facets.length ? { every: { facets } } : {}),
    ...(due ? { range: { field: 'replyDue', ...due } } : {}),
    ...keywordOf(filters),
  };
}

export function suggestionOrder(sort: SuggestionSort | undefined, order: SortOrder | undefined): Query<'suggestionRows'>['orderBy'] {
  const desc = order === 'desc';
  const fields: IndexName<'suggestionRows'>[] = sort === 'replyDue' ? ['replyDue', 'sortKey'] : sort === 'assignedAt' ? ['assignedAt', 'sortKey'] : ['sortKey'];
  return fields.map((field) => ({ field, desc }));
}
