// The 交办清单 table (docs/architecture.md, Import format) read into rows: header names in Chinese, one row a suggestion.
// Pure: every problem of a row is collected with its row number (the header is row 1), none thrown.
import { isValidDate } from '../../core/calendar';
import { AppError } from '../../core/errors';
import type { Phase, UnitRole } from '../../core/model';
import { assignmentProblem } from '../tasks/assignment';
import { normaliseName } from './deputy-names';
import { excerpt } from './excerpt';

export interface ImportUnit {
  name: string;
  role: UnitRole;
}

export interface ImportRow {
  line: number;
  number: string;
  title: string;
  content: string;
  /** Deputy names normalised (spaces dropped, full-width made half-width: see deputy-names.ts). */
  leadDeputy: string;
  coSigners: string[];
  /** The deputy names of this row whose written form differs from the normalised one. */
  spellings: { written: string; name: string }[];
  delegation: string;
  session: string;
  phase: Phase;
  units: ImportUnit[];
  assignedDate?: string;
  keySupervised: boolean;
}

export interface RowProblem {
  line: number;
  reason: string;
}

export const MAX_IMPORT_ROWS = 3000;
const HEADER_SEARCH_ROWS = 5;

export const REQUIRED = ['建议号', '标题', '内容', '领衔代表', '代表团', '届次', '提出阶段'] as const;
const OPTIONAL = ['附议代表', '主办单位', '会办单位', '分办单位', '独办单位', '交办日期', '重点督办'] as const;
export type Header = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];
/** Other names offices use for the same column. */
const ALIASES: Record<string, Header> = { 协办单位: '会办单位', 领衔人: '领衔代表', 附议人: '附议代表' };

export const PHASES: Record<string, Phase> = { 会期: 'session', 大会期间: 'session', 闭会期间: 'recess', 会后: 'recess' };
export const YES_NO: Record<string, boolean> = { 是: true, 否: false, '': false };
export const LIMITS: Partial<Record<Header, number>> = { 建议号: 20, 标题: 200, 内容: 20000, 代表团: 50, 届次: 40, 领衔代表: 40 };

