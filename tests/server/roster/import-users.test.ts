// users.import: the delegation's list of deputies, all or nothing, each bad row named; a name near a
// registered deputy's asked about first. On SQLite and on the CloudBase adapter against the emulator.
import type { ImportUsersResult } from '../../../src/contract';
import { csvFile, xlsxFile } from '../coordinator/fixture';
import { closeStores, openOfficeOn, STORE_KINDS, type OfficeOn } from '../coordinator/stores';

const HEADER = ['姓名', '代表团', '手机号'];

afterAll(() => closeStores());

describe.each(STORE_KINDS)('importing the deputies of a delegation (%s)', (kind) => {
  let office: OfficeOn;
  beforeEach(async () => {
    office = await openOfficeOn(kind);
  });
  afterEach(() => office.close());

  const deputies = async () => (await office.store.find('users', { where: { roles: 'deputy' } })).map((u) => `${u.name}|${u.delegation}|${u.phone ?? ''}`).sort();

  it('registers new deputies from an .xlsx sheet, unbound, with an audit event each; a second import changes nothing', async () => {
    const file = await xlsxFile(
      [
        ['张 立新', '天桥区代表团', '13800000003'],
        ['陈静', '槐荫区代表团', ''],
        ['王建华', '历下区代表团', '13800000001'],
      ],
      HEADER,
    );
    const result = await office.ok<ImportUsersResult>('admin', 'users.import', { fileID: await office.upload('admin', file), format: 'xlsx' });
    expect(result).toEqual({ created: 2, unchanged: 1, names: ['张立新', '陈静'] });
    expect(await deputies()).toEqual(['张立新|天桥区代表团|13800000003', '李秀英|章丘区代表团|13800000002', '王建华|历下区代表团|13800000001', '陈静|槐荫区代表团|'].sort());
    const created = (await office.store.find('users', { where: { roles: 'deputy' } })).filter((u) => result.names.includes(u.name));
    expect(created.map((u) => u.openid)).toEqual([undefined, undefined]);
    for (const user of created) {
      expect(await office.store.events({ entityId: user.id })).toEqual([expect.objectContaining({ action: 'users.import', actorId: 'admin' })]);
    }
    const before = office.dump();
    expect(await office.ok<ImportUsersResult>('coordinator', 'users.import', { fileID: await office.upload('coordinator', file), format: 'xlsx' })).toEqual({ created: 0, unchanged: 3, names: [] });
    expect(office.dump()).toBe(before);
  });

  it('writes nothing when any row is bad, and names every bad row with its reasons', async () => {
    const file = csvFile(
      [
        ['赵海燕', '天桥区代表团', ''],
        ['', '历下区代表团', ''],
        ['孙强', '', '电话'],
        ['赵海燕', '天桥区代表团', ''],
      ],
      HEADER,
    );
    const before = office.dump();
    const response = await office.call('coordinator', 'users.import', { fileID: await office.upload('coordinator', file), format: 'csv' });
    expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const message = response.ok ? '' : response.error.message;
    expect(message).toContain('共3行有误，本次没有写入任何数据');
    expect(message).toContain('第3行：「姓名」不能为空');
    expect(message).toContain('第4行：「代表团」不能为空');
    expect(message).toContain('第4行：「手机号」格式不正确');
    expect(message).toContain('第5行：与第2行重复');
    expect(office.dump()).toBe(before);
  });

  it('refuses a sheet without the columns, and anyone but the admin or coordinator', async () => {
    const wrong = csvFile([['王五', '历下区']], ['名字', '团']);
    expect(await office.call('admin', 'users.import', { fileID: await office.upload('admin', wrong), format: 'csv' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('表头缺少：姓名、代表团') } });
    const file = csvFile([['王五', '历下区代表团', '']], HEADER);
    expect(await office.call('handler-fgw', 'users.import', { fileID: await office.upload('handler-fgw', file), format: 'csv' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await office.call('deputy-wang', 'users.import', { fileID: await office.upload('deputy-wang', file), format: 'csv' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('asks before registering a deputy whose name is near a registered one, and writes only when confirmed', async () => {
    const file = csvFile(
      [
        ['李秀珍', '章丘区代表团', ''], // 李秀英 of 章丘区代表团 is registered: perhaps a typo
        ['王建华', '天桥区代表团', ''], // the same name in another 代表团
        ['陈静', '槐荫区代表团', ''], // nobody near
      ],
      HEADER,
    );
    const before = office.dump();
    const asked = await office.ok<ImportUsersResult>('admin', 'users.import', { fileID: await office.upload('admin', file), format: 'csv' });
    expect(asked).toEqual({
      created: 0,
      unchanged: 0,
      names: [],
      nearNames: [
        { line: 2, name: '李秀珍', delegation: '章丘区代表团', near: [{ userId: 'deputy-li', name: '李秀英', delegation: '章丘区代表团' }] },
        { line: 3, name: '王建华', delegation: '天桥区代表团', near: [{ userId: 'deputy-wang', name: '王建华', delegation: '历下区代表团' }] },
      ],
    });
    expect(office.dump()).toBe(before);

    const confirmed = await office.ok<ImportUsersResult>('admin', 'users.import', { fileID: await office.upload('admin', file), format: 'csv', confirmNear: true });
    expect(confirmed).toEqual({ created: 3, unchanged: 0, names: ['李秀珍', '王建华', '陈静'] });
    expect(await deputies()).toEqual(expect.arrayContaining(['李秀珍|章丘区代表团|', '王建华|天桥区代表团|', '陈静|槐荫区代表团|']));
    // Imported again, they are the same people: nothing to ask, nothing written.
    const again = office.dump();
    expect(await office.ok<ImportUsersResult>('admin', 'users.import', { fileID: await office.upload('admin', file), format: 'csv' })).toEqual({ created: 0, unchanged: 3, names: [] });
    expect(office.dump()).toBe(again);
  });

  it('compares names as typed: full-width characters and spaces of every kind', async () => {
    const file = csvFile([['王建\u3000华', '历下区代表团', ''], ['李\u00a0秀英', '章丘区代表团', '']], HEADER);
    expect(await office.ok<ImportUsersResult>('admin', 'users.import', { fileID: await office.upload('admin', file), format: 'csv' })).toEqual({ created: 0, unchanged: 2, names: [] });
  });
});
