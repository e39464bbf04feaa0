// tasks.decideReturn: the coordinator agrees (the task ends, to be reassigned) or refuses a return.
import * as z from 'zod';
import type { DecideReturnData } from '../../contract';
import { runTaskAction } from '../tasks/run-task-action';
import { defineUseCase } from '../use-case';
import { optionalText, taskRefFields } from '../validation';

const schema: z.ZodType<DecideReturnData> = z.object({ ...taskRefFields, approve: z.boolean(), comment: optionalText(500) });

export const decideReturn = defineUseCase({
  action: 'tasks.decideReturn',
  access: 'user',
  schema,
  run: (data, ctx) =>
    runTaskAction(ctx, {
      action: 'tasks.decideReturn',
      taskId: data.taskId,
      version: data.version,
      toCore: () => ({ type: 'decideReturn', approve: data.approve, ...(data.comment ? { comment: data.comment } : {}) }),
    }),
});
