// tasks.sign: the unit's head signs the approved reply; the deputy sees it from now on. A B or C
// reply's promise becomes a commitment to look back on (回头看). What its letter shows is fixed now.
import * as z from 'zod';
import type { SignReplyData } from '../../contract';
import { AppError } from '../../core/errors';
import type { Commitment, Reply } from '../../core/model';
import { isPromiseClass } from '../../core/replies';
import { runTaskAction } from '../tasks/run-task-action';
import { currentDraft } from '../tasks/task-context';
import { defineUseCase } from '../use-case';
import { newId } from '../ports/ids';
import { letterFactsFor } from '../papers/letters';
import { optionalText, taskRefFields } from '../validation';

const schema: z.ZodType<SignReplyData> = z.object({ ...taskRefFields, note: optionalText(500) });

export const signReply = defineUseCase({
  action: 'tasks.sign',
  access: 'user',
  schema,
  run: async (data, ctx) => {
    let signed: Reply | undefined;
    const result = await runTaskAction(ctx, {
      action: 'tasks.sign',
      taskId: data.taskId,
      version: data.version,
      toCore: () => ({ type: 'sign' }),
      alsoWrite: ({ tx, task, records, user }) => {
        const draft = currentDraft(task, records.replies);
        if (!draft) throw new AppError('INVALID_TRANSITION', '没有待签发的答复');
        signed = { ...draft, signerId: user.id, signedAt: ctx.now, updatedAt: ctx.now, version: draft.version + 1 };
        tx.update('replies', signed);
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
      // What the letter shows is fixed now, from the records and names this step holds (no request of
      // its own); its file is made when first asked for (papers/letters.ts).
      thenWrite: async ({ tx, records, suggestion, attachments, directory }, next) => {
        const siblings = records.tasks.map((t) => (t.id === next.id ? next : t));
        const letterFacts = await letterFactsFor(tx, signed!, { task: next, suggestion, siblings, attachments, directory });
        tx.update('replies', { ...signed!, letterFacts });
      },
    });
    return result;
  },
});
