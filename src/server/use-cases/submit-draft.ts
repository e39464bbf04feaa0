// tasks.submitDraft: the handler sends the saved reply draft to the reviewer (a lead task only
// once every co-handler's opinion is in, or the coordinator waived the missing ones).
import * as z from 'zod';
import type { TaskRef } from '../../contract';
import { runTaskAction } from '../tasks/run-task-action';
import { defineUseCase } from '../use-case';
import { taskRefFields } from '../validation';

const schema: z.ZodType<TaskRef> = z.object(taskRefFields);

export const submitDraft = defineUseCase({
  action: 'tasks.submitDraft',
  access: 'user',
  schema,
  run: (data, ctx) =>
    runTaskAction(ctx, {
      action: 'tasks.submitDraft',
      taskId: data.taskId,
      version: data.version,
      toCore: () => ({ type: 'submitDraft' }),
    }),
});
