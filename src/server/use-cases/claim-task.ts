// tasks.claim: the unit takes the task on and names its responsible person (办理责任人).
import * as z from 'zod';
import type { ClaimTaskData } from '../../contract';
import { AppError } from '../../core/errors';
import { runTaskAction } from '../tasks/run-task-action';
import { caller, defineUseCase } from '../use-case';
import { idField, taskRefFields } from '../validation';

const schema: z.ZodType<ClaimTaskData> = z.object({ ...taskRefFields, responsibleUserId: idField.optional() });

export const claimTask = defineUseCase({
  action: 'tasks.claim',
  access: 'user',
  schema,
  run: (data, ctx) => {
    const responsibleUserId = data.responsibleUserId ?? caller(ctx).id;
    return runTaskAction(ctx, {
      action: 'tasks.claim',
      taskId: data.taskId,
      version: data.version,
      check: async ({ tx, task }) => {
        const person = await tx.get('users', responsibleUserId);
        if (!person || person.unitId !== task.unitId) throw new AppError('VALIDATION', '「办理责任人」应为本单位人员');
      },
      toCore: () => ({ type: 'claim', userId: responsibleUserId }),
    });
  },
});
