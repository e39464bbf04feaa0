// suggestions.assign: the coordinator assigns (交办) a suggestion to units with their roles; each task
// gets its due dates from the policy. Also reassigns after a unit's return.
import * as z from 'zod';
import type { AssignSuggestionData, AssignSuggestionResult } from '../../contract';
import { AppError } from '../../core/errors';
import { authorize } from '../access/permissions';
import { assignedInstant, assignmentProblem, newTasks } from '../tasks/assignment';
import { assertNotArchived, assertVersion } from '../tasks/run-task-action';
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
      const suggestion = await tx.get('suggestions', data.suggestionId);
      if (!suggestion) throw new AppError('NOT_FOUND', '没有找到该建议');
      assertNotArchived(suggestion);
      assertVersion(suggestion, data.version);
      for (const unit of data.units) {
        if (!(await tx.get('units', unit.unitId))) throw new AppError('VALIDATION', '「承办单位」不存在');
      }
      const live = (await tx.find('tasks', { where: { suggestionId: suggestion.id } })).filter((t) => t.state !== 'returned');
      const problem = assignmentProblem(data.units, live);
      if (problem) throw new AppError('VALIDATION', problem);
      const assignedAt = assignedInstant(data.assignedDate, ctx.now);
      const tasks = newTasks(suggestion.id, data.units, assignedAt, ctx.now, ctx.deps.policy);
      for (const task of tasks) {
        tx.insert('tasks', task);
        tx.appendEvent(event(ctx, { action: 'suggestions.assign', entity: 'task', entityId: task.id, suggestionId: suggestion.id, to: 'assigned', detail: { unitId: task.unitId, role: task.role } }));
      }
      tx.update('suggestions', { ...suggestion, assignedAt: suggestion.assignedAt ?? assignedAt, version: suggestion.version + 1 });
      return { taskIds: tasks.map((t) => t.id) };
    });
  },
});
