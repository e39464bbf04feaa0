// suggestions.archive: 统一归档 — a handled suggestion with a disclosure decision becomes read-only.
import * as z from 'zod';
import type { ArchivedFile, ArchiveSuggestionData, ArchiveSuggestionResult } from '../../contract';
import { ensureLetter } from '../papers/letters';
import type { Reader } from '../ports';
import type { SuggestionDetailDoc } from '../ports/read-model-docs';
import { detailRecords } from '../read-models/project';
import { AppError } from '../../core/errors';
import { authorize } from '../access/permissions';
import { loadFinishedSuggestion } from '../tasks/finished-suggestion';
import { caller, defineUseCase, event, type UseCaseContext } from '../use-case';
import { idField, versionField } from '../validation';

const schema: z.ZodType<ArchiveSuggestionData> = z.object({ suggestionId: idField, version: versionField });

export const archiveSuggestion = defineUseCase({
  action: 'suggestions.archive',
  access: 'user',
  schema,
  run: async (data, ctx) => {
    authorize(caller(ctx), 'suggestions.archive');
    // Checked before any letter is made, so that a refused archive changes nothing; checked again in
    // the unit of work.
    const ready = await archivable(ctx.deps.store, data);
    await lettersBeforeArchive(ctx, ready.detail);
    return ctx.write(async (tx): Promise<ArchiveSuggestionResult> => {
      const { status: from, detail } = await archivable(tx, data);
      const suggestion = (await tx.get('suggestions', data.suggestionId))!;
      const next = { ...suggestion, archivedAt: ctx.now, version: suggestion.version + 1 };
      tx.update('suggestions', next);
      const files = archivedFiles(detail);
      tx.appendEvent(
        event(ctx, {
          action: 'suggestions.archive',
          entity: 'suggestion',
          entityId: suggestion.id,
          suggestionId: suggestion.id,
          from,
          to: 'archived',
          detail: { files: files.map((f) => ({ kind: f.kind, fileName: f.fileName, size: f.size })) },
        }),
      );
      return { id: next.id, version: next.version, files };
    });
  },
});

/** The suggestion, finished, not archived, at the version the caller saw, with a disclosure decision. */
async function archivable(reader: Pick<Reader, 'get' | 'getMany' | 'find'>, ref: { suggestionId: string; version: number }) {
  const loaded = await loadFinishedSuggestion(reader, ref, '建议办结后才能归档');
  if (!loaded.suggestion.disclosure) throw new AppError('INVALID_TRANSITION', '请先作出公开决定，再归档');
  return loaded;
}

/** Every signed reply's letter exists before the suggestion becomes read-only (made now if missing). */
async function lettersBeforeArchive(ctx: UseCaseContext, detail: SuggestionDetailDoc): Promise<void> {
  if (!ctx.deps.files) return;
  for (const reply of detailRecords(detail).replies) if (reply.signedAt && !reply.letter) await ensureLetter(ctx, reply);
}

const RECORD_LABELS = { suggestion: '建议', contact: '沟通记录', reply: '答复', proposal: '建议草稿' } as const;
const TARGET_ORDER = { suggestion: 0, contact: 1, reply: 2, proposal: 3 } as const;
const names = new Intl.Collator('zh');

/** The files the archive keeps: each signed reply's letter and every attachment not removed (as its detail document holds them). */
function archivedFiles(detail: SuggestionDetailDoc): ArchivedFile[] {
  const { replies, attachments } = detailRecords(detail);
  const letters: ArchivedFile[] = replies
    .filter((r) => r.letter)
    .sort((a, b) => a.round - b.round)
    .map((r) => ({ kind: 'letter', kindLabel: '答复函', fileName: r.letter!.fileName, size: r.letter!.size, recordLabel: RECORD_LABELS.reply }));
  const kept: ArchivedFile[] = attachments
    .filter((a) => !a.removedAt)
    .sort((a, b) => TARGET_ORDER[a.target] - TARGET_ORDER[b.target] || a.createdAt.localeCompare(b.createdAt) || names.compare(a.fileName, b.fileName))
    .map((a) => ({ kind: 'attachment', kindLabel: '附件', fileName: a.fileName, size: a.size, recordLabel: RECORD_LABELS[a.target] }));
  return [...letters, ...kept];
}
