// commitments.progress: the unit reports how a B/C promise is being carried out, and finally answers
// again when it is done (回头看).
import * as z from 'zod';
import type { CommitmentProgressData, IdResult } from '../../contract';
import { AppError } from '../../core/errors';
import { assertNotArchived } from '../tasks/run-task-action';
import { authorize } from '../access/permissions';
import { caller, defineUseCase, event } from '../use-case';
import { idField, optionalText, text } from '../validation';

const schema: z.ZodType<CommitmentProgressData> = z
  .object({ commitmentId: idField, text: text(5000), done: z.boolean().optional(), finalAnswer: optionalText(20000) })
  .refine((d) => !d.done || (d.finalAnswer ?? '').length > 0, { message: '落实完毕时请填写最终答复', path: ['finalAnswer'] });

export const recordProgress = defineUseCase({
  action: 'commitments.progress',
  access: 'user',
  schema,
  run: (data, ctx) =>
    ctx.write(async (tx): Promise<IdResult> => {
      const user = caller(ctx);
      const commitment = await tx.get('commitments', data.commitmentId);
      if (!commitment) throw new AppError('NOT_FOUND', '没有找到该落实事项');
      // Its detail document first: the task and the suggestion come with it, and the commit's rows derive from it.
      await tx.get('suggestionDetails', commitment.suggestionId);
      const task = await tx.get('tasks', commitment.taskId);
      const suggestion = await tx.get('suggestions', commitment.suggestionId);
      if (!task || !suggestion) throw new AppError('NOT_FOUND', '没有找到该落实事项');
      authorize(user, 'commitments.progress', { task });
      assertNotArchived(suggestion);
      if (commitment.doneAt) throw new AppError('INVALID_TRANSITION', '该事项已落实完毕');
      const next = {
        ...commitment,
        progress: [...commitment.progress, { at: ctx.now, by: user.id, text: data.text }],
        ...(data.done ? { doneAt: ctx.now, finalAnswer: data.finalAnswer } : {}),
      };
      tx.update('commitments', next);
      tx.appendEvent(event(ctx, { action: 'commitments.progress', entity: 'commitment', entityId: commitment.id, suggestionId: commitment.suggestionId, ...(data.done ? { to: 'done' } : {}) }));
      return { id: commitment.id };
    }),
});
