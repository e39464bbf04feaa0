// tasks.requestExtension: the unit asks for a later reply date, never past the policy's cap.
import * as z from 'zod';
import type { RequestExtensionData } from '../../contract';
import { runTaskAction } from '../tasks/run-task-action';
import { defineUseCase } from '../use-case';
import { dateField, taskRefFields, text } from '../validation';

const schema: z.ZodType<RequestExtensionData> = z.object({ ...taskRefFields, reason: text(500), requestedDue: dateField });

export const requestExtension = defineUseCase({
  action: 'tasks.requestExtension',
  access: 'user',
  schema,
  run: (data, ctx) =>
    runTaskAction(ctx, {
      action: 'tasks.requestExtension',
      taskId: data.taskId,
      version: data.version,
      toCore: () => ({ type: 'requestExtension', reason: data.reason, requestedDue: data.requestedDue }),
    }),
});
