// tasks.saveDraft: the handler writes (or rewrites) the reply of the current round: class A–D,
// point-by-point text, the leader's and handler's contacts, the co-opinions it cites and, for a
// B or C reply, the promise to look back on.
import * as z from 'zod';
import type { SaveDraftData, TaskResult } from '../../contract';
import { shanghaiDate } from '../../core/calendar';
import { AppError } from '../../core/errors';
import type { Reply } from '../../core/model';
import { isPromiseClass, PROMISE_REQUIRED } from '../../core/replies';
import { checkRecordAction } from '../../core/workflow';
import { authorize } from '../access/permissions';
import { assertNotArchived, assertVersion, loadTask } from '../tasks/run-task-action';
import { currentDraft, workflowContextFor } from '../tasks/task-context';
import { defineUseCase, event } from '../use-case';
import { newId } from '../ports/ids';
import { dateField, idField, personContact, taskRefFields, text } from '../validation';
import { taskView } from '../views';

const schema: z.ZodType<SaveDraftData> = z
  .object({
    ...taskRefFields,
    class: z.enum(['A', 'B', 'C', 'D']),
    text: text(20000),
    leaderContact: personContact,
    handlerContact: personContact,
    coOpinionIds: z.array(idField).max(50).optional(),
    commitment: z.object({ promise: text(1000), targetDate: dateField }).optional(),
  })
  .refine((d) => !isPromiseClass(d.class) || d.commitment !== undefined, {
    message: PROMISE_REQUIRED,
    path: ['commitment'],
  });

export const saveDraft = defineUseCase({
  action: 'tasks.saveDraft',
  access: 'user',
  schema,
  run: (data, ctx) =>
    ctx.write(async (tx): Promise<TaskResult> => {
      const loaded = await loadTask(tx, ctx, data.taskId);
      const { task, suggestion, records, user } = loaded;
      authorize(user, 'tasks.saveDraft', loaded);
      assertNotArchived(suggestion);
      assertVersion(task, data.version);
      const refused = checkRecordAction(task, 'saveDraft', loaded.wctx);
      if (refused) throw new AppError(refused.code, refused.message);

      const ownOpinions = new Set(records.opinions.map((o) => o.id));
      const cited = data.coOpinionIds ?? (task.role === 'lead' ? [...ownOpinions] : []);
      if (cited.some((id) => !ownOpinions.has(id))) throw new AppError('VALIDATION', '「引用的会办意见」不属于本建议');

      const draft = currentDraft(task, records.replies);
      const fields = {
        class: data.class,
        text: data.text,
        leaderContact: data.leaderContact,
        handlerContact: data.handlerContact,
        coOpinionIds: cited,
        ...(data.commitment && isPromiseClass(data.class) ? { commitment: data.commitment } : {}),
        updatedAt: ctx.now,
      };
      let reply: Reply;
      if (draft) {
        const { commitment: _old, ...rest } = draft;
        reply = { ...rest, ...fields, version: draft.version + 1 };
        tx.update('replies', reply);
      } else {
        reply = {
          id: newId(),
          taskId: task.id,
          suggestionId: task.suggestionId,
          round: task.round,
          reviews: [],
          createdBy: user.id,
          createdAt: ctx.now,
          version: 1,
          ...fields,
        };
        tx.insert('replies', reply);
      }
      const next = { ...task, updatedAt: ctx.now, version: task.version + 1 };
      tx.update('tasks', next);
      tx.appendEvent(
        event(ctx, { action: 'tasks.saveDraft', entity: 'reply', entityId: reply.id, suggestionId: task.suggestionId, detail: { taskId: task.id, class: data.class } }),
      );
      const replies = [...records.replies.filter((r) => r.id !== reply.id), reply];
      const wctx = workflowContextFor(next, suggestion, { ...records, replies }, user, ctx.now, ctx.deps.policy);
      return { task: await taskView(next, suggestion, user, wctx, loaded.directory, shanghaiDate(ctx.now)) };
    }),
});
