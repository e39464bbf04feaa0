// How the import reads what offices actually write: namesakes, aliases, hints, encodings, dates; on
// SQLite and on the CloudBase adapter against the emulator.
import type { ImportSuggestionsResult } from '../../../src/contract';
import { csvFile, HEADER, NOW } from './fixture';
import { closeStores, openOfficeOn, STORE_KINDS, type OfficeOn } from './stores';

afterAll(() => closeStores());

const row = (fields: Partial<Record<string, string>>): string[] => {
  const base: Record<string, string> = {
    建议号: '2024101',
    标题: '关于优化公交接驳的建议',
    内容: '建议优化公交线路与地铁站点接驳。',
    领衔代表: '王建华',
    附议代表: '',
    代表团: '历下区代表团',
    届次: '十八届三次',
    提出阶段: '会期',
    主办单位: '市交通运输局',
    会办单位: '',
    分办单位: '',
    交办日期: '2024-03-01',
    重点督办: '否',
  };
  return HEADER.map((h) => fields[h] ?? base[h]!);
};

describe.each(STORE_KINDS)('reading the rows of a 交办清单 (%s)', (kind) => {
  let office: OfficeOn;
  beforeEach(async () => {
    office = await openOfficeOn(kind);
  });
  afterEach(() => office.close());

  const importCsv = async (rows: string[][], header = HEADER) =>
    office.call('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', csvFile(rows, header)), format: 'csv' });
  const message = async (rows: string[][]) => {
    const response = await importCsv(rows);
    if (response.ok) throw new Error('the import should have been refused');
    expect(response.error.code).toBe('VALIDATION');
    return response.error.message;
  };

  it('asks about a unit no unit has, writing nothing, with the near units of the roster', async () => {
    const response = await importCsv([row({ 主办单位: '市交通局' })]);
    expect(response).toMatchObject({ ok: true, data: { created: 0, unknownUnits: [{ name: '市交通局', lines: [2], near: [{ unitId: 'unit-jtj', name: '市交通运输局' }] }] } });
    expect(await office.store.count('suggestions')).toBe(0);
  });

  it('gives every reason of a bad row at once', async () => {
    const text = await message([row({ 提出阶段: '年中', 交办日期: '2024/3/1', 重点督办: '重要', 标题: '' })]);
    for (const field of ['提出阶段', '交办日期', '重点督办', '标题']) expect(text).toMatch(new RegExp(`第2行：「${field}」`));
    expect(text).toContain('共1行有误');
  });

  it('refuses a 交办日期 after today and two 主办 units', async () => {
    const text = await message([row({ 交办日期: '2024-04-11' }), row({ 建议号: '2024102', 主办单位: '市交通运输局、市水务局' })]);
    expect(text).toMatch(/第2行：「交办日期」2024-04-11不能晚于今天/);
    expect(text).toMatch(/第3行：「主办单位」只能填一个单位/);
  });

  it('tells apart deputies of one name in different 代表团, asking first', async () => {
    const fileID = await office.upload('coordinator', csvFile([row({ 代表团: '天桥区代表团' })]));
    const asked = await office.ok<ImportSuggestionsResult>('coordinator', 'suggestions.import', { fileID, format: 'csv' });
    expect(asked.unknownDeputies).toEqual([{ name: '王建华', lines: [2], delegations: ['天桥区代表团'], near: [{ userId: 'deputy-wang', name: '王建华', delegation: '历下区代表团' }] }]);
    await office.ok('coordinator', 'suggestions.import', { fileID, format: 'csv', decisions: [{ name: '王建华', create: true }] });
    const wangs = (await office.store.find('users', { where: { roles: 'deputy' } })).filter((u) => u.name === '王建华');
    expect(wangs.map((u) => u.delegation).sort()).toEqual(['历下区代表团', '天桥区代表团']);
    const [suggestion] = await office.store.find('suggestions');
    expect(suggestion?.leadDeputyId).not.toBe('deputy-wang');
  });

  it('refuses a co-signer whose name several registered deputies share outside the row\'s 代表团', async () => {
    await office.ok('coordinator', 'suggestions.import', {
      fileID: await office.upload('coordinator', csvFile([row({ 领衔代表: '张伟', 代表团: '天桥区代表团' }), row({ 建议号: '2024102', 领衔代表: '张伟', 代表团: '槐荫区代表团' })])),
      format: 'csv',
      decisions: [{ name: '张伟', create: true }],
    });
    const text = await message([row({ 建议号: '2024103', 附议代表: '张伟' })]);
    expect(text).toMatch(/第2行：「附议代表」“张伟”有多位同名代表/);
  });

  it('takes a co-signer who leads a later row as that one deputy, of that row\'s 代表团', async () => {
    await office.ok('coordinator', 'suggestions.import', {
      fileID: await office.upload('coordinator', csvFile([row({ 附议代表: '周大海' }), row({ 建议号: '2024102', 领衔代表: '周大海', 代表团: '市中区代表团' })])),
      format: 'csv',
      decisions: [{ name: '周大海', create: true }],
    });
    const zhous = (await office.store.find('users', { where: { roles: 'deputy' } })).filter((u) => u.name === '周大海');
    expect(zhous).toEqual([expect.objectContaining({ delegation: '市中区代表团' })]);
    const first = (await office.store.find('suggestions', { where: { number: '2024101' } }))[0];
    expect(first?.coSignerIds).toEqual([zhous[0]!.id]);
  });

  it('registers an unknown co-signer once, without guessing a 代表团', async () => {
    await office.ok('coordinator', 'suggestions.import', {
      fileID: await office.upload('coordinator', csvFile([row({ 附议代表: '吴小芳' }), row({ 建议号: '2024102', 代表团: '章丘区代表团', 领衔代表: '李秀英', 附议代表: '吴小芳' })])),
      format: 'csv',
      decisions: [{ name: '吴小芳', create: true }],
    });
    const wus = (await office.store.find('users', { where: { roles: 'deputy' } })).filter((u) => u.name === '吴小芳');
    expect(wus).toHaveLength(1);
    expect(wus[0]?.delegation).toBeUndefined();
  });

  it('reads a 主办 alone as 独办, and accepts 独办单位 and 协办单位 columns', async () => {
    const header = [...HEADER.map((h) => (h === '会办单位' ? '协办单位' : h)), '独办单位'];
    const rows = [
      [...row({ 建议号: '1', 主办单位: '市民政局' }), ''],
      [...row({ 建议号: '2', 主办单位: '市发展改革委', 会办单位: '市水务局' }), ''],
      [...row({ 建议号: '3', 主办单位: '' }), '市水务局'],
    ];
    await office.ok('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', csvFile(rows, header)), format: 'csv' });
    const [suggestions, tasks] = await Promise.all([office.store.find('suggestions'), office.store.find('tasks')]);
    const roles = (number: string) =>
      tasks.filter((t) => t.suggestionId === suggestions.find((s) => s.number === number)?.id).map((t) => `${t.unitId}:${t.role}`).sort();
    expect(roles('1')).toEqual(['unit-mzj:sole']);
    expect(roles('2')).toEqual(['unit-fgw:lead', 'unit-slj:co']);
    expect(roles('3')).toEqual(['unit-slj:sole']);
  });

  it('assigns today when the 交办日期 is left empty', async () => {
    await office.ok<ImportSuggestionsResult>('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', csvFile([row({ 交办日期: '' })])), format: 'csv' });
    const [task] = await office.store.find('tasks');
    expect(task?.assignedAt).toBe(NOW);
  });

  it('refuses a row without any unit', async () => {
    expect(await message([row({ 主办单位: '' })])).toMatch(/第2行：请至少指定一个承办单位/);
  });

  it('asks for UTF-8 when a CSV comes in another encoding', async () => {
    const gbk = Buffer.from([0xbd, 0xa8, 0xd2, 0xe9, 0xba, 0xc5, 0x2c, 0xb1, 0xea, 0xcc, 0xe2, 0x0d, 0x0a]);
    const response = await office.call('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', gbk), format: 'csv' });
    expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('UTF-8') } });
  });

  it('finds the header under a title line and counts rows as the spreadsheet does', async () => {
    const header = ['2024年市人大代表建议交办清单', ...HEADER.slice(1).map(() => '')];
    const text = '\uFEFF' + [header, HEADER, row({}), row({ 建议号: '2024102', 提出阶段: '年中' })].map((r) => r.join(',')).join('\r\n');
    const response = await office.call('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', text), format: 'csv' });
    expect(response).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^[^第]*第4行：/) } });
  });

  it('skips blank lines and keeps the spreadsheet\'s row numbers', async () => {
    const text = await message([row({}), HEADER.map(() => ''), row({ 建议号: '2024102', 提出阶段: '年中' })]);
    expect(text).toContain('第4行');
    expect(await office.store.count('suggestions')).toBe(0);
  });
});
