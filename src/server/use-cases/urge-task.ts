// tasks.urge: the coordinator's supervision (督办) of an open task: a reminder to the unit, and for a
// lead task held up by missing co-opinions, the recorded override that lets it reply.
import { z } from 'zod';
import type { ActionResult, UrgeTaskData } from '../../core/contract';
import { shanghaiDate } from '../../core/calendar';
import { AppError } from '../../core/errors';
import type { Task } from '../../core/model';
import { applyTaskAction } from '../../core/workflow';
import { Directory } from '../directory';
import { queueNotifications } from '../outbox';
import { assertNotArchived, loadTask, requireOfficeActor } from '../run-task-action';
import { workflowContextFor } from '../task-context';
import { defineUseCase, event } from '../use-case';
import { idField, optionalText, text } from '../validation';
import { taskView } from '../views';

const schema: z.ZodType<UrgeTaskData> = z.object({
  taskId: idField,
  message: optionalText(200),
  overrideCoOpinions: z.object({ reason: text(500) }).optional(),
});

const FINISHED: readonly Task['state'][] = ['returned', 'closed', 'opinionSent'];

export const urgeTask = defineUseCase({
  action: 'tasks.urge',
  access: 'user',
  schema,
  run: (data, ctx) =>
    ctx.write(async (tx): Promise<ActionResult<'tasks.urge'>> => {
      const loaded = await loadTask(tx, ctx, data.taskId);
      requireOfficeActor(loaded);
      assertNotArchived(loaded.suggestion);
      const { task, suggestion, records, user } = loaded;
      if (FINISHED.includes(task.state)) throw new AppError('INVALID_TRANSITION', '该任务已办结，无需督办');

      let next: Task = { ...task, lastUrgedAt: ctx.now, updatedAt: ctx.now, version: task.version + 1 };
      if (data.overrideCoOpinions) {
        const outcome = applyTaskAction(task, { type: 'overrideCoOpinions', reason: data.overrideCoOpinions.reason }, loaded.wctx);
        if (!outcome.ok) throw new AppError(outcome.code, outcome.message);
        next = { ...outcome.task, lastUrgedAt: ctx.now };
      }
      tx.update('tasks', next);
      tx.appendEvent(
        event(ctx, {
          action: 'tasks.urge',
          entity: 'task',
          entityId: task.id,
          suggestionId: task.suggestionId,
          detail: { ...(data.message ? { message: data.message } : {}), ...(data.overrideCoOpinions ? { overrideCoOpinions: data.overrideCoOpinions.reason } : {}) },
        }),
      );
      const body = data.message ?? `请抓紧办理${suggestion.number}号建议《${suggestion.title}》`;
      const notified = await queueNotifications(
        tx,
        [{ type: 'notify', to: 'handler', event: 'urged' }, { type: 'notify', to: 'reviewer', event: 'urged' }],
        next,
        suggestion,
        records.siblings,
        ctx.now,
        body,
      );
      const wctx = workflowContextFor(next, suggestion, records, user, ctx.now, ctx.deps.policy);
      return { notified, task: await taskView(next, suggestion, user, wctx, new Directory(tx), shanghaiDate(ctx.now)) };
    }),
});
