// letters.get: the reply letter (答复函, .docx) of a task's latest signed reply, through a link made
// for the caller; whoever may see the reply may open it (the deputy, the units of the suggestion,
// the office).
import * as z from 'zod';
import type { GetLetterData, LetterResult } from '../../contract';
import { AppError } from '../../core/errors';
import { assertCanSee, authorize } from '../access/permissions';
import { ensureLetter } from '../papers/letters';
import { detailIn } from '../read-models/details';
import { detailRecords } from '../read-models/project';
import { DOCX_MIME } from '../papers/official-docx';
import { caller, defineUseCase, fileStore } from '../use-case';
import { idField } from '../validation';

const schema: z.ZodType<GetLetterData> = z.object({ taskId: idField });

export const getLetter = defineUseCase({
  action: 'letters.get',
  access: 'user',
  schema,
  async run(data, ctx): Promise<LetterResult> {
    const user = caller(ctx);
    authorize(user, 'letters.get');
    const store = ctx.deps.store;
    const task = await store.get('tasks', data.taskId);
    if (!task) throw new AppError('NOT_FOUND', '没有找到该办理任务');
    // The suggestion, its tasks and replies in one request: its detail document.
    const detail = await detailIn(store, task.suggestionId);
    if (!detail?.suggestion) throw new AppError('NOT_FOUND', '没有找到该建议');
    const { tasks: siblings, replies } = detailRecords(detail);
    assertCanSee(user, detail.suggestion, siblings);
    const latest = replies.filter((r) => r.taskId === task.id && r.signedAt).sort((a, b) => b.round - a.round)[0];
    if (!latest) throw new AppError('INVALID_TRANSITION', '答复签发后才有答复函');
    const letter = await ensureLetter(ctx, latest);
    const link = await fileStore(ctx).link(letter.ref, { fileName: letter.fileName, contentType: DOCX_MIME, ...(ctx.openid ? { openid: ctx.openid } : {}) });
    return { fileName: letter.fileName, number: letter.number, url: link.url, expiresAt: link.expiresAt };
  },
});
