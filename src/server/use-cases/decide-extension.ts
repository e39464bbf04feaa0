// tasks.decideExtension: the coordinator grants or refuses a pending extension.
import * as z from 'zod';
import type { DecideExtensionData } from '../../contract';
import { runTaskAction } from '../tasks/run-task-action';
import { defineUseCase } from '../use-case';
import { optionalText, taskRefFields } from '../validation';

const schema: z.ZodType<DecideExtensionData> = z.object({ ...taskRefFields, approve: z.boolean(), comment: optionalText(500) });

export const decideExtension = defineUseCase({
  action: 'tasks.decideExtension',
  access: 'user',
  schema,
  run: (data, ctx) =>
    runTaskAction(ctx, {
      action: 'tasks.decideExtension',
      taskId: data.taskId,
      version: data.version,
      toCore: () => ({ type: 'decideExtension', approve: data.approve, ...(data.comment ? { comment: data.comment } : {}) }),
    }),
});
