// tasks.urge (催办): a coordinator presses a unit on one open task. The reminder goes to the task's
// handler and the unit's reviewers (and, for a key-supervised suggestion, its leaders), is written to
// the outbox with the task's lastUrgedAt in one commit; the reminders function sends it on its next run
// (every 10 minutes; quiet hours hold it), never inside this request. Once a day per task. A 督办 of a lead task held up by missing
// co-opinions may carry the coordinator's recorded override (docs/architecture.md, Workflow table): the core records it on
// the task, after which the lead unit may submit its draft without them.
import * as z from 'zod';
import type { UrgeTaskData } from '../../contract';
import { shanghaiDate } from '../../core/calendar';
import { AppError } from '../../core/errors';
import type { Task } from '../../core/model';
import { applyTaskAction, checkRecordAction, type WorkflowEffect } from '../../core/workflow';
import type { ReminderRecipient } from '../../core/policy';
import { urgeMessage } from '../reminders/messages';
import { queueWorkflowNotices, writeOutbox } from '../reminders/outbox';
import { resolveRecipients } from '../reminders/recipients';
import { authorize } from '../access/permissions';
import { assertNotArchived, loadTask } from '../tasks/run-task-action';
import { workflowContextFor } from '../tasks/task-context';
import { defineUseCase, event } from '../use-case';
import { idField, optionalText } from '../validation';
import { taskView } from '../views';

const schema: z.ZodType<UrgeTaskData> = z.object({
  taskId: idField,
  message: optionalText(100),
  overrideCoOpinions: z.object({ reason: z.string().trim().min(1, '请填写免除会办意见的理由').max(200) }).optional(),
});

export const urgeTask = defineUseCase({
  action: 'tasks.urge',
  access: 'user',
  schema,
  async run(data, ctx) {
    const config = ctx.deps.reminderConfig;
    const today = shanghaiDate(ctx.now);

    const result = await ctx.write(async (tx) => {
      const loaded = await loadTask(tx, ctx, data.taskId);
      const { user, suggestion } = loaded;
      let task = loaded.task;
      authorize(user, 'tasks.urge', loaded);
      assertNotArchived(suggestion);
      let overridden: { from: string; to: string } | undefined;
      let overrideEffects: WorkflowEffect[] = [];
      if (data.overrideCoOpinions) {
        authorize(user, 'tasks.overrideCoOpinions', loaded);
        const outcome = applyTaskAction(task, { type: 'overrideCoOpinions', reason: data.overrideCoOpinions.reason }, loaded.wctx);
        if (!outcome.ok) throw new AppError(outcome.code, outcome.message);
        task = outcome.task;
        overridden = { from: outcome.from, to: outcome.to };
        overrideEffects = outcome.effects;
      }
      const refused = checkRecordAction(task, 'urge', loaded.wctx);
      if (refused) throw new AppError(refused.code, refused.message);
      const roles: ReminderRecipient[] = suggestion.keySupervised ? ['handler', 'reviewer', 'leader'] : ['handler', 'reviewer'];
      const directory = loaded.directory;
      const recipients = await resolveRecipients(directory, task, roles, suggestion);
      if (recipients.length === 0) throw new AppError('NOT_FOUND', '该单位还没有可接收催办的人员');
      const unit = await directory.unit(task.unitId);
      const message = urgeMessage({ task, suggestion, unit }, today, config, data.message);
      const occasionKey = `${task.id}:urge:r${task.round}:${today}`;
      const written = await writeOutbox(
        tx,
        recipients.map((recipient) => ({ occasionKey, kind: 'urge', recipient, taskId: task.id, suggestionId: suggestion.id, message })),
        ctx.now,
        { actorId: user.id, action: 'tasks.urge' },
      );
      // The waiver is a workflow step of its own: its notices (the table's effects) go out like any step's.
      await queueWorkflowNotices(tx, directory, { effects: overrideEffects, task, suggestion }, config, ctx.now, {
        actorId: user.id,
        action: 'tasks.urge',
      });
      // Urging is a fact about the task, not a step of its workflow: the version stays as it is
      // (an override, a workflow step, has already moved it on).
      const next: Task = { ...task, lastUrgedAt: ctx.now, updatedAt: ctx.now };
      tx.update('tasks', next);
      tx.appendEvent(
        event(ctx, {
          action: 'tasks.urge',
          entity: 'task',
          entityId: task.id,
          suggestionId: suggestion.id,
          ...(overridden ?? {}),
          detail: {
            notified: written.length,
            recipients: recipients.map((u) => u.id),
            ...(data.message ? { message: data.message } : {}),
            ...(data.overrideCoOpinions ? { overrideCoOpinions: data.overrideCoOpinions.reason } : {}),
          },
        }),
      );
      const wctx = workflowContextFor(next, suggestion, loaded.records, user, ctx.now, ctx.deps.policy);
      return { notified: written.length, task: await taskView(next, suggestion, user, wctx, directory, today) };
    });
    return result;
  },
});