/** Names in one cell: 、 as the format says, and the commas or semicolons people type instead. */
export function splitNames(cell: string): string[] {
  return cell
    .split(/[、，,；;]/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

function headerIndex(header: readonly string[]): Map<Header, number> {
  const known = new Set<string>([...REQUIRED, ...OPTIONAL]);
  const index = new Map<Header, number>();
  header.forEach((raw, column) => {
    const name = raw.replace(/\s+/g, '');
    const canonical = (known.has(name) ? name : ALIASES[name]) as Header | undefined;
    if (canonical && !index.has(canonical)) index.set(canonical, column);
  });
  const missing = REQUIRED.filter((name) => !index.has(name));
  if (missing.length > 0) throw new AppError('VALIDATION', `导入文件缺少表头：${missing.join('、')}（表头应在第1行，或在标题行之下）`);
  if (!index.has('主办单位') && !index.has('分办单位') && !index.has('独办单位')) {
    throw new AppError('VALIDATION', '导入文件缺少表头：主办单位或分办单位');
  }
  return index;
}

/** The unit roles of one row; a 主办 without 会办 (and no 分办) is 独办 — one unit handles it alone. */
function unitsOf(cell: (h: Header) => string, problems: string[]): ImportUnit[] {
  const leads = splitNames(cell('主办单位'));
  const cos = splitNames(cell('会办单位'));
  const splits = splitNames(cell('分办单位'));
  const soles = splitNames(cell('独办单位'));
  if (leads.length > 1) problems.push('「主办单位」只能填一个单位，多个单位各自答复时请填「分办单位」');
  const leadRole: UnitRole = cos.length === 0 && splits.length === 0 && soles.length === 0 ? 'sole' : 'lead';
  const units: ImportUnit[] = [
    ...leads.map((name) => ({ name, role: leadRole })),
    ...cos.map((name) => ({ name, role: 'co' as const })),
    ...splits.map((name) => ({ name, role: 'split' as const })),
    ...soles.map((name) => ({ name, role: 'sole' as const })),
  ];
  if (leads.length <= 1) {
    const problem = assignmentProblem(units.map((u) => ({ unitId: u.name, role: u.role })), []);
    if (problem) problems.push(problem);
  }
  return units;
}

function readRow(line: number, cell: (h: Header) => string): ImportRow | RowProblem[] {
  const problems: string[] = [];
  for (const name of REQUIRED) if (cell(name) === '') problems.push(`「${name}」不能为空`);
  for (const [name, max] of Object.entries(LIMITS) as [Header, number][]) {
    if (cell(name).length > max) problems.push(`「${name}」不能超过${max}个字`);
  }
  const phaseText = cell('提出阶段');
  const phase = PHASES[phaseText];
  if (phaseText !== '' && !phase) problems.push(`「提出阶段」应为“会期”或“闭会期间”，而不是“${excerpt(phaseText)}”`);
  const keyText = cell('重点督办');
  const keySupervised = YES_NO[keyText];
  if (keySupervised === undefined) problems.push(`「重点督办」应为“是”或“否”，而不是“${excerpt(keyText)}”`);
  const assignedDate = cell('交办日期');
  if (assignedDate !== '' && !(/^\d{4}-\d{2}-\d{2}$/.test(assignedDate) && isValidDate(assignedDate))) {
    problems.push(`「交办日期」应为有效日期（如2026-03-01）${assignedDate.length <= 20 ? `，而不是“${assignedDate}”` : ''}`);
  }
  const written = [cell('领衔代表'), ...splitNames(cell('附议代表'))];
  const spellings = written.map((w) => ({ written: w, name: normaliseName(w) })).filter((s) => s.written !== s.name && s.name !== '');
  const leadDeputy = normaliseName(written[0]!);
  if (written[0] !== '' && leadDeputy === '') problems.push('「领衔代表」不能为空');
  const coSigners = [...new Set(written.slice(1).map(normaliseName))].filter((name) => name !== '' && name !== leadDeputy);
  if (coSigners.some((name) => name.length > 40)) problems.push('「附议代表」的姓名不能超过40个字');
  if (coSigners.length > 50) problems.push('「附议代表」最多50人');
  const units = unitsOf(cell, problems);
  if (problems.length > 0) return problems.map((reason) => ({ line, reason }));
  return {
    line,
    number: cell('建议号'),
    title: cell('标题'),
    content: cell('内容'),
    leadDeputy,
    coSigners,
    spellings,
    delegation: cell('代表团'),
    session: cell('届次'),
    phase: phase!,
    units,
    ...(assignedDate ? { assignedDate } : {}),
    keySupervised: keySupervised!,
  };
}

/** Rows of the table (blank rows skipped), and every problem found in them. */
export function readImportTable(table: readonly (readonly string[])[]): { rows: ImportRow[]; problems: RowProblem[] } {
  // Offices often put a title line (e.g. “2024年建议交办清单”) above the header: the header is the
  // first of the top rows that names 建议号; without one, row 1 is taken (and its headers reported).
  const found = table.slice(0, HEADER_SEARCH_ROWS).findIndex((cells) => cells.some((c) => c.replace(/\s+/g, '') === '建议号'));
  const headerAt = Math.max(found, 0);
  const header = table[headerAt];
  const body = table.slice(headerAt + 1);
  if (!header || body.every((cells) => cells.every((c) => c.trim() === ''))) {
    throw new AppError('VALIDATION', '导入文件中没有建议（第1行为表头，第2行起每行一件建议）');
  }
  const index = headerIndex(header);
  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (h: Header) => {
      const column = index.get(h);
      return column === undefined ? '' : (cells[column] ?? '').trim();
    };
    const read = readRow(headerAt + i + 2, cell);
    if (Array.isArray(read)) problems.push(...read);
    else rows.push(read);
  });
  if (rows.length + new Set(problems.map((p) => p.line)).size > MAX_IMPORT_ROWS) {
    throw new AppError('VALIDATION', `一次最多导入${MAX_IMPORT_ROWS}件建议，请分批导入`);
  }
  return { rows, problems };
}
