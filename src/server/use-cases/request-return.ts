// tasks.requestReturn: a unit that thinks the assignment is wrong asks, within the window, to return it.
import { z } from 'zod';
import type { RequestReturnData } from '../../contract';
import { requireUnitActor, runTaskAction } from '../run-task-action';
import { UNIT_ACTORS } from '../task-permissions';
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
      authorize: (l) => requireUnitActor(l, UNIT_ACTORS.requestReturn),
      toCore: () => ({ type: 'requestReturn', reason: data.reason }),
    }),
});
