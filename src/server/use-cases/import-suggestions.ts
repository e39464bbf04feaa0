// suggestions.import: the coordinator loads a 交办清单 (docs/architecture.md, Import format) — every row a suggestion,
// created and assigned to its units. Validation is all or nothing: any bad row and nothing is written,
// every bad row reported with its number and all its reasons. Then the rows are written in bounded
// steps (IMPORT_CHUNK rows a transaction, one call at most IMPORT_STEP_MS), so that a list of thousands
// fits the cloud's 30-second transactions and the function's timeout: a call that has not finished
// answers how many rows remain and the app calls again with the same file. Every id is derived from the
// row (建议号 and 届次, unit, deputy), so a step written twice — a re-run after a crash, two
// coordinators importing one file at once — finds its rows there (unchanged) or fails with CONFLICT
// and is planned again: the result is the same data as one uninterrupted import.
// A deputy name nobody on the roster has (after normalising: "王建 华" is 王建华) is never registered on
// its own: the call answers, writing nothing, with each such name, its rows and up to three near names
// of the roster, and the coordinator calls again with a decision per name — an existing deputy, or a
// new one. Decisions are checked (the deputy exists and is a deputy, the name is in the file) before
// anything is written. A unit name no unit has (after the same normalising) is asked about the same
// way: the near units of the roster (one character off, 市 missing, a short name of the unit), or a
// new unit; the new units are registered, audited, with the first step.
import * as z from 'zod';
import type { ImportDeputyDecision, ImportSuggestionsData, ImportSuggestionsResult, ImportUnitDecision } from '../../contract';
import { AppError } from '../../core/errors';
import type { Suggestion, Unit, User } from '../../core/model';
import { authorize } from '../access/permissions';
import { assignedInstant, newTasks } from '../tasks/assignment';
import { planImport, type DeputyDecision, type ImportPlan, type PlannedSuggestion, type UnitDecision } from '../import/import-plan';
import { readImportTable, type ImportRow, type RowProblem } from '../import/import-rows';
import { normaliseName } from '../import/deputy-names';
import type { Reader } from '../ports';
import { IMPORT_TOO_LARGE, MAX_IMPORT_BYTES, readImportFile } from '../import/read-file';
import { readUpload } from '../papers/uploads';
import { uploadedFileField } from '../validation';
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
/** Decisions one call may carry: one per distinct deputy name of a list (3,000 rows at most). */
const MAX_DECISIONS = 5000;

const decisionSchema: z.ZodType<ImportDeputyDecision> = z.union([
  z.object({ name: z.string().min(1).max(60), userId: z.string().min(1).max(100) }).strict(),
  z.object({ name: z.string().min(1).max(60), create: z.literal(true) }).strict(),
]);

const unitDecisionSchema: z.ZodType<ImportUnitDecision> = z.union([
  z.object({ name: z.string().min(1).max(60), unitId: z.string().min(1).max(100) }).strict(),
  z.object({ name: z.string().min(1).max(60), create: z.literal(true) }).strict(),
]);

const schema: z.ZodType<ImportSuggestionsData> = z.object({
  fileID: uploadedFileField,
  format: z.enum(['csv', 'xlsx']),
  decisions: z.array(decisionSchema).max(MAX_DECISIONS).optional(),
  unitDecisions: z.array(unitDecisionSchema).max(MAX_DECISIONS).optional(),
});

export function problemsMessage(problems: readonly RowProblem[]): string {
  const lines = new Set(problems.map((p) => p.line)).size;
  const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => `第${p.line}行：${p.reason}`);
  const more = problems.length > SHOWN_PROBLEMS ? `；……另有${problems.length - SHOWN_PROBLEMS}处问题` : '';
  return `导入未完成，共${lines}行有误，本次没有写入任何数据。${shown.join('；')}${more}`;
}

/**
 * The decisions by normalised name, and what is unsound in them: each must be for a name of the file,
 * once, and name an existing user who is a deputy. Any unsound one and the import is refused, naming each.
 */
