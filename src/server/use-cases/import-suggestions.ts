// suggestions.import: the 交办清单 of DESIGN.md §8 from CSV or .xlsx. All or nothing: any bad row is
// reported by its row number and reason and nothing is written; a row already imported with the same
// content is left alone, so importing the same file again changes nothing.
import { z } from 'zod';
import type { AssignUnitData, ImportSuggestionsData, ImportSuggestionsResult } from '../../core/contract';
import { isValidDate, shanghaiDate } from '../../core/calendar';
import { AppError } from '../../core/errors';
import type { Phase, Suggestion, Unit, User } from '../../core/model';
import { requireRole } from '../access';
import { assignedInstant, assignmentProblem, newTasks } from '../assignment';
import { parseCsv, parseXlsx, toTable, type TableRow } from '../import/read-table';
import type { Tx } from '../ports';
import { caller, defineUseCase, event, newId, type UseCaseContext } from '../use-case';
import { createSuggestionIn } from './create-suggestion';

const MAX_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 2000;
const HEADERS = ['建议号', '标题', '内容', '领衔代表', '附议代表', '代表团', '届次', '提出阶段', '主办单位', '会办单位', '分办单位', '交办日期', '重点督办'] as const;
const REQUIRED = ['建议号', '标题', '内容', '领衔代表', '届次'] as const;
const PHASES: Record<string, Phase> = { 会期: 'session', 会期内: 'session', 闭会期间: 'recess', 会后: 'recess' };

const schema: z.ZodType<ImportSuggestionsData> = z.object({
  file: z.string().min(1).max(Math.ceil((MAX_BYTES * 4) / 3) + 4).regex(/^[A-Za-z0-9+/=\s]+$/),
  format: z.enum(['csv', 'xlsx']),
});

const names = (cell: string) => cell.split(/[、，,;；\s]+/).map((s) => s.trim()).filter(Boolean);

interface PlannedRow {
  row: TableRow;
  number: string;
  session: string;
  title: string;
  content: string;
  leadName: string;
  coSignerNames: string[];
  delegation: string;
  phase: Phase;
  keySupervised: boolean;
  units: AssignUnitData[];
  assignedDate?: string;
}

function planRow(row: TableRow, unitsByName: Map<string, Unit>, today: string): PlannedRow | string {
  const c = row.cells as Record<(typeof HEADERS)[number], string | undefined>;
  for (const name of REQUIRED) if (!c[name]) return `缺少${name}`;
  if (c.建议号!.length > 20) return '建议号过长';
  if (c.标题!.length > 200) return '标题超过200字';
  const phaseText = c.提出阶段 || '会期';
  const phase = PHASES[phaseText];
  if (!phase) return `提出阶段“${phaseText}”应为“会期”或“闭会期间”`;
  const keyText = c.重点督办 || '否';
  if (!['是', '否'].includes(keyText)) return `重点督办“${keyText}”应为“是”或“否”`;
  const units: AssignUnitData[] = [];
  const lead = names(c.主办单位 ?? '');
  const co = names(c.会办单位 ?? '');
  const split = names(c.分办单位 ?? '');
  if (lead.length > 1) return '主办单位只能有一个';
  for (const name of [...lead, ...co, ...split]) if (!unitsByName.has(name)) return `承办单位“${name}”不在单位名单中`;
  const unitId = (name: string) => unitsByName.get(name)!.id;
  if (lead.length === 1) units.push({ unitId: unitId(lead[0]!), role: co.length > 0 ? 'lead' : 'sole' });
  for (const name of co) units.push({ unitId: unitId(name), role: 'co' });
  for (const name of split) units.push({ unitId: unitId(name), role: 'split' });
  if (units.length > 0) {
    const problem = assignmentProblem(units, []);
    if (problem) return problem;
  }
  const date = c.交办日期 ?? '';
  if (date && !isValidDate(date)) return `交办日期“${date}”应为有效日期（YYYY-MM-DD）`;
  if (date && date > today) return '交办日期不能晚于今天';
  if (units.length > 0 && !date) return '指定了承办单位时须填写交办日期';
  if (date && units.length === 0) return '填写了交办日期时须指定承办单位';
  return {
    row,
    number: c.建议号!,
    session: c.届次!,
    title: c.标题!,
    content: c.内容!,
    leadName: c.领衔代表!,
    coSignerNames: names(c.附议代表 ?? ''),
    delegation: c.代表团 ?? '',
    phase,
    keySupervised: keyText === '是',
    units,
    ...(date ? { assignedDate: date } : {}),
  };
}

async function readRows(data: ImportSuggestionsData): Promise<TableRow[]> {
  const bytes = Buffer.from(data.file, 'base64');
  if (bytes.length === 0) throw new AppError('VALIDATION', '文件为空');
  if (bytes.length > MAX_BYTES) throw new AppError('VALIDATION', '文件超过5MB');
  const rows = data.format === 'csv' ? parseCsv(bytes.toString('utf8')) : await parseXlsx(bytes);
  const table = toTable(rows, REQUIRED);
  if (table.length === 0) throw new AppError('VALIDATION', '文件中没有建议');
  if (table.length > MAX_ROWS) throw new AppError('VALIDATION', `一次最多导入${MAX_ROWS}条`);
  return table;
}

