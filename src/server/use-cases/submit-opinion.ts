// tasks.submitOpinion: a co-handler sends its written opinion to the lead unit (never to the deputy).
import * as z from 'zod';
import type { SubmitOpinionData } from '../../contract';
import type { Opinion } from '../../core/model';
import { runTaskAction } from '../tasks/run-task-action';
import { defineUseCase } from '../use-case';
import { newId } from '../ports/ids';
import { personContact, taskRefFields, text } from '../validation';

const schema: z.ZodType<SubmitOpinionData> = z.object({ ...taskRefFields, text: text(5000), contact: personContact });

export const submitOpinion = defineUseCase({
  action: 'tasks.submitOpinion',
  access: 'user',
  schema,
  run: (data, ctx) =>
    runTaskAction(ctx, {
      action: 'tasks.submitOpinion',
      taskId: data.taskId,
      version: data.version,
      toCore: () => ({ type: 'submitOpinion' }),
      alsoWrite: ({ tx, task, user }) => {
        const opinion: Opinion = {
          id: newId(),
          taskId: task.id,
          suggestionId: task.suggestionId,
          text: data.text,
          contact: data.contact,
          createdBy: user.id,
          createdAt: ctx.now,
        };
        tx.insert('opinions', opinion);
        return { opinionId: opinion.id };
      },
    }),
});