async function readDecisions(
  reader: Reader,
  decisions: readonly ImportDeputyDecision[],
  rows: readonly ImportRow[],
): Promise<{ byName: Map<string, DeputyDecision>; problems: string[] }> {
  const inFile = new Set(rows.flatMap((row) => [row.leadDeputy, ...row.coSigners]));
  const ids = [...new Set(decisions.flatMap((d) => ('userId' in d ? [d.userId] : [])))];
  const users = new Map((ids.length > 0 ? await reader.getMany('users', ids) : []).map((u) => [u.id, u]));
  const byName = new Map<string, DeputyDecision>();
  const problems: string[] = [];
  for (const decision of decisions) {
    const name = normaliseName(decision.name);
    if (byName.has(name)) problems.push(`「${name}」的选择重复`);
    else if (!inFile.has(name)) problems.push(`「${name}」不在本次导入的表格中`);
    else if ('userId' in decision) {
      const user = users.get(decision.userId);
      if (!user) problems.push(`为「${name}」选择的代表不存在`);
      else if (!user.roles.includes('deputy')) problems.push(`为「${name}」选择的${user.name}不是代表`);
    }
    byName.set(name, 'userId' in decision ? { userId: decision.userId } : { create: true });
  }
  return { byName, problems };
}

/**
 * The unit decisions by normalised name, and what is unsound in them: each for a unit name of the file
 * that no unit has, once, and an existing unit when it names one.
 */
async function readUnitDecisions(
  reader: Reader,
  decisions: readonly ImportUnitDecision[],
  rows: readonly ImportRow[],
): Promise<{ byName: Map<string, UnitDecision>; problems: string[] }> {
  const inFile = new Set(rows.flatMap((row) => row.units.map((u) => normaliseName(u.name))));
  const ids = [...new Set(decisions.flatMap((d) => ('unitId' in d ? [d.unitId] : [])))];
  const units = new Map((ids.length > 0 ? await reader.getMany('units', ids) : []).map((u) => [u.id, u]));
  const byName = new Map<string, UnitDecision>();
  const problems: string[] = [];
  for (const decision of decisions) {
    const name = normaliseName(decision.name);
    if (byName.has(name)) problems.push(`单位「${name}」的选择重复`);
    else if (!inFile.has(name)) problems.push(`单位「${name}」不在本次导入的表格中`);
    else if ('unitId' in decision && !units.has(decision.unitId)) problems.push(`为「${name}」选择的单位不存在`);
    byName.set(name, 'unitId' in decision ? { unitId: decision.unitId } : { create: true });
  }
  return { byName, problems };
}

/** The names written with spaces or full-width characters, each with the rows where it is so written. */
function renamedIn(rows: readonly ImportRow[]): NonNullable<ImportSuggestionsResult['renamed']> {
  const found = new Map<string, { written: string; name: string; lines: number[] }>();
  for (const row of rows) {
    for (const { written, name } of row.spellings) {
      const entry = found.get(written) ?? { written, name, lines: [] };
      if (!entry.lines.includes(row.line)) entry.lines.push(row.line);
      found.set(written, entry);
    }
  }
  return [...found.values()];
}

/** The answer that asks: nothing written, every unknown name with its rows and near names. */
function question(plan: ImportPlan): ImportSuggestionsResult {
  return {
    created: 0,
    unchanged: plan.unchanged.length,
    numbers: [],
    remaining: plan.pending,
    ...(plan.unknown.length > 0
      ? {
          unknownDeputies: plan.unknown.map(({ name, lines, delegations, near }) => ({
            name,
            lines,
            delegations,
            near: near.map((u) => ({ userId: u.id, name: u.name, ...(u.delegation ? { delegation: u.delegation } : {}) })),
          })),
        }
      : {}),
    ...(plan.unknownUnits.length > 0
      ? { unknownUnits: plan.unknownUnits.map(({ name, lines, near }) => ({ name, lines, near: near.map((u) => ({ unitId: u.id, name: u.name })) })) }
      : {}),
  };
}