/** Same suggestion already there: the fields the file gives must match. */
function sameContent(existing: Suggestion, plan: PlannedRow, leadId: string | undefined): boolean {
  return existing.title === plan.title && existing.content === plan.content && existing.leadDeputyId === leadId;
}

export const importSuggestions = defineUseCase({
  action: 'suggestions.import',
  access: 'user',
  schema,
  run: async (data, ctx) => {
    requireRole(caller(ctx), ['coordinator'], '只有建议办理联络员可以导入交办清单');
    const table = await readRows(data);
    return ctx.write((tx) => importTable(tx, ctx, table));
  },
});

async function importTable(tx: Tx, ctx: UseCaseContext, table: TableRow[]): Promise<ImportSuggestionsResult> {
  const today = shanghaiDate(ctx.now);
  const units = await tx.find('units');
  const unitsByName = new Map(units.map((u) => [u.name, u]));
  const deputies = await tx.find('users', { where: { roles: 'deputy' } });
  const errors: string[] = [];
  const plans: PlannedRow[] = [];
  const seen = new Map<string, number>();
  for (const row of table) {
    const plan = planRow(row, unitsByName, today);
    if (typeof plan === 'string') {
      errors.push(`第${row.rowNumber}行：${plan}`);
      continue;
    }
    const key = `${plan.session}#${plan.number}`;
    if (seen.has(key)) errors.push(`第${row.rowNumber}行：建议号${plan.number}与第${seen.get(key)}行重复`);
    seen.set(key, row.rowNumber);
    for (const name of [plan.leadName, ...plan.coSignerNames]) {
      if (deputies.filter((d) => d.name === name).length > 1) errors.push(`第${row.rowNumber}行：代表“${name}”重名，请先在人员名单中区分`);
    }
    plans.push(plan);
  }

  // Deputies named in the file who are not registered yet are registered (unbound) with the import.
  const created = new Map<string, User>();
  const deputyId = (name: string, delegation: string): string => {
    const known = deputies.find((d) => d.name === name) ?? created.get(name);
    if (known) return known.id;
    const user: User = { id: newId(), name, roles: ['deputy'], ...(delegation ? { delegation } : {}), createdAt: ctx.now, version: 1 };
    created.set(name, user);
    return user.id;
  };

  const result: ImportSuggestionsResult = { created: 0, unchanged: 0, numbers: [] };
  const toCreate: PlannedRow[] = [];
  for (const plan of plans) {
    const [existing] = await tx.find('suggestions', { where: { session: plan.session, number: plan.number }, limit: 1 });
    if (!existing) {
      toCreate.push(plan);
      continue;
    }
    const lead = deputies.find((d) => d.name === plan.leadName);
    if (sameContent(existing, plan, lead?.id)) result.unchanged += 1;
    else errors.push(`第${plan.row.rowNumber}行：建议号${plan.number}（${plan.session}）已存在且内容不同`);
  }
  if (errors.length > 0) {
    const shown = errors.slice(0, 20).join('；');
    throw new AppError('VALIDATION', `导入失败，未写入任何数据。${shown}${errors.length > 20 ? `；另有${errors.length - 20}处错误` : ''}`);
  }

  for (const plan of toCreate) {
    const leadDeputyId = deputyId(plan.leadName, plan.delegation);
    const coSignerIds = plan.coSignerNames.map((name) => deputyId(name, ''));
    const suggestion = createSuggestionIn(
      tx,
      ctx,
      {
        number: plan.number,
        title: plan.title,
        content: plan.content,
        leadDeputyId,
        coSignerIds,
        delegation: plan.delegation,
        session: plan.session,
        phase: plan.phase,
        keySupervised: plan.keySupervised,
      },
      'suggestions.import',
    );
    if (plan.units.length > 0) {
      const assignedAt = assignedInstant(plan.assignedDate, ctx.now);
      for (const task of newTasks(suggestion.id, plan.units, assignedAt, ctx.now, ctx.deps.policy)) {
        tx.insert('tasks', task);
        tx.appendEvent(event(ctx, { action: 'suggestions.import', entity: 'task', entityId: task.id, suggestionId: suggestion.id, to: 'assigned', detail: { unitId: task.unitId, role: task.role } }));
      }
      tx.update('suggestions', { ...suggestion, assignedAt, version: suggestion.version + 1 });
    }
    result.created += 1;
    result.numbers.push(plan.number);
  }
  for (const user of created.values()) {
    tx.insert('users', user);
    tx.appendEvent(event(ctx, { action: 'suggestions.import', entity: 'user', entityId: user.id, detail: { roles: user.roles } }));
  }
  return result;
}
