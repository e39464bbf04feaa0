// The ledger (台账): one row per task in scope, with the facts the office ticks off (销号).
import type { LedgerQuery, LedgerRow } from '../contract';
import { activeDeadline } from '../core/deadlines';
import { RATING_LABELS, TASK_STATE_LABELS, UNIT_ROLE_LABELS } from '../core/labels';
import type { User } from '../core/model';
import { suggestionStatus } from '../core/status';
import { Directory } from './directory';
import type { Reader } from './ports';
import { metricsInput, scopeFor } from './reporting';
import { bySessionAndNumber } from './visible-suggestions';

export async function ledgerRows(reader: Reader, user: User, query: LedgerQuery, today: string): Promise<LedgerRow[]> {
  const scope = scopeFor(user, query.unitId);
  const input = await metricsInput(reader, { ...(query.year !== undefined ? { year: query.year } : {}), ...(query.session ? { session: query.session } : {}) });
  const directory = new Directory(reader);
  // Grouped once, so that the ledger grows linearly with the year (9,200 suggestions nationally).
  const tasksOf = groupBy(input.tasks, (t) => t.suggestionId);
  const latestReply = latestRoundBy(input.replies.filter((r) => r.signedAt));
  const latestFeedback = latestRoundBy(input.feedbacks);
  const faceToFaceTasks = new Set(input.contacts.filter((c) => c.faceToFace).map((c) => c.taskId));
  const rows: LedgerRow[] = [];
  for (const suggestion of [...input.suggestions].sort(bySessionAndNumber)) {
    const tasks = tasksOf.get(suggestion.id) ?? [];
    if (query.status && suggestionStatus(suggestion, tasks) !== query.status) continue;
    for (const task of tasks) {
      if (scope.kind === 'unit' && task.unitId !== scope.unitId) continue;
      const reply = latestReply.get(task.id);
      const feedback = latestFeedback.get(task.id);
      const deadline = activeDeadline(task);
      rows.push({
        suggestionId: suggestion.id,
        taskId: task.id,
        number: suggestion.number,
        title: suggestion.title,
        leadDeputyName: await directory.userName(suggestion.leadDeputyId),
        unitName: await directory.unitName(task.unitId),
        roleLabel: UNIT_ROLE_LABELS[task.role],
        stateLabel: TASK_STATE_LABELS[task.state],
        ...(task.responsibleUserId ? { responsibleName: await directory.userName(task.responsibleUserId) } : {}),
        assignedAt: task.assignedAt,
        replyDue: task.due.reply,
        ...(task.repliedAt ? { repliedAt: task.repliedAt } : {}),
        ...(reply ? { replyClass: reply.class } : {}),
        faceToFace: faceToFaceTasks.has(task.id),
        ...(feedback ? { attitudeLabel: RATING_LABELS[feedback.attitude], resultLabel: RATING_LABELS[feedback.result] } : {}),
        overdue: deadline !== undefined && deadline.date < today,
        ...(task.closedAt ? { closedAt: task.closedAt } : {}),
      });
    }
  }
  return rows;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

/** Each task's row of the highest round. */
function latestRoundBy<T extends { taskId: string; round: number }>(rows: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const row of rows) {
    const prev = out.get(row.taskId);
    if (!prev || row.round > prev.round) out.set(row.taskId, row);
  }
  return out;
}
