// suggestions.create: the coordinator registers one suggestion by hand (the import does many).
import * as z from 'zod';
import type { CreatedResult, CreateSuggestionData } from '../../contract';
import { AppError } from '../../core/errors';
import type { Suggestion } from '../../core/model';
import { authorize } from '../access/permissions';
import type { Tx } from '../ports';
import { caller, defineUseCase, event, type UseCaseContext } from '../use-case';
import { newId } from '../ports/ids';
import { idField, text } from '../validation';

export const suggestionFields = {
  number: z.string().trim().min(1).max(20),
  title: text(200),
  content: text(20000),
  delegation: z.string().trim().max(50),
  session: text(40),
  phase: z.enum(['session', 'recess']),
  tags: z.array(text(20)).max(10).optional(),
  keySupervised: z.boolean().optional(),
};

const schema: z.ZodType<CreateSuggestionData> = z.object({
  ...suggestionFields,
  leadDeputyId: idField,
  coSignerIds: z.array(idField).max(50).optional(),
});

export async function assertDeputies(tx: Tx, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const deputy = await tx.get('users', id);
    if (!deputy || !deputy.roles.includes('deputy')) throw new AppError('VALIDATION', '「领衔代表」或「附议代表」不是登记的代表');
  }
}

export async function numberTaken(tx: Tx, session: string, number: string): Promise<Suggestion | undefined> {
  const [found] = await tx.find('suggestions', { where: { session, number }, limit: 1 });
  return found;
}

export function createSuggestionIn(tx: Tx, ctx: UseCaseContext, data: CreateSuggestionData, action: string): Suggestion {
  const suggestion: Suggestion = {
    id: newId(),
    number: data.number,
    title: data.title,
    content: data.content,
    leadDeputyId: data.leadDeputyId,
    coSignerIds: [...new Set(data.coSignerIds ?? [])].filter((id) => id !== data.leadDeputyId),
    delegation: data.delegation,
    session: data.session,
    phase: data.phase,
    tags: data.tags ?? [],
    keySupervised: data.keySupervised ?? false,
    createdAt: ctx.now,
    version: 1,
  };
  tx.insert('suggestions', suggestion);
  tx.appendEvent(event(ctx, { action, entity: 'suggestion', entityId: suggestion.id, suggestionId: suggestion.id, to: 'pending' }));
  return suggestion;
}

export const createSuggestion = defineUseCase({
  action: 'suggestions.create',
  access: 'user',
  schema,
  run: (data, ctx) => {
    authorize(caller(ctx), 'suggestions.create');
    return ctx.write(async (tx): Promise<CreatedResult> => {
      if (await numberTaken(tx, data.session, data.number)) throw new AppError('VALIDATION', `「建议号」${data.number}在${data.session}已存在`);
      await assertDeputies(tx, [data.leadDeputyId, ...(data.coSignerIds ?? [])]);
      return { id: createSuggestionIn(tx, ctx, data, 'suggestions.create').id };
    });
  },
});
