// suggestions.import: the coordinator loads a 交办清单 (docs/architecture.md, Import format) — every row a suggestion,
// created and assigned to its units in one transaction. All or nothing: any bad row and nothing
// is written, every bad row reported with its number and all its reasons; a row imported before
// (same 届次 + 建议号, same title and text) is left unchanged, so a re-import changes nothing.
import { z } from 'zod';
import type { ImportSuggestionsData, ImportSuggestionsResult } from '../../contract';
import { AppError } from '../../core/errors';
import type { Suggestion } from '../../core/model';
import { authorize } from '../permissions';
import { assignedInstant, newTasks } from '../assignment';
import { planImport, type PlannedSuggestion } from '../import/import-plan';
import { readImportTable, type RowProblem } from '../import/import-rows';
import { MAX_IMPORT_BYTES, readImportFile } from '../import/read-file';
import type { Tx } from '../ports';
import { caller, defineUseCase, event, type UseCaseContext } from '../use-case';
import { newId } from '../ports/ids';

const ACTION = 'suggestions.import';
const SHOWN_PROBLEMS = 50;

const schema: z.ZodType<ImportSuggestionsData> = z.object({
  file: z
    .string()
    .min(1)
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/=\s]+$/, '应为 base64 编码的文件内容'),
  format: z.enum(['csv', 'xlsx']),
});

export function problemsMessage(problems: readonly RowProblem[]): string {
  const lines = new Set(problems.map((p) => p.line)).size;
  const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => `第${p.line}行：${p.reason}`);
  const more = problems.length > SHOWN_PROBLEMS ? `；……另有${problems.length - SHOWN_PROBLEMS}处问题` : '';
  return `导入未完成，共${lines}行有误，本次没有写入任何数据。${shown.join('；')}${more}`;
}

function writeSuggestion(tx: Tx, ctx: UseCaseContext, planned: PlannedSuggestion): Suggestion {
  const { row } = planned;
  const assignedAt = assignedInstant(row.assignedDate, ctx.now);
  const suggestion: Suggestion = {
    id: newId(),
    number: row.number,
    title: row.title,
    content: row.content,
    leadDeputyId: planned.leadDeputyId,
    coSignerIds: planned.coSignerIds,
    delegation: row.delegation,
    session: row.session,
    phase: row.phase,
    tags: [],
    keySupervised: row.keySupervised,
    createdAt: ctx.now,
    assignedAt,
    version: 1,
  };
  tx.insert('suggestions', suggestion);
  tx.appendEvent(
    event(ctx, { action: ACTION, entity: 'suggestion', entityId: suggestion.id, suggestionId: suggestion.id, to: 'pending', detail: { line: row.line } }),
  );
  for (const task of newTasks(suggestion.id, planned.units, assignedAt, ctx.now, ctx.deps.policy)) {
    tx.insert('tasks', task);
    tx.appendEvent(
      event(ctx, { action: ACTION, entity: 'task', entityId: task.id, suggestionId: suggestion.id, to: 'assigned', detail: { unitId: task.unitId, role: task.role } }),
    );
  }
  return suggestion;
}

export const importSuggestions = defineUseCase({
  action: ACTION,
  access: 'user',
  schema,
  async run(data, ctx): Promise<ImportSuggestionsResult> {
    authorize(caller(ctx), 'suggestions.import');
    const { rows, problems } = readImportTable(await readImportFile(data.file, data.format));
    return ctx.write(async (tx) => {
      const plan = await planImport(tx, rows, ctx.now);
      const all = [...problems, ...plan.problems].sort((a, b) => a.line - b.line);
      if (all.length > 0) throw new AppError('VALIDATION', problemsMessage(all));
      for (const deputy of plan.newDeputies) {
        tx.insert('users', deputy);
        tx.appendEvent(
          event(ctx, { action: ACTION, entity: 'user', entityId: deputy.id, to: 'deputy', detail: { name: deputy.name, delegation: deputy.delegation } }),
        );
      }
      const created = plan.create.map((planned) => writeSuggestion(tx, ctx, planned));
      return { created: created.length, unchanged: plan.unchanged.length, numbers: created.map((s) => s.number) };
    });
  },
});
