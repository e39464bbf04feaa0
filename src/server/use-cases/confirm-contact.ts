// contacts.confirm: the deputy confirms (signs) a face-to-face record on his or her phone.
import * as z from 'zod';
import type { ConfirmContactData, IdResult } from '../../contract';
import { AppError } from '../../core/errors';
import { authorize } from '../access/permissions';
import { assertNotArchived } from '../tasks/run-task-action';
import { caller, defineUseCase, event } from '../use-case';
import { idField } from '../validation';

const schema: z.ZodType<ConfirmContactData> = z.object({ contactId: idField });

export const confirmContact = defineUseCase({
  action: 'contacts.confirm',
  access: 'user',
  schema,
  run: (data, ctx) =>
    ctx.write(async (tx): Promise<IdResult> => {
      const user = caller(ctx);
      const contact = await tx.get('contacts', data.contactId);
      if (!contact) throw new AppError('NOT_FOUND', '没有找到该沟通记录');
      // Its detail document first: the suggestion comes with it, and the commit's rows derive from it.
      const suggestion = (await tx.get('suggestionDetails', contact.suggestionId)) && (await tx.get('suggestions', contact.suggestionId));
      if (!suggestion) throw new AppError('NOT_FOUND', '没有找到该建议');
      authorize(user, 'contacts.confirm', { suggestion });
      assertNotArchived(suggestion);
      if (contact.deputyConfirmedAt) throw new AppError('INVALID_TRANSITION', '该记录已确认');
      tx.update('contacts', { ...contact, deputyConfirmedAt: ctx.now });
      tx.appendEvent(event(ctx, { action: 'contacts.confirm', entity: 'contact', entityId: contact.id, suggestionId: contact.suggestionId }));
      return { id: contact.id };
    }),
});
