// tasks.sign: the unit's head signs the approved reply; the deputy sees it from now on. A B or C
// reply's promise becomes a commitment to look back on (回头看).
import * as z from 'zod';
import type { SignReplyData } from '../../contract';
import { AppError } from '../../core/errors';
import type { Commitment } from '../../core/model';
import { isPromiseClass } from '../../core/replies';
import { runTaskAction } from '../tasks/run-task-action';
import { currentDraft } from '../tasks/task-context';
import { defineUseCase, type UseCaseContext } from '../use-case';
import { newId } from '../ports/ids';
import { ensureLetter } from '../papers/letters';
import { optionalText, taskRefFields } from '../validation';

const schema: z.ZodType<SignReplyData> = z.object({ ...taskRefFields, note: optionalText(500) });

export const signReply = defineUseCase({
  action: 'tasks.sign',
  access: 'user',
  schema,
  run: async (data, ctx) => {
    const result = await runTaskAction(ctx, {
      action: 'tasks.sign',
      taskId: data.taskId,
      version: data.version,
      toCore: () => ({ type: 'sign' }),
      alsoWrite: ({ tx, task, records, user }) => {
        const draft = currentDraft(task, records.replies);
        if (!draft) throw new AppError('INVALID_TRANSITION', '没有待签发的答复');
        tx.update('replies', { ...draft, signerId: user.id, signedAt: ctx.now, updatedAt: ctx.now, version: draft.version + 1 });
        if (isPromiseClass(draft.class) && draft.commitment) {
          const commitment: Commitment = {
            id: newId(),
            replyId: draft.id,
            taskId: task.id,
            suggestionId: task.suggestionId,
            promise: draft.commitment.promise,
            targetDate: draft.commitment.targetDate,
            progress: [],
          };
          tx.insert('commitments', commitment);
        }
        return { replyId: draft.id, class: draft.class, ...(data.note ? { note: data.note } : {}) };
      },
    });
    await letterAfterSignature(ctx, data.taskId);
    return result;
  },
});

/**
 * The reply letter is made as soon as the reply is signed. The signature stands even when the letter
 * cannot be made now (the file store unreachable): letters.get makes it when first asked for.
 */
async function letterAfterSignature(ctx: UseCaseContext, taskId: string): Promise<void> {
  if (!ctx.deps.files) return;
  try {
    const replies = await ctx.deps.store.find('replies', { where: { taskId } });
    const signed = replies.filter((r) => r.signedAt).sort((a, b) => b.round - a.round)[0];
    if (signed) await ensureLetter(ctx, signed.id);
  } catch (error) {
    ctx.deps.log(`reply letter of task ${taskId} not made at signature`, error);
  }
}
