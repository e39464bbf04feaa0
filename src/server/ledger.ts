// The ledger (台账): one row per task in scope, with the facts the office ticks off (销号).
import type { LedgerQuery, LedgerRow } from '../core/contract';
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
  const rows: LedgerRow[] = [];
  for (const suggestion of [...input.suggestions].sort(bySessionAndNumber)) {
    const tasks = input.tasks.filter((t) => t.suggestionId === suggestion.id);
    if (query.status && suggestionStatus(suggestion, tasks) !== query.status) continue;
    for (const task of tasks) {
      if (scope.kind === 'unit' && task.unitId !== scope.unitId) continue;
      const reply = input.replies.filter((r) => r.taskId === task.id && r.signedAt).sort((a, b) => b.round - a.round)[0];
      const feedback = input.feedbacks.filter((f) => f.taskId === task.id).sort((a, b) => b.round - a.round)[0];
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
        faceToFace: input.contacts.some((c) => c.taskId === task.id && c.faceToFace),
        ...(feedback ? { attitudeLabel: RATING_LABELS[feedback.attitude], resultLabel: RATING_LABELS[feedback.result] } : {}),
        overdue: deadline !== undefined && deadline.date < today,
        ...(task.closedAt ? { closedAt: task.closedAt } : {}),
      });
    }
  }
  return rows;
}
