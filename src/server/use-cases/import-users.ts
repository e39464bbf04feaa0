// users.import: the office registers the deputies of a delegation from its spreadsheet (姓名, 代表团,
// 手机号), CSV or .xlsx. All or nothing: any bad row and nothing is written, every bad row reported
// with its line and reasons; a deputy already registered (same name and 代表团) is left unchanged,
// so importing the same file again changes nothing. Nobody is bound here: each binds with a code.
// Names are compared normalised ("王建 华" is 王建华). A new deputy whose name is one character from a
// registered deputy's (李秀珍 beside 李秀英), or the same name in another 代表团, may be a typo that would
// make a second person of one: such a list is answered, writing nothing, with those rows and their near
// names, and is written only when the caller confirms (`confirmNear`) that they are different people.
import * as z from 'zod';
import type { ImportUsersData, ImportUsersNearName, ImportUsersResult } from '../../contract';
import { AppError } from '../../core/errors';
import type { User } from '../../core/model';
import { authorize } from '../access/permissions';
import { IMPORT_TOO_LARGE, MAX_IMPORT_BYTES, readImportFile } from '../import/read-file';
import { readUpload } from '../papers/uploads';
import { uploadedFileField } from '../validation';
import { nearDeputies, normaliseName } from '../import/deputy-names';
import { newId } from '../ports/ids';
import { caller, defineUseCase, event } from '../use-case';
import { problemsMessage } from './import-suggestions';

const ACTION = 'users.import';
export const DEPUTY_COLUMNS = { name: '姓名', delegation: '代表团', phone: '手机号' } as const;
const PHONE = /^[0-9+\-() ]{5,30}$/;

const schema: z.ZodType<ImportUsersData> = z.object({
  fileID: uploadedFileField,
  format: z.enum(['csv', 'xlsx']),
  confirmNear: z.boolean().optional(),
});

interface DeputyRow {
  line: number;
  name: string;
  delegation: string;
  phone?: string;
}

/** The rows of the sheet, and what is wrong with each bad one. Names are normalised (deputy-names.ts). */
export function readDeputyRows(table: string[][]): { rows: DeputyRow[]; problems: { line: number; reason: string }[] } {
  const [header, ...body] = table;
  if (!header) throw new AppError('VALIDATION', '文件为空');
  const names = header.map((h) => h.trim());
  const col = (title: string) => names.indexOf(title);
  const missing = [DEPUTY_COLUMNS.name, DEPUTY_COLUMNS.delegation].filter((t) => col(t) < 0);
  if (missing.length > 0) throw new AppError('VALIDATION', `表头缺少：${missing.join('、')}（应为：姓名、代表团、手机号）`);
  const rows: DeputyRow[] = [];
  const problems: { line: number; reason: string }[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, index) => {
    const line = index + 2;
    const cell = (title: string) => (col(title) >= 0 ? (cells[col(title)] ?? '').trim() : '');
    if (cells.every((c) => (c ?? '').trim() === '')) return;
    const name = normaliseName(cell(DEPUTY_COLUMNS.name));
    const delegation = cell(DEPUTY_COLUMNS.delegation);
    const phone = cell(DEPUTY_COLUMNS.phone);
    const reasons: string[] = [];
    if (name === '') reasons.push('「姓名」不能为空');
    else if (name.length > 40) reasons.push('「姓名」不能超过40个字');
    if (delegation === '') reasons.push('「代表团」不能为空');
    else if (delegation.length > 50) reasons.push('「代表团」不能超过50个字');
    if (phone !== '' && !PHONE.test(phone)) reasons.push('「手机号」格式不正确');
    const key = `${name}|${delegation}`;
    if (name && delegation && seen.has(key)) reasons.push(`与第${seen.get(key)}行重复`);
    else seen.set(key, line);
    if (reasons.length > 0) problems.push(...reasons.map((reason) => ({ line, reason })));
    else rows.push({ line, name, delegation, ...(phone ? { phone } : {}) });
  });
  if (rows.length === 0 && problems.length === 0) throw new AppError('VALIDATION', '文件中没有代表名单');
  return { rows, problems };
}

export const importUsers = defineUseCase({
  action: ACTION,
  access: 'user',
  schema,
  async run(data, ctx): Promise<ImportUsersResult> {
    authorize(caller(ctx), 'users.import');
    const { rows, problems } = readDeputyRows(await readImportFile(await readUpload(ctx, data.fileID, { maxBytes: MAX_IMPORT_BYTES, tooLarge: IMPORT_TOO_LARGE }), data.format));
    if (problems.length > 0) throw new AppError('VALIDATION', problemsMessage(problems));
    return ctx.write(async (tx) => {
      const deputies = await tx.find('users', { where: { roles: 'deputy' } });
      const known = new Set(deputies.map((u) => `${normaliseName(u.name)}|${u.delegation ?? ''}`));
      const fresh = rows.filter((row) => !known.has(`${row.name}|${row.delegation}`));
      const nearNames: ImportUsersNearName[] = fresh.flatMap((row) => {
        const near = nearDeputies(row.name, [row.delegation], deputies);
        return near.length === 0 ? [] : [{ line: row.line, name: row.name, delegation: row.delegation, near: near.map((u) => ({ userId: u.id, name: u.name, ...(u.delegation ? { delegation: u.delegation } : {}) })) }];
      });
      if (nearNames.length > 0 && !data.confirmNear) return { created: 0, unchanged: rows.length - fresh.length, names: [], nearNames };
      const created: User[] = [];
      for (const row of fresh) {
        const user: User = {
          id: newId(),
          name: row.name,
          roles: ['deputy'],
          delegation: row.delegation,
          ...(row.phone ? { phone: row.phone } : {}),
          createdAt: ctx.now,
          version: 1,
        };
        tx.insert('users', user);
        tx.appendEvent(event(ctx, { action: ACTION, entity: 'user', entityId: user.id, to: 'deputy', detail: { line: row.line, name: user.name, delegation: row.delegation } }));
        created.push(user);
      }
      return { created: created.length, unchanged: rows.length - created.length, names: created.map((u) => u.name) };
    });
  },
});
