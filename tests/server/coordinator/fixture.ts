// A small office on a real SQLite store: five units, their staff, the 联络员, and two deputies.
// Files of the 交办清单 are built here as a user would make them (CSV text, or an .xlsx by exceljs).
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readLink, uploadAs } from '../../support/uploads';
import { openFolderFileStore, type FolderFileStore } from '../../../src/server/adapters/files/folder.files';
import { createApi, type Api } from '../../../src/server/api';
import { openSqliteStore, type SqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import type { Unit, User } from '../../../src/core/model';

export const NOW = '2024-04-10T02:00:00.000Z'; // 2024-04-10 10:00 in Shanghai

export const UNITS: Unit[] = [
  { id: 'unit-fgw', name: '市发展改革委', departments: ['综合处'] },
  { id: 'unit-jtj', name: '市交通运输局', departments: [] },
  { id: 'unit-zjj', name: '市住房城乡建设局', departments: [] },
  { id: 'unit-mzj', name: '市民政局', departments: [] },
  { id: 'unit-slj', name: '市水务局', departments: [] },
];

const person = (id: string, name: string, roles: User['roles'], extra: Partial<User> = {}): User => ({
  id,
  openid: id,
  name,
  roles,
  createdAt: '2024-01-01T00:00:00.000Z',
  version: 1,
  ...extra,
});

export const USERS: User[] = [
  person('coordinator', '郑晓燕', ['coordinator'], { phone: '0531-86000006' }),
  person('admin', '系统管理员', ['admin']),
  person('handler-fgw', '刘洋', ['handler'], { unitId: 'unit-fgw', phone: '13912340001' }),
  person('reviewer-fgw', '周强', ['reviewer'], { unitId: 'unit-fgw', phone: '13912340002' }),
  person('handler-mzj', '孙丽', ['handler'], { unitId: 'unit-mzj', phone: '13912340003' }),
  person('reviewer-mzj', '钱进', ['reviewer'], { unitId: 'unit-mzj', phone: '13912340004' }),
  person('leader-mzj', '冯刚', ['leader'], { unitId: 'unit-mzj', phone: '13912340005' }),
  person('deputy-wang', '王建华', ['deputy'], { delegation: '历下区代表团', phone: '13800000001' }),
  person('deputy-li', '李秀英', ['deputy'], { delegation: '章丘区代表团', phone: '13800000002' }),
];

export interface Office {
  store: SqliteStore;
  /** Attachments and letters: a folder store in a fresh temporary folder. */
  files: FolderFileStore;
  api: Api;
  /** Call as the user with this openid (undefined: no login). */
  call(openid: string | undefined, action: string, data?: unknown, requestId?: string): ReturnType<Api>;
  /** Call and return the data, failing the test on an error response. */
  ok<T>(openid: string | undefined, action: string, data?: unknown): Promise<T>;
  /** Upload a file as the user with this openid (as the app does before an import or attachment); its fileID. */
  upload(openid: string, content: Buffer | string, extension?: string): Promise<string>;
  /** An export or document made for the caller: the action's answer, and the file behind its link read back as that caller. */
  download<T extends { url: string }>(openid: string, action: string, data?: unknown): Promise<{ file: T; bytes: Buffer; text: string }>;
}

export async function openOffice(now = NOW): Promise<Office> {
  const store = openSqliteStore(':memory:');
  await store.transaction(async (tx) => {
    for (const unit of UNITS) tx.insert('units', unit);
    for (const user of USERS) tx.insert('users', user);
  });
  const files = openFolderFileStore({ dir: mkdtempSync(path.join(tmpdir(), 'jyt-office-files-')), now: () => now });
  const api = createApi({ store, files, clock: { now: () => now }, log: () => undefined });
  const call: Office['call'] = (openid, action, data, requestId) =>
    api({ action, data, ...(requestId ? { requestId } : {}) }, openid ? { openid } : {});
  const ok: Office['ok'] = async (openid, action, data) => {
    const response = await call(openid, action, data);
    if (!response.ok) throw new Error(`${action}: ${response.error.code} ${response.error.message}`);
    return response.data as never;
  };
  const download: Office['download'] = async (openid, action, data) => {
    const file = await ok<{ url: string }>(openid, action, data);
    const bytes = await readLink(files, file.url, openid);
    return { file: file as never, bytes, text: bytes.toString('utf8') };
  };
  return { store, files, api, call, ok, upload: (openid, content, extension) => uploadAs(files, openid, content, extension), download };
}

export const HEADER = ['建议号', '标题', '内容', '领衔代表', '附议代表', '代表团', '届次', '提出阶段', '主办单位', '会办单位', '分办单位', '交办日期', '重点督办'];

/** Three suggestions: 主办 with two 会办; 分办 to two units; 独办 (a 主办 alone). */
export const THREE_ROWS: string[][] = [
  ['2024001', '关于加快充电桩建设的建议', '建议在老旧小区增设充电桩，统一监管平台。', '王建华', '李秀英、张新民', '历下区代表团', '十八届三次', '会期', '市发展改革委', '市交通运输局、市住房城乡建设局', '', '2024-03-01', '是'],
  ['2024002', '关于黄河滩区保障的建议', '建议建立滩区长效保障机制，"产业扶持"与基础设施并重，\n分步实施。', '李秀英', '', '章丘区代表团', '十八届三次', '会期', '', '', '市发展改革委、市水务局', '2024-03-01', '否'],
  ['2024003', '关于社区养老服务的建议', '建议完善社区嵌入式养老服务设施。', '赵海燕', '', '天桥区代表团', '十八届三次', '闭会期间', '市民政局', '', '', '2024-03-05', '否'],
];

const quote = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** CSV as Excel's “CSV UTF-8” writes it: a byte-order mark and CRLF line ends. */
export function csvFile(rows: string[][], header = HEADER): Buffer {
  const text = '\uFEFF' + [header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
  return Buffer.from(text, 'utf8');
}

/** A real .xlsx workbook; the 交办日期 column holds Excel dates, as an office's sheet does. */
export async function xlsxFile(rows: string[][], header = HEADER): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('交办清单');
  sheet.addRow(header);
  const dateColumn = header.indexOf('交办日期');
  for (const row of rows) {
    sheet.addRow(row.map((value, i) => (i === dateColumn && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : value)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
