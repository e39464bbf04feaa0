// The ledger (台账): one row per task in scope, with the facts the office ticks off (销号), read page by
// page from the ledger read model (src/server/read-models/project.ts) with the filters of ledger.list.
import type { LedgerQuery, LedgerRow } from '../../contract';
import { daysBetween } from '../../core/calendar';
import { DEADLINE_KIND_LABELS, RATING_LABELS, TASK_STATE_LABELS, UNIT_ROLE_LABELS } from '../../core/labels';
import type { User } from '../../core/model';
import type { DeadlinePolicy } from '../../core/policy';
import { remainingDaysText } from '../../core/reminders';
import { ledgerOrder, ledgerQuery } from './case-queries';
import { Directory } from '../directory';
import type { Reader } from '../ports';
import { NO_DUE, type LedgerRowDoc } from '../ports/read-model-docs';
import { scopeFor } from './reporting';

export interface LedgerSlice {
  offset: number;
  limit?: number; // every row when absent (the export)
}

export async function ledgerRows(
  reader: Reader,
  user: User,
  query: LedgerQuery,
  today: string,
  policy: DeadlinePolicy,
  slice: LedgerSlice = { offset: 0 },
): Promise<{ rows: LedgerRow[]; total: number }> {
  const scope = scopeFor(user, query.unitId);
  const filter = ledgerQuery(query, scope.kind === 'unit' ? scope.unitId : undefined, today, policy);
  const [docs, total] = await Promise.all([
    reader.find('ledgerRows', {
      ...filter,
      orderBy: ledgerOrder(query.sort, query.order),
      ...(slice.offset ? { offset: slice.offset } : {}),
      ...(slice.limit !== undefined ? { limit: slice.limit } : {}),
    }),
    slice.limit === undefined ? Promise.resolve(-1) : reader.count('ledgerRows', filter),
  ]);
  const directory = new Directory(reader);
  await directory.preload(
    docs.flatMap((d) => [d.leadDeputyId, d.responsibleUserId]),
    docs.map((d) => d.unitId),
  );
  const rows = await Promise.all(docs.map((d) => ledgerRow(d, today, policy.atRiskDays, directory)));
  return { rows, total: total < 0 ? rows.length : total };
}

async function ledgerRow(d: LedgerRowDoc, today: string, atRiskDays: number, directory: Directory): Promise<LedgerRow> {
  const due = d.activeDue === NO_DUE ? undefined : d.activeDue;
  const daysText = due ? remainingDaysText(due, today) : undefined;
  return {
    suggestionId: d.suggestionId,
    taskId: d.id,
    number: d.number,
    title: d.title,
    leadDeputyName: await directory.userName(d.leadDeputyId),
    unitName: await directory.unitName(d.unitId),
    roleLabel: UNIT_ROLE_LABELS[d.role],
    stateLabel: TASK_STATE_LABELS[d.state],
    ...(d.responsibleUserId ? { responsibleName: await directory.userName(d.responsibleUserId) } : {}),
    assignedAt: d.assignedAt,
    replyDue: d.replyDue,
    ...(d.repliedAt ? { repliedAt: d.repliedAt } : {}),
    ...(d.replyClass !== 'none' ? { replyClass: d.replyClass } : {}),
    faceToFace: d.faceToFace,
    ...(d.attitude && d.result ? { attitudeLabel: RATING_LABELS[d.attitude], resultLabel: RATING_LABELS[d.result] } : {}),
    overdue: due !== undefined && due < today,
    ...(d.closedAt ? { closedAt: d.closedAt } : {}),
    keySupervised: d.keySupervised,
    atRisk: due !== undefined && due >= today && daysBetween(today, due) <= atRiskDays,
    ...(due ? { dueDate: due, dueLabel: DEADLINE_KIND_LABELS[d.activeKind ?? 'reply'] } : {}),
    ...(daysText ? { daysLeftText: daysText } : {}),
  };
}
