// The public view (no login): only what the office disclosed, never a phone number or an unpublished part.
import type { PublicListResult, PublicSuggestionDetail, SuggestionVersionResult } from '../../../src/contract';
import { openOffice, USERS, type Office } from './fixture';
import { importRows, replyAndRate, soleRow } from './lifecycle';

const PHONE = /1[3-9]\d{9}|0\d{2,3}-\d{7,8}/;

/** The ways people write a phone number or 身份证号 into a suggestion, a reply or a summary. */
const WRITTEN_NUMBERS = [
  '13800138000',
  '138-0013-8000',
  '138 0013 8000',
  '+86 138 0013 8000',
  '１３８００１３８０００',
  '0531 8600 0001',
  '0531-86000001',
  '370102198001011234',
];
/** Whatever digits remain once separators and full-width forms are read as the digits they are. */
const digitsOf = (text: string) => text.normalize('NFKC').replace(/[\s+\-()]/g, '');

function withContent(row: string[], content: string): string[] {
  return row.map((cell, i) => (i === 2 ? content : cell));
}

describe('the public view of disclosed suggestions', () => {
  let office: Office;
  let ids: Map<string, { suggestionId: string; taskIds: string[] }>;
  const disclose = async (number: string, decision: object) => {
    const id = ids.get(number)!.suggestionId;
    const version = (await office.store.get('suggestions', id))!.version;
    return office.ok<SuggestionVersionResult>('coordinator', 'suggestions.disclose', { suggestionId: id, version, ...decision });
  };

  beforeAll(async () => {
    office = await openOffice();
    ids = await importRows(office, [
      soleRow('4001', '关于社区食堂的建议'),
      soleRow('4002', '关于适老化改造的建议'),
      soleRow('4003', '关于养老机构监管的建议'),
      soleRow('4004', '关于老年助餐的建议'),
      withContent(soleRow('4005', '关于老旧小区加装电梯的建议（联系人138 0013 8000）'), WRITTEN_NUMBERS.join('；')),
      soleRow('4006', '关于社区医院的建议'),
    ]);
    for (const number of ['4001', '4002', '4003', '4006']) await replyAndRate(office, ids.get(number)!.taskIds[0]!);
    await replyAndRate(office, ids.get('4005')!.taskIds[0]!, { text: `现答复如下：已开工。联系电话${WRITTEN_NUMBERS.join('，')}` });
    const full = await disclose('4001', { mode: 'full' });
    await office.ok('coordinator', 'suggestions.archive', { suggestionId: ids.get('4001')!.suggestionId, version: full.version });
    await disclose('4002', { mode: 'summary', summary: '建议推进老旧小区适老化改造，已列入计划。', reason: '个人信息' });
    await disclose('4003', { mode: 'none', reason: '商业秘密' });
    await disclose('4005', { mode: 'full' });
    await disclose('4006', { mode: 'summary', summary: `已列入计划，咨询电话${WRITTEN_NUMBERS.join('、')}`, reason: '个人信息' });
  });
  afterAll(() => office.store.close());

  it('lists what was disclosed in full or as a summary, archived or not, without login', async () => {
    const list = await office.ok<PublicListResult>(undefined, 'public.list', {});
    expect(list.items.map((i) => i.number)).toEqual(['4001', '4002', '4005', '4006']);
    expect(list.items[0]).toMatchObject({ title: '关于社区食堂的建议', leadDeputyName: '王建华', session: '十八届三次' });
    expect(await office.ok<PublicListResult>('deputy-wang', 'public.list', {})).toEqual(list);
    expect((await office.ok<PublicListResult>(undefined, 'public.list', { keyword: '适老化' })).items.map((i) => i.number)).toEqual(['4002']);
  });

  it('filters by year and by unit, and names the years and units there are to choose from', async () => {
    const all = await office.ok<PublicListResult>(undefined, 'public.list', {});
    const year = all.items[0]!.year;
    expect(all.years).toEqual([year]);
    expect(all.items[0]!.unitNames).toEqual(['市民政局']);
    expect(all.units.map((u) => u.name)).toEqual(['市民政局']);
    const unitId = all.units[0]!.id;
    const both = await office.ok<PublicListResult>(undefined, 'public.list', { year, unitId, pageSize: 100 });
    expect(both.total).toBe(all.total);
    expect(both.items.every((i) => i.year === year && i.unitNames.includes('市民政局'))).toBe(true);
    expect((await office.ok<PublicListResult>(undefined, 'public.list', { year: year - 1 })).items).toEqual([]);
    expect((await office.ok<PublicListResult>(undefined, 'public.list', { unitId: 'unit-none' })).total).toBe(0);
    expect(await office.call(undefined, 'public.list', { year: '2026' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('shows a full disclosure with its signed reply and ratings, but no contact person', async () => {
    const detail = await office.ok<PublicSuggestionDetail>(undefined, 'public.get', { id: ids.get('4001')!.suggestionId });
    expect(detail).toMatchObject({ disclosureMode: 'full', content: '关于社区食堂的建议：建议完善社区服务设施。', delegation: '历下区代表团' });
    expect(detail.replies).toEqual([expect.objectContaining({ unitName: '市民政局', class: 'A', round: 1 })]);
    expect(detail.replies[0]!.text).toContain('现答复如下');
    expect(detail.feedback).toEqual([{ round: 1, attitudeLabel: '满意', resultLabel: '满意' }]);
    expect(JSON.stringify(detail)).not.toMatch(/冯刚|孙丽/);
  });

  it('shows only the summary of a summary disclosure', async () => {
    const detail = await office.ok<PublicSuggestionDetail>(undefined, 'public.get', { id: ids.get('4002')!.suggestionId });
    expect(detail.content).toBe('建议推进老旧小区适老化改造，已列入计划。');
    expect(JSON.stringify(detail)).not.toContain('建议完善社区服务设施');
    expect(JSON.stringify(detail)).not.toContain('现答复如下');
  });

  it('does not show what was not disclosed, nor what is still being handled', async () => {
    for (const number of ['4003', '4004']) {
      expect(await office.call(undefined, 'public.get', { id: ids.get(number)!.suggestionId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await office.call(undefined, 'public.get', { id: 'no-such' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await office.call(undefined, 'public.get', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('never contains a phone number', async () => {
    const phones = USERS.map((u) => u.phone).filter((p): p is string => !!p);
    const answers = [
      await office.call(undefined, 'public.list', { pageSize: 100 }),
      ...(await Promise.all([...ids.values()].map(({ suggestionId }) => office.call(undefined, 'public.get', { id: suggestionId })))),
    ];
    // Record ids are random hex and may hold a run of digits that looks like a phone: leave them out.
    const text = JSON.stringify(answers, (key, value: unknown) => (key === 'id' ? '' : value));
    for (const phone of phones) expect(text).not.toContain(phone);
    expect(text).not.toMatch(PHONE);
  });

  it('masks phone numbers and 身份证号 however written, in the title, content, reply and summary', async () => {
    const full = await office.ok<PublicSuggestionDetail>(undefined, 'public.get', { id: ids.get('4005')!.suggestionId });
    const summary = await office.ok<PublicSuggestionDetail>(undefined, 'public.get', { id: ids.get('4006')!.suggestionId });
    const list = await office.ok<PublicListResult>(undefined, 'public.list', { pageSize: 100 });
    expect(full.title).toBe('关于老旧小区加装电梯的建议（联系人*** **** ****）');
    expect(list.items.find((i) => i.number === '4005')!.title).toBe(full.title);
    const texts = { title: full.title, content: full.content, reply: full.replies[0]!.text, summary: summary.content };
    for (const [where, text] of Object.entries(texts)) {
      for (const written of WRITTEN_NUMBERS) {
        expect([where, digitsOf(text)]).not.toEqual([where, expect.stringContaining(digitsOf(written).slice(0, 11))]);
      }
    }
    expect(full.content.split('；')).toEqual(['***********', '***-****-****', '*** **** ****', '+** *** **** ****', '***********', '**** **** ****', '****-********', '******************']);
    // A number cannot be found by searching for it.
    expect((await office.ok<PublicListResult>(undefined, 'public.list', { keyword: '138 0013' })).items).toEqual([]);
  });

  it('changes nothing when read', async () => {
    const before = office.store.dump();
    await office.call(undefined, 'public.list', {});
    await office.call(undefined, 'public.get', { id: ids.get('4001')!.suggestionId });
    expect(office.store.dump()).toBe(before);
  });
});
