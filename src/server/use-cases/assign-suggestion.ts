// suggestions.assign: the coordinator assigns (交办) a suggestion to units with their roles; each task
// gets its due dates from the policy. Also reassigns after a unit's return, and adds 会办 units to a
// 独办, which becomes their 主办 (the co-opinion deadline counts from then); nothing on a finished one.
import * as z from 'zod';
import type { AssignSuggestionData, AssignSuggestionResult } from '../../contract';
import { AppError } from '../../core/errors';
import { authorize } from '../access/permissions';
import { allDone, assignedInstant, assignmentProblem, newTasks, soleToLead } from '../tasks/assignment';
import { assertNotArchived, assertVersion } from '../tasks/run-task-action';
import { assignmentMessage } from '../reminders/messages';
import { detailIn } from '../read-models/details';
import { detailRecords } from '../read-models/project';
import { writeOutbox } from '../reminders/outbox';
import { caller, defineUseCase, event } from '../use-case';
import { dateField, idField, optionalText, versionField } from '../validation';

const schema: z.ZodType<AssignSuggestionData> = z.object({
  suggestionId: idField,
  version: versionField,
  units: z
    .array(z.object({ unitId: idField, role: z.enum(['lead', 'co', 'split', 'sole']), requirements: optionalText(1000) }))
    .min(1)
    .max(30),
  assignedDate: dateField.optional(),
});

export const assignSuggestion = defineUseCase({
  action: 'suggestions.assign',
  access: 'user',
  schema,
  run: (data, ctx) => {
    authorize(caller(ctx), 'suggestions.assign');
    return ctx.write(async (tx): Promise<AssignSuggestionResult> => {
      // The detail document first: the suggestion and its tasks come with it (read-models/details.ts).
      const detail = await detailIn(tx, data.suggestionId);
      const suggestion = detail && (await tx.get('suggestions', data.suggestionId));
      if (!detail || !suggestion) throw new AppError('NOT_FOUND', '没有找到该建议');
      assertNotArchived(suggestion);
      assertVersion(suggestion, data.version);
      // Every unit named, in one request (their names go into the deputies' notices below).
      const named = new Set((await tx.getMany('units', data.units.map((u) => u.unitId))).map((u) => u.id));
      if (data.units.some((unit) => !named.has(unit.unitId))) throw new AppError('VALIDATION', '「承办单位」不存在');
      const live = detailRecords(detail).tasks.filter((t) => t.state !== 'returned');
      if (allDone(live)) throw new AppError('INVALID_TRANSITION', '该建议已办结，不能再交办');
      const promoted = soleToLead(data.units, live);
      const problem = assignmentProblem(data.units, promoted ? live.map((t) => (t.id === promoted.id ? { ...t, role: 'lead' as const } : t)) : live);
      if (problem) throw new AppError('VALIDATION', problem);
      if (promoted) {
        // Read through the transaction before it is written (on CloudBase: from the detail document).
        const stored = await tx.get('tasks', promoted.id);
        if (!stored || stored.version !== promoted.version) throw new AppError('CONFLICT');
        tx.update('tasks', { ...stored, role: 'lead', updatedAt: ctx.now, version: stored.version + 1 });
        tx.appendEvent(event(ctx, { action: 'suggestions.assign', entity: 'task', entityId: promoted.id, suggestionId: suggestion.id, detail: { unitId: promoted.unitId, role: 'lead', was: 'sole' } }));
      }
      const assignedAt = assignedInstant(data.assignedDate, ctx.now);
      const tasks = newTasks(suggestion.id, data.units, assignedAt, ctx.now, ctx.deps.policy);
      for (const task of tasks) {
        tx.insert('tasks', task);
        tx.appendEvent(event(ctx, { action: 'suggestions.assign', entity: 'task', entityId: task.id, suggestionId: suggestion.id, to: 'assigned', detail: { unitId: task.unitId, role: task.role } }));
      }
      const next = { ...suggestion, assignedAt: suggestion.assignedAt ?? assignedAt, version: suggestion.version + 1 };
      tx.update('suggestions', next);
      // 一人一函: each deputy of the suggestion is told the units, their roles and the reply deadline.
      const units = new Map((await tx.getMany('units', [...new Set(tasks.map((t) => t.unitId))])).map((u) => [u.id, u]));
      const assigned = tasks.map((task) => ({ task, unit: units.get(task.unitId) }));
      const deputies = await tx.getMany('users', [suggestion.leadDeputyId, ...suggestion.coSignerIds]);
      const entries = deputies.map((recipient) => ({
        occasionKey: `${suggestion.id}:assigned:v${next.version}`,
        kind: 'assigned',
        recipient,
        suggestionId: suggestion.id,
        message: assignmentMessage(next, assigned, recipient.id === suggestion.leadDeputyId, ctx.deps.reminderConfig),
      }));
      // Keyed by the suggestion's new version, written in this commit: not looked for first (outbox.ts).
      await writeOutbox(tx, entries, ctx.now, { actorId: caller(ctx).id, action: 'suggestions.assign' }, { checked: false });
      return { taskIds: tasks.map((t) => t.id) };
    });
  },
});