const asks = (plan: ImportPlan) => plan.unknown.length > 0 || plan.unknownUnits.length > 0;

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
    ...event(ctx, {
      action: ACTION,
      entity: 'suggestion',
      entityId: suggestion.id,
      suggestionId: suggestion.id,
      to: 'pending',
      // A name taken as an existing deputy by the coordinator's decision is kept with the suggestion's record.
      detail: { line: row.line, ...(planned.decided.length > 0 ? { decided: planned.decided } : {}) },
    }),
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
function writeChunk(
  tx: Tx,
  ctx: UseCaseContext,
  chunk: readonly PlannedSuggestion[],
  newDeputies: readonly User[],
  newUnits: readonly Unit[],
  roster: ImportPlan['roster'],
): Suggestion[] {
  // The lead deputies' names as the plan read them, for the new rows' search text (not read again:
  // a step reads nothing, so its transaction is only its writes).
  const leads = new Set(chunk.map((planned) => planned.leadDeputyId));
  tx.knowNames(roster.filter((u) => leads.has(u.id)));
  for (const unit of newUnits) {
    tx.insert('units', unit);
    tx.appendEvent({
      ...event(ctx, { action: ACTION, entity: 'unit', entityId: unit.id, to: 'unit', detail: { name: unit.name } }),
      id: importEventId('unit', unit.id),
    });
  }
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
  // A list sent again is answered from its record before it is read and planned again.
  replayFirst: true,
  schema,
  async run(data, ctx): Promise<ImportSuggestionsResult> {
    authorize(caller(ctx), 'suggestions.import');
    const bytes = await readUpload(ctx, data.fileID, { maxBytes: MAX_IMPORT_BYTES, tooLarge: IMPORT_TOO_LARGE });
    const { rows, problems } = readImportTable(await readImportFile(bytes, data.format));
    const decisions = await readDecisions(ctx.deps.store, data.decisions ?? [], rows);
    const unitDecisions = await readUnitDecisions(ctx.deps.store, data.unitDecisions ?? [], rows);
    const plan = async () => {
      const planned = await planImport(ctx.deps.store, rows, ctx.now, decisions.byName, unitDecisions.byName);
      // The rows first (all or nothing), then the decisions, then the names still undecided.
      const all = [...problems, ...planned.problems].sort((a, b) => a.line - b.line);
      if (all.length > 0) throw new AppError('VALIDATION', problemsMessage(all));
      const unsound = [...decisions.problems, ...unitDecisions.problems];
      if (unsound.length > 0) throw new AppError('VALIDATION', `导入未完成，本次没有写入任何数据。${unsound.join('；')}`);
      return planned;
    };
    const first = await plan();
    const renamed = renamedIn(rows);
    const withRenamed = (answer: ImportSuggestionsResult) => (renamed.length > 0 ? { ...answer, renamed } : answer);
    if (asks(first)) return withRenamed(question(first));
    let current = first;
    let next = 0;
    let replans = 0;
    const created: Suggestion[] = [];
    const result = (more: readonly Suggestion[], remaining: number): ImportSuggestionsResult =>
      withRenamed({
        created: created.length + more.length,
        unchanged: first.unchanged.length,
        numbers: [...created, ...more].map((s) => s.number),
        remaining,
      });
    while (next < current.create.length) {
      if (created.length > 0 && elapsed(ctx) > IMPORT_STEP_MS) break;
      const chunk = current.create.slice(next, next + IMPORT_CHUNK);
      const newDeputies = next === 0 ? current.newDeputies : [];
      const newUnits = next === 0 ? current.newUnits : [];
      try {
        // The step that completes the import keeps the call's answer for its requestId (ctx.write).
        const roster = current.roster;
        if (next + chunk.length >= current.create.length) return await ctx.write(async (tx) => result(writeChunk(tx, ctx, chunk, newDeputies, newUnits, roster), 0));
        created.push(...(await ctx.deps.store.transaction(async (tx) => writeChunk(tx, ctx, chunk, newDeputies, newUnits, roster))));
        next += chunk.length;
      } catch (error) {
        // Another import wrote some of these rows (or deputies) first: plan the rest again.
        if (!(error instanceof AppError && error.code === 'CONFLICT') || replans >= REPLANS) throw error;
        replans += 1;
        current = await plan();
        next = 0;
        // The roster changed under the import (a namesake removed): ask again rather than guess.
        if (asks(current)) return withRenamed(question(current));
      }
    }
    return result([], current.create.length - next);
  },
});
