// stats.years: the year filters offer only the years (of 交办, Beijing) with suggestions in the caller's
// scope — the office's every year with data, a unit's staff only the years of their unit's tasks. On both stores.
import type { StatsYearsResult } from '../../../src/contract';
import { csvFile } from '../coordinator/fixture';
import { closeStores, openOfficeOn, STORE_KINDS, type OfficeOn } from '../coordinator/stores';

afterAll(() => closeStores());

const row = (number: string, lead: string, sole: string, assigned: string) => [
  number, `关于第${number}号事项的建议`, '建议内容。', '王建华', '', '历下区代表团', '十八届三次', '会期', lead, '', sole, assigned, '否',
];

describe.each(STORE_KINDS)('years with data (%s)', (kind) => {
  let office: OfficeOn;
  beforeEach(async () => {
    office = await openOfficeOn(kind);
  });
  afterEach(() => office.close());

  const years = async (openid: string, data: object = {}) => (await office.ok<StatsYearsResult>(openid, 'stats.years', data)).years;

  it('lists none before any suggestion, then the years of 交办 with suggestions, latest first', async () => {
    expect(await years('coordinator')).toEqual([]);
    // 2021 and 2023 for 市民政局, 2024 for 市发展改革委: no 2022, and nothing of the years before.
    const file = csvFile([row('9001', '市民政局', '', '2021-05-01'), row('9002', '市民政局', '', '2023-12-31'), row('9003', '市发展改革委', '', '2024-01-02')]);
    await office.ok('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', file), format: 'csv' });
    expect(await years('coordinator')).toEqual([2024, 2023, 2021]);
    expect(await years('coordinator', { unitId: 'unit-fgw' })).toEqual([2024]);
    // A unit's staff: the years of their own unit only.
    expect(await years('handler-mzj')).toEqual([2023, 2021]);
    expect(await years('handler-fgw')).toEqual([2024]);
  });

  it('is refused to deputies and to another unit’s scope', async () => {
    expect(await office.call('deputy-wang', 'stats.years', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await office.call('handler-mzj', 'stats.years', { unitId: 'unit-fgw' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
