// suggestions.disclose: 统一公开 — once handled, the office decides to publish the full text, a
// summary, or nothing (with the reason: 国家秘密 / 商业秘密 / 个人信息).
import * as z from 'zod';
import type { DiscloseSuggestionData, SuggestionVersionResult } from '../../contract';
import { suggestionStatus } from '../../core/status';
import { authorize } from '../access/permissions';
import { loadFinishedSuggestion } from '../tasks/finished-suggestion';
import { caller, defineUseCase, event } from '../use-case';
import { idField, optionalText, versionField } from '../validation';

const schema: z.ZodType<DiscloseSuggestionData> = z
  .object({ suggestionId: idField, version: versionField, mode: z.enum(['full', 'summary', 'none']), summary: optionalText(5000), reason: optionalText(200) })
  .refine((d) => d.mode !== 'summary' || (d.summary ?? '').length > 0, { message: '摘要公开时请填写摘要', path: ['summary'] })
  .refine((d) => d.mode === 'full' || (d.reason ?? '').length > 0, { message: '不公开或摘要公开时请说明理由', path: ['reason'] });

export const discloseSuggestion = defineUseCase({
  action: 'suggestions.disclose',
  access: 'user',
  schema,
  run: (data, ctx) => {
    const user = caller(ctx);
    authorize(user, 'suggestions.disclose');
    return ctx.write(async (tx): Promise<SuggestionVersionResult> => {
      const { tasks, status: from } = await loadFinishedSuggestion(tx, data, '建议办结后才能公开');
      const suggestion = (await tx.get('suggestions', data.suggestionId))!;
      const next = {
        ...suggestion,
        disclosure: {
          mode: data.mode,
          ...(data.mode === 'summary' ? { summary: data.summary } : {}),
          ...(data.mode !== 'full' ? { reason: data.reason } : {}),
          decidedAt: ctx.now,
          decidedBy: user.id,
        },
        version: suggestion.version + 1,
      };
      tx.update('suggestions', next);
      tx.appendEvent(event(ctx, { action: 'suggestions.disclose', entity: 'suggestion', entityId: suggestion.id, suggestionId: suggestion.id, from, to: suggestionStatus(next, tasks), detail: { mode: data.mode } }));
      return { id: next.id, version: next.version };
    });
  },
});
