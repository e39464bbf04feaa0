// feedback.submit: the lead deputy rates attitude and result (满意/基本满意/不满意, reasons for 不满意);
// a 不满意 sends the task back for re-handling, otherwise it is closed.
import * as z from 'zod';
import type { SubmitFeedbackData } from '../../contract';
import { AppError } from '../../core/errors';
import type { Feedback } from '../../core/model';
import { runTaskAction } from '../tasks/run-task-action';
import { defineUseCase } from '../use-case';
import { newId } from '../ports/ids';
import { idField, optionalText } from '../validation';

const rating = z.enum(['satisfied', 'basic', 'unsatisfied']);
const schema: z.ZodType<SubmitFeedbackData> = z
  .object({ taskId: idField, attitude: rating, result: rating, reasons: optionalText(2000), coSignerViews: optionalText(2000) })
  .refine((d) => (d.attitude !== 'unsatisfied' && d.result !== 'unsatisfied') || (d.reasons ?? '').length > 0, {
    message: '评价不满意时请填写理由',
    path: ['reasons'],
  });

export const submitFeedback = defineUseCase({
  action: 'feedback.submit',
  access: 'user',
  schema,
  run: (data, ctx) =>
    runTaskAction(ctx, {
      action: 'feedback.submit',
      taskId: data.taskId,
      toCore: () => ({ type: 'feedback', attitude: data.attitude, result: data.result }),
      alsoWrite: ({ tx, task, records, user }) => {
        const reply = records.replies
          .filter((r) => r.taskId === task.id && r.signedAt && r.round === task.round)
          .sort((a, b) => (a.signedAt! < b.signedAt! ? 1 : -1))[0];
        if (!reply) throw new AppError('INVALID_TRANSITION', '没有可评价的答复');
        const feedback: Feedback = {
          id: newId(),
          replyId: reply.id,
          taskId: task.id,
          suggestionId: task.suggestionId,
          round: task.round,
          deputyId: user.id,
          attitude: data.attitude,
          result: data.result,
          ...(data.reasons ? { reasons: data.reasons } : {}),
          at: ctx.now,
        };
        tx.insert('feedback', feedback);
        return { feedbackId: feedback.id, attitude: data.attitude, result: data.result, ...(data.coSignerViews ? { coSignerViews: data.coSignerViews } : {}) };
      },
    }),
});
