// suggestions.list: the suggestions the caller may see, with status, step, units and the nearest due date.
import * as z from 'zod';
import type { ListSuggestionsData, ListSuggestionsResult, SuggestionListItem } from '../../contract';
import { shanghaiDate } from '../../core/calendar';
import { deadlineStanding } from '../../core/deadlines';
import type { DeadlinePolicy } from '../../core/policy';
import { DEADLINE_KIND_LABELS, SUGGESTION_STATUS_LABELS, TASK_STATE_LABELS, UNIT_ROLE_LABELS } from '../../core/labels';
import { REPLYING_ROLES } from '../../core/workflow';
import type { User } from '../../core/model';
import { remainingDaysText } from '../../core/reminders';
import { DEPUTY_STEPS, deputyStep, isSuggestionDone } from '../../core/status';
import { Directory, type Names } from '../directory';
import { isDeputyOf, isOffice, isStaffOf } from '../access/permissions';
import { caller, defineUseCase } from '../use-case';
import { caseFilterFields, pagingOf, suggestionOrder, suggestionQuery } from '../queries/case-queries';
import type { SuggestionRow } from '../ports/read-model-docs';

const schema: z.ZodType<ListSuggestionsData> = z.object(caseFilterFields);

export const listSuggestions = defineUseCase({
  action: 'suggestions.list',
  access: 'user',
  schema,
  async run(data, ctx): Promise<ListSuggestionsResult> {
    const user = caller(ctx);
    const today = shanghaiDate(ctx.now);
    const store = ctx.deps.store;
    const { page, pageSize, offset } = pagingOf(data);
    const query = suggestionQuery(data, user, today, ctx.deps.policy);
    const [rows, total] = await Promise.all([
      store.find('suggestionRows', { ...query, orderBy: suggestionOrder(data.sort, data.order), offset, limit: pageSize }),
      store.count('suggestionRows', query),
    ]);
    const names = await new Directory(store).names(
      rows.map((r) => r.leadDeputyId),
      rows.flatMap((r) => r.tasks.map((t) => t.unitId)),
    );
    const items = rows.map((row) => listItem(row, user, today, ctx.deps.policy, names));
    return { items, total, page, pageSize };
  },
});

function listItem(suggestion: SuggestionRow, user: User, today: string, policy: DeadlinePolicy, names: Names): SuggestionListItem {
  const { status, tasks } = suggestion;
  const live = tasks.filter((t) => t.state !== 'returned');
  // Unit staff look at their own unit's tasks; deputies and the office at the whole suggestion.
  const asStaff = !isOffice(user) && !isDeputyOf(user, suggestion);
  const ownTasks = asStaff ? live.filter((t) => isStaffOf(user, t.unitId)) : live;
  // The deputy and the office follow the reply to the deputy; a co-opinion date is the units' own affair.
  const timed = asStaff ? ownTasks : ownTasks.filter((t) => REPLYING_ROLES.includes(t.role));
  const deadlines = timed
    .flatMap((t) => (t.activeDue && t.activeKind ? [{ date: t.activeDue, kind: t.activeKind }] : []))
    .sort((a, b) => a.date.localeCompare(b.date));
  const replyDue = deadlines[0]?.date;
  const step = isDeputyOf(user, suggestion) && !isOffice(user)
    ? DEPUTY_STEPS[deputyStep(status)]
    : ownTasks.length > 0 && status !== 'archived'
      ? [...new Set(ownTasks.map((t) => TASK_STATE_LABELS[t.state]))].join('、')
      : SUGGESTION_STATUS_LABELS[status];
  const units = live.map((t) => ({
    unitId: t.unitId,
    unitName: names.unit(t.unitId),
    role: t.role,
    roleLabel: UNIT_ROLE_LABELS[t.role],
  }));
  // The deputy's step dates come from the tasks that reply to him or her (主办/分办/独办).
  const replying = live.filter((t) => REPLYING_ROLES.includes(t.role));
  const replies = replying.map((t) => t.firstRepliedAt).filter((d): d is string => d !== undefined).sort();
  const closings = replying.map((t) => t.closedAt).filter((d): d is string => d !== undefined).sort();
  return {
    ...(suggestion.assignedAt !== '' ? { assignedAt: suggestion.assignedAt } : {}),
    ...(replies[0] ? { repliedAt: replies[0] } : {}),
    ...(isSuggestionDone(status) && closings.length > 0 ? { ratedAt: closings[closings.length - 1] } : {}),
    id: suggestion.id,
    number: suggestion.number,
    title: suggestion.title,
    session: suggestion.session,
    status,
    statusLabel: SUGGESTION_STATUS_LABELS[status],
    step,
    leadDeputyName: names.user(suggestion.leadDeputyId),
    keySupervised: suggestion.keySupervised,
    units,
    ...(replyDue ? { replyDue, deadlineLabel: DEADLINE_KIND_LABELS[deadlines[0]!.kind], daysLeftText: remainingDaysText(replyDue, today), ...flags(deadlineStanding(replyDue, today, policy)) } : {}),
  };
}

const flags = ({ overdue, atRisk }: { overdue: boolean; atRisk: boolean }) => ({ overdue, atRisk });
