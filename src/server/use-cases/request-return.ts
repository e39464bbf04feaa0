// tasks.requestReturn: a unit that thinks the assignment is wrong asks, within the window, to return it.
import * as z from 'zod';
import type { RequestReturnData } from '../../contract';
import { runTaskAction } from '../tasks/run-task-action';
import { defineUseCase } from '../use-case';
import { taskRefFields, text } from '../validation';

const schema: z.ZodType<RequestReturnData> = z.object({ ...taskRefFields, reason: text(500) });

export const requestReturn = defineUseCase({
  action: 'tasks.requestReturn',
  access: 'user',
  schema,
  run: (data, ctx) =>
    runTaskAction(ctx, {
      action: 'tasks.requestReturn',
      taskId: data.taskId,
      version: data.version,
      toCore: () => ({ type: 'requestReturn', reason: data.reason }),
    }),
});
