// suggestions.import: the coordinator loads a 交办清单 (docs/architecture.md, Import format) — every row a suggestion,
// created and assigned to its units. Validation is all or nothing: any bad row and nothing is written,
// every bad row reported with its number and all its reasons. Then the rows are written in bounded
// steps (IMPORT_CHUNK rows a transaction, one call at most IMPORT_STEP_MS), so that a list of thousands
// fits the cloud's 30-second transactions and the function's timeout: a call that has not finished
// answers how many rows remain and the app calls again with the same file. Every id is derived from the
// row (建议号 and 届次, unit, deputy), so a step written twice — a re-run after a crash, two
// coordinators importing one file at once — finds its rows there (unchanged) or fails with CONFLICT
// and is planned again: the result is the same data as one uninterrupted import.
import * as z from 'zod';
import type { ImportSuggestionsData, ImportSuggestionsResult } from '../../contract';
import { AppError } from '../../core/errors';
import type { Suggestion, User } from '../../core/model';
import { authorize } from '../permissions';
import { assignedInstant, newTasks } from '../assignment';
import { planImport, type PlannedSuggestion } from '../import/import-plan';
import { readImportTable, type RowProblem } from '../import/import-rows';
import { MAX_IMPORT_BYTES, readImportFile } from '../import/read-file';
import type { Tx } from '../ports';
import { importedSuggestionId, importedTaskId, importEventId } from '../import/import-ids';
import { caller, defineUseCase, event, type UseCaseContext } from '../use-case';

const ACTION = 'suggestions.import';
const SHOWN_PROBLEMS = 50;
/** Rows written in one transaction (each a suggestion, its tasks and their events: a few batch inserts). */
export const IMPORT_CHUNK = 50;
/** Time one call spends writing before it answers with the rows remaining (the api function has 20 s). */
export const IMPORT_STEP_MS = 8_000;
/** A step that conflicts (another import of the same rows) is planned again this many times. */
const REPLANS = 3;

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
    id: importedSuggestionId(row.session, row.number),
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
  tx.appendEvent({
    ...event(ctx, { action: ACTION, entity: 'suggestion', entityId: suggestion.id, suggestionId: suggestion.id, to: 'pending', detail: { line: row.line } }),
    id: importEventId('suggestion', suggestion.id),
  });
  for (const task of newTasks(suggestion.id, planned.units, assignedAt, ctx.now, ctx.deps.policy)) {
    const stable = { ...task, id: importedTaskId(suggestion.id, task.unitId) };
    tx.insert('tasks', stable);
    tx.appendEvent({
      ...event(ctx, { action: ACTION, entity: 'task', entityId: stable.id, suggestionId: suggestion.id, to: 'assigned', detail: { unitId: stable.unitId, role: stable.role } }),
      id: importEventId('task', stable.id),
    });
  }
  return suggestion;
}

/**
 * One step: a chunk of rows, inside one transaction. The first step of a plan also registers the new
 * deputies the list names (a deputy already registered by another import makes it fail with CONFLICT,
 * and the rest is planned again, finding that deputy).
 */
function writeChunk(tx: Tx, ctx: UseCaseContext, chunk: readonly PlannedSuggestion[], newDeputies: readonly User[]): Suggestion[] {
  for (const deputy of newDeputies) {
    tx.insert('users', deputy);
    tx.appendEvent({
      ...event(ctx, { action: ACTION, entity: 'user', entityId: deputy.id, to: 'deputy', detail: { name: deputy.name, delegation: deputy.delegation } }),
      id: importEventId('user', deputy.id),
    });
  }
  return chunk.map((planned) => writeSuggestion(tx, ctx, planned));
}

const elapsed = (ctx: UseCaseContext) => Date.parse(ctx.deps.clock.now()) - Date.parse(ctx.now);

export const importSuggestions = defineUseCase({
  action: ACTION,
  access: 'user',
  schema,
  async run(data, ctx): Promise<ImportSuggestionsResult> {
    authorize(caller(ctx), 'suggestions.import');
    const { rows, problems } = readImportTable(await readImportFile(data.file, data.format));
    const plan = async () => {
      const planned = await planImport(ctx.deps.store, rows, ctx.now);
      const all = [...problems, ...planned.problems].sort((a, b) => a.line - b.line);
      if (all.length > 0) throw new AppError('VALIDATION', problemsMessage(all));
      return planned;
    };
    const first = await plan();
    let current = first;
    let next = 0;
    let replans = 0;
    const created: Suggestion[] = [];
    const result = (more: readonly Suggestion[], remaining: number): ImportSuggestionsResult => ({
      created: created.length + more.length,
      unchanged: first.unchanged.length,
      numbers: [...created, ...more].map((s) => s.number),
      remaining,
    });
    while (next < current.create.length) {
      if (created.length > 0 && elapsed(ctx) > IMPORT_STEP_MS) break;
      const chunk = current.create.slice(next, next + IMPORT_CHUNK);
      const newDeputies = next === 0 ? current.newDeputies : [];
      try {
        // The step that completes the import keeps the call's answer for its requestId (ctx.write).
        if (next + chunk.length >= current.create.length) return await ctx.write(async (tx) => result(writeChunk(tx, ctx, chunk, newDeputies), 0));
        created.push(...(await ctx.deps.store.transaction(async (tx) => writeChunk(tx, ctx, chunk, newDeputies))));
        next += chunk.length;
      } catch (error) {
        // Another import wrote some of these rows (or deputies) first: plan the rest again.
        if (!(error instanceof AppError && error.code === 'CONFLICT') || replans >= REPLANS) throw error;
        replans += 1;
        current = await plan();
        next = 0;
      }
    }
    return result([], current.create.length - next);
  },
});
