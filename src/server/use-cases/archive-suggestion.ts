// suggestions.archive: 统一归档 — a handled suggestion with a disclosure decision becomes read-only.
import { z } from 'zod';
import type { ArchiveSuggestionData, SuggestionVersionResult } from '../../contract';
import { AppError } from '../../core/errors';
import { authorize } from '../permissions';
import { loadFinishedSuggestion } from '../finished-suggestion';
import { caller, defineUseCase, event } from '../use-case';
import { idField, versionField } from '../validation';

const schema: z.ZodType<ArchiveSuggestionData> = z.object({ suggestionId: idField, version: versionField });

export const archiveSuggestion = defineUseCase({
  action: 'suggestions.archive',
  access: 'user',
  schema,
  run: (data, ctx) => {
    authorize(caller(ctx), 'suggestions.archive');
    return ctx.write(async (tx): Promise<SuggestionVersionResult> => {
      const { suggestion, status: from } = await loadFinishedSuggestion(tx, data, '建议办结后才能归档');
      if (!suggestion.disclosure) throw new AppError('INVALID_TRANSITION', '请先作出公开决定，再归档');
      const next = { ...suggestion, archivedAt: ctx.now, version: suggestion.version + 1 };
      tx.update('suggestions', next);
      tx.appendEvent(event(ctx, { action: 'suggestions.archive', entity: 'suggestion', entityId: suggestion.id, suggestionId: suggestion.id, from, to: 'archived' }));
      return { id: next.id, version: next.version };
    });
  },
});
