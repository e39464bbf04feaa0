// suggestions.import never turns a unit name no unit has into a new unit on its own: it asks, naming the
// rows and the near units of the roster (one character off, 市 missing, a short name of the unit), and
// writes once every such name is decided — an existing unit, or a new one (audited). A unit renamed on
// the roster keeps every record, which refers to it by id. On both stores.
import type { ImportSuggestionsResult, LedgerListResult } from '../../../src/contract';
import { importedUnitId } from '../../../src/server/import/import-ids';
import { nearUnits } from '../../../src/server/import/unit-names';
import { UNITS, csvFile } from './fixture';
import { closeStores, openOfficeOn, STORE_KINDS, type OfficeOn } from './stores';

afterAll(() => closeStores());

const row = (number: string, lead: string, co = '') => [
  number, `关于第${number}号事项的建议`, '建议内容。', '王建华', '', '历下区代表团', '十八届三次', '会期', lead, co, '', '2024-03-01', '否',
];
/** 市民证局 (one character off), 民政局 (市 missing), 市发改委 (a short name), 市 水务局 (a space: the same name), 市新区管委会 (nothing near). */
const ROWS = [row('7101', '市民证局'), row('7102', '民政局', '市发改委'), row('7103', '市 水务局', '市新区管委会'), row('7104', '市发改委')];
const FILE = csvFile(ROWS);

describe('near unit names', () => {
  const near = (name: string) => nearUnits(name, UNITS).map((u) => u.name);
  it('finds one character off, 市 missing and short names, the closest first', () => {
    expect(near('市民证局')).toEqual(['市民政局']);
    expect(near('民政局')).toEqual(['市民政局']);
    expect(near('市发改委')).toEqual(['市发展改革委']);
    expect(near('交通局')).toEqual(['市交通运输局']);
    expect(near('市住建局')).toEqual(['市住房城乡建设局']);
    expect(near('市新区管委会')).toEqual([]);
    expect(near('市局')).toEqual([]);
  });
});

describe.each(STORE_KINDS)('unit names the roster does not have (%s)', (kind) => {
  let office: OfficeOn;
  beforeEach(async () => {
    office = await openOfficeOn(kind);
  });
  afterEach(() => office.close());

  const importWith = async (unitDecisions?: unknown[]) => office.call('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', FILE), format: 'csv', ...(unitDecisions ? { unitDecisions } : {}) });

  it('asks, writing nothing, with each unknown unit, its rows and the near units', async () => {
    const before = office.dump();
    const answer = await importWith();
    expect(answer).toEqual({
      ok: true,
      data: {
        created: 0,
        unchanged: 0,
        numbers: [],
        remaining: 4,
        unknownUnits: [
          { name: '市民证局', lines: [2], near: [{ unitId: 'unit-mzj', name: '市民政局' }] },
          { name: '民政局', lines: [3], near: [{ unitId: 'unit-mzj', name: '市民政局' }] },
          { name: '市发改委', lines: [3, 5], near: [{ unitId: 'unit-fgw', name: '市发展改革委' }] },
          { name: '市新区管委会', lines: [4], near: [] },
        ],
      },
    });
    expect(office.dump()).toBe(before);
  });

  it('imports with the decisions: near units taken, a new unit registered and audited', async () => {
    const decisions = [
      { name: '市民证局', unitId: 'unit-mzj' },
      { name: '民政局', unitId: 'unit-mzj' },
      { name: '市发改委', unitId: 'unit-fgw' },
      { name: '市新区管委会', create: true },
    ];
    const result = await office.ok<ImportSuggestionsResult>('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', FILE), format: 'csv', unitDecisions: decisions });
    expect(result).toMatchObject({ created: 4, remaining: 0 });
    const created = importedUnitId('市新区管委会');
    expect(await office.store.get('units', created)).toEqual({ id: created, name: '市新区管委会', departments: [] });
    const tasks = await office.store.find('tasks');
    expect(tasks.map((t) => t.unitId).sort()).toEqual(['unit-fgw', 'unit-fgw', 'unit-mzj', 'unit-mzj', 'unit-slj', created].sort());
    const events = await office.store.events({ entityId: created });
    expect(events).toEqual([expect.objectContaining({ action: 'suggestions.import', entity: 'unit', actorId: 'coordinator', detail: { name: '市新区管委会' } })]);
    // The same file again changes nothing, with or without the decisions.
    const again = await office.ok<ImportSuggestionsResult>('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', FILE), format: 'csv', unitDecisions: decisions });
    expect(again).toMatchObject({ created: 0, unchanged: 4 });
  });

  it('refuses unsound decisions, naming them, and writes nothing', async () => {
    const before = office.dump();
    for (const bad of [
      [{ name: '市民证局', unitId: 'unit-none' }],
      [{ name: '市卫健委', create: true }],
      [{ name: '民政局', unitId: 'unit-mzj' }, { name: '民政局', create: true }],
    ]) {
      expect(await importWith(bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/本次没有写入任何数据。.*(不存在|不在本次导入的表格中|选择重复)/) } });
    }
    expect(office.dump()).toBe(before);
  });

  it('renames a unit on the roster, audited with its old name; its tasks and ledger rows follow', async () => {
    await office.ok('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', csvFile([row('7201', '市民政局')])), format: 'csv' });
    await office.ok('admin', 'units.upsert', { id: 'unit-mzj', name: '市民政局（市老龄办）' });
    const [task] = await office.store.find('tasks');
    expect(task!.unitId).toBe('unit-mzj');
    const ledger = await office.ok<LedgerListResult>('coordinator', 'ledger.list', {});
    expect(ledger.items.map((r) => r.unitName)).toEqual(['市民政局（市老龄办）']);
    const events = await office.store.events({ entityId: 'unit-mzj' });
    expect(events.at(-1)).toMatchObject({ action: 'units.upsert', actorId: 'admin', detail: { name: '市民政局（市老龄办）', was: '市民政局' } });
  });
});
