// The 交办清单 template (suggestions.importTemplate; docs/architecture.md, Import format): the columns the
// importer reads (import-rows.ts, so the two cannot drift apart), a line of 填写说明 above the header (the
// importer looks for the header in the top rows), one example row this deployment's roster accepts (its
// units and deputies), and in the workbook a second sheet naming each column: required or not, what to
// write, the allowed values. The workbook is written by exceljs, the writer of the ledger export.
import { shanghaiDate } from '../../core/calendar';
import type { Unit, User } from '../../core/model';
import { loadExcelJS } from '../lazy';
import type { Reader } from '../ports';
import { LIMITS, PHASES, REQUIRED, YES_NO, type Header } from './import-rows';

/** The columns of the template, in the order of the format. */
export const TEMPLATE_COLUMNS = [
  '建议号', '标题', '内容', '领衔代表', '附议代表', '代表团', '届次', '提出阶段', '主办单位', '会办单位', '分办单位', '交办日期', '重点督办',
] as const satisfies readonly Header[];
type Column = (typeof TEMPLATE_COLUMNS)[number];

const quoted = (values: readonly string[]) => values.map((v) => `“${v}”`).join('、');
const limit = (column: Column) => (LIMITS[column] ? `，不超过${LIMITS[column]}个字` : '');

/** What to write in each column (the allowed values are the importer's own). */
const RULES: Record<Column, string> = {
  建议号: `同一届次内不重复${limit('建议号')}`,
  标题: `建议的标题${limit('标题')}`,
  内容: `建议的全文${limit('内容')}`,
  领衔代表: `代表姓名，与代表名册一致${limit('领衔代表')}；名册中没有时，导入时会请您确认`,
  附议代表: '多位代表用“、”分隔；没有可不填',
  代表团: `领衔代表所在的代表团${limit('代表团')}`,
  届次: `如“十八届三次”${limit('届次')}`,
  提出阶段: `填${quoted(Object.keys(PHASES))}之一`,
  主办单位: '一个承办单位，名称与名册中的单位一致；只有主办、没有会办时即为独办',
  会办单位: '多个单位用“、”分隔；有会办时须填主办单位',
  分办单位: '多个单位各自答复时填此列，用“、”分隔；不与主办单位同填',
  交办日期: '如2026-03-01；不填为导入当天，不能晚于今天',
  重点督办: `填${quoted(Object.keys(YES_NO).filter((v) => v !== ''))}；不填为“否”`,
};

export const TEMPLATE_NOTE =
  '填写说明：第2行为表头，请勿修改；第3行是示例，请改为实际内容或删除。每行一件建议。' +
  `${REQUIRED.join('、')}必填；主办单位或分办单位至少填一个。` +
  `提出阶段填“会期”或“闭会期间”；重点督办填“是”或“否”；交办日期如2026-03-01；多个代表或单位用“、”分隔。`;

const byName = <T extends { name: string }>(list: T[]) => list.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));

/** The example row: with the roster's units and deputies where it has them, so that it imports as it is. */
export async function exampleRow(reader: Reader, now: string): Promise<Record<Column, string>> {
  const [units, deputies] = await Promise.all([reader.find('units'), reader.find('users', { where: { roles: 'deputy' } })]);
  const sortedUnits: Unit[] = byName(units);
  const withDelegation: User[] = byName(deputies.filter((d) => d.delegation));
  const lead = withDelegation[0];
  const coSigner = withDelegation.find((d) => d.id !== lead?.id && d.delegation === lead?.delegation && d.name !== lead?.name);
  return {
    建议号: '示例1',
    标题: '（示例）关于增设社区养老服务站的建议',
    内容: '建议在老旧小区增设社区养老服务站，提供助餐、助浴等服务。',
    领衔代表: lead?.name ?? '王建华',
    附议代表: coSigner?.name ?? '',
    代表团: lead?.delegation ?? '历下区代表团',
    届次: '十八届三次',
    提出阶段: '会期',
    主办单位: sortedUnits[0]?.name ?? '市民政局',
    会办单位: sortedUnits[1]?.name ?? '',
    分办单位: '',
    交办日期: shanghaiDate(now),
    重点督办: '否',
  };
}

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The CSV template: UTF-8 with a byte-order mark (so Excel reads the Chinese), CRLF, the note, the header, the example. */
export function templateCsv(example: Record<Column, string>): string {
  const lines = [[TEMPLATE_NOTE], [...TEMPLATE_COLUMNS], TEMPLATE_COLUMNS.map((c) => example[c])];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const WIDTHS: Partial<Record<Column, number>> = { 标题: 30, 内容: 40, 主办单位: 16, 会办单位: 18, 分办单位: 16, 交办日期: 12 };
/** Rows below the header offered the lists of allowed values (a 交办清单 holds at most 3,000 rows). */
const CHOICE_ROWS = 500;

/** The .xlsx template as bytes: the 交办清单 sheet first (the one the importer reads), then 填写说明. */
export async function templateXlsx(example: Record<Column, string>, now: string): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(now);
  workbook.modified = new Date(now);
  const sheet = workbook.addWorksheet('交办清单', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({ width: WIDTHS[c] ?? 10, ...(c === '交办日期' ? { style: { numFmt: '@' } } : {}) }));
  const note = sheet.addRow([TEMPLATE_NOTE]);
  sheet.mergeCells(1, 1, 1, TEMPLATE_COLUMNS.length);
  note.alignment = { wrapText: true, vertical: 'top' };
  note.height = 48;
  const header = sheet.addRow([...TEMPLATE_COLUMNS]);
  header.font = { bold: true };
  header.eachCell((cell, column) => {
    const required = (REQUIRED as readonly string[]).includes(TEMPLATE_COLUMNS[column - 1]!);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: required ? 'FFFDE9C4' : 'FFEDEDED' } };
  });
  sheet.addRow(TEMPLATE_COLUMNS.map((c) => example[c]));
  const lists: Partial<Record<Column, string[]>> = { 提出阶段: ['会期', '闭会期间'], 重点督办: ['是', '否'] };
  for (const [column, values] of Object.entries(lists) as [Column, string[]][]) {
    const index = TEMPLATE_COLUMNS.indexOf(column) + 1;
    for (let row = 3; row < 3 + CHOICE_ROWS; row += 1) {
      sheet.getCell(row, index).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${values.join(',')}"`],
        showErrorMessage: true,
        errorTitle: column,
        error: `请填${quoted(values)}`,
      };
    }
  }
  const help = workbook.addWorksheet('填写说明');
  help.columns = [{ width: 12 }, { width: 8 }, { width: 60 }, { width: 30 }];
  const helpHeader = help.addRow(['列名', '是否必填', '填写要求', '示例']);
  helpHeader.font = { bold: true };
  for (const column of TEMPLATE_COLUMNS) {
    const row = help.addRow([column, (REQUIRED as readonly string[]).includes(column) ? '必填' : '可不填', RULES[column], example[column]]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
