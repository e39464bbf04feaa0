// tasks.logContact: a record of talking with the deputy (面复/沟通): when, how, where, who, what.
// Its time is an instant compared with the instants of 交办 and of now (never as text: a stored instant
// may be written without milliseconds or with an offset); a refusal names the 交办 time in Beijing.
import * as z from 'zod';
import type { IdResult, LogContactData } from '../../contract';
import { isFaceToFaceMode } from '../../core/contacts';
import { shanghaiDate, shanghaiTime } from '../../core/calendar';
import { AppError } from '../../core/errors';
import type { Contact } from '../../core/model';
import { checkRecordAction } from '../../core/workflow';
import { authorize } from '../access/permissions';
import { assertNotArchived, loadTask } from '../tasks/run-task-action';
import { defineUseCase, event } from '../use-case';
import { newId } from '../ports/ids';
import { idField, instantField, optionalText, text } from '../validation';

const schema: z.ZodType<LogContactData> = z.object({
  taskId: idField,
  at: instantField,
  mode: z.enum(['meeting', 'phone', 'forum', 'visit', 'video']),
  place: optionalText(200),
  people: text(500),
  notes: text(5000),
  faceToFace: z.boolean().optional(),
});

export const logContact = defineUseCase({
  action: 'tasks.logContact',
  access: 'user',
  schema,
  run: (data, ctx) =>
    ctx.write(async (tx): Promise<IdResult> => {
      const loaded = await loadTask(tx, ctx, data.taskId);
      authorize(loaded.user, 'tasks.logContact', loaded);
      assertNotArchived(loaded.suggestion);
      const { task, user } = loaded;
      const refused = checkRecordAction(task, 'logContact', loaded.wctx);
      if (refused) throw new AppError(refused.code, refused.message);
      if (data.faceToFace && !isFaceToFaceMode(data.mode)) {
        throw new AppError('VALIDATION', '电话、视频沟通不算面复，面复须当面进行（见面、座谈或走访）');
      }
      const faceToFace = data.faceToFace ?? isFaceToFaceMode(data.mode);
      const at = new Date(data.at).toISOString();
      if (Date.parse(at) > Date.parse(ctx.now)) throw new AppError('VALIDATION', '「时间」不能晚于现在');
      if (Date.parse(at) < Date.parse(task.assignedAt)) {
        const assigned = `${shanghaiDate(task.assignedAt)} ${shanghaiTime(task.assignedAt)}`;
        throw new AppError('VALIDATION', `「时间」不能早于交办时间（${assigned}）`);
      }
      const contact: Contact = {
        id: newId(),
        taskId: task.id,
        suggestionId: task.suggestionId,
        at,
        mode: data.mode,
        ...(data.place ? { place: data.place } : {}),
        people: data.people,
        notes: data.notes,
        faceToFace,
        createdBy: user.id,
        createdAt: ctx.now,
      };
      tx.insert('contacts', contact);
      tx.appendEvent(
        event(ctx, { action: 'tasks.logContact', entity: 'contact', entityId: contact.id, suggestionId: task.suggestionId, detail: { taskId: task.id, mode: data.mode, faceToFace } }),
      );
      return { id: contact.id };
    }),
});
