// tasks.review: the department head (处室负责人) approves the draft for signature or sends it back.
import * as z from 'zod';
import type { ReviewDraftData } from '../../contract';
import { AppError } from '../../core/errors';
import { runTaskAction } from '../tasks/run-task-action';
import { currentDraft } from '../tasks/task-context';
import { defineUseCase } from '../use-case';
import { optionalText, taskRefFields } from '../validation';

const schema: z.ZodType<ReviewDraftData> = z
  .object({ ...taskRefFields, decision: z.enum(['approve', 'reject']), comment: optionalText(1000) })
  .refine((d) => d.decision === 'approve' || (d.comment ?? '').length > 0, { message: '退回修改时请填写意见', path: ['comment'] });

export const reviewDraft = defineUseCase({
  action: 'tasks.review',
  access: 'user',
  schema,
  run: (data, ctx) =>
    runTaskAction(ctx, {
      action: 'tasks.review',
      taskId: data.taskId,
      version: data.version,
      toCore: () => ({ type: 'review', approve: data.decision === 'approve', ...(data.comment ? { comment: data.comment } : {}) }),
      alsoWrite: ({ tx, task, records, user }) => {
        const draft = currentDraft(task, records.replies);
        if (!draft) throw new AppError('INVALID_TRANSITION', '没有待审核的答复稿');
        const review = { by: user.id, at: ctx.now, decision: data.decision, ...(data.comment ? { comment: data.comment } : {}) };
        tx.update('replies', { ...draft, reviews: [...draft.reviews, review], updatedAt: ctx.now, version: draft.version + 1 });
        return { replyId: draft.id, decision: data.decision };
      },
    }),
});
