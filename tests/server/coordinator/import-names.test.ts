// suggestions.import never turns a deputy name the roster does not know into a new person on its own:
// it asks, naming the rows and the near names of the roster, and writes only once every such name has
// the coordinator's decision. Names are compared normalised ("王建 华" is 王建华). On both stores.
import type { ImportSuggestionsResult } from '../../../src/contract';
import type { User } from '../../../src/core/model';
import { importedDeputyId } from '../../../src/server/import/import-ids';
import { normaliseName, withinOneEdit } from '../../../src/server/import/deputy-names';
import { csvFile } from './fixture';
import { closeStores, openOfficeOn, STORE_KINDS, type OfficeOn } from './stores';

afterAll(() => closeStores());

const deputy = (id: string, name: string, delegation: string): User => ({ id, name, roles: ['deputy'], delegation, createdAt: '2024-01-01T00:00:00.000Z', version: 1 });
/** Beside fixture.ts's 王建华 (历下区) and 李秀英 (章丘区): four names one character from 李秀珍, and a clerk named 李秀珍. */
const MORE_PEOPLE: User[] = [
  deputy('deputy-li-zhen', '李秀贞', '历下区代表团'),
  deputy('deputy-li-xiu', '李秀', '槐荫区代表团'),
  deputy('deputy-zhang-xz', '张秀珍', '章丘区代表团'),
  deputy('deputy-sun', '孙  兰', '天桥区代表团'),
  { id: 'clerk-li', name: '李秀珍', roles: ['handler'], unitId: 'unit-mzj', createdAt: '2024-01-01T00:00:00.000Z', version: 1 },
];

const row = (number: string, lead: string, coSigners: string, delegation: string) => [
  number, `关于第${number}号事项的建议`, '建议内容。', lead, coSigners, delegation, '十八届三次', '会期', '市民政局', '', '', '2024-03-01', '否',
];
/** 李秀珍 twice (a lead in 章丘区, a co-signer in 历下区), "王建 华" with a space, 李秀英 with a no-break space, 孙兰 (roster "孙  兰"), 钱多多 nobody near. */
const ROWS = [
  row('7001', '李秀珍', '', '章丘区代表团'),
  row('7002', '王建 华', '李\u00a0秀英、孙兰', '历下区代表团'),
  row('7003', '王建华', '李秀珍、钱多多', '历下区代表团'),
  row('7004', '李秀英', '王建华', '章丘区代表团'),
];
const FILE = csvFile(ROWS);
const USE_LI = { name: '李秀珍', userId: 'deputy-li' };
const NEW_QIAN = { name: '钱多多', create: true };

describe.each(STORE_KINDS)('deputy names the roster does not know (%s)', (kind) => {
  let office: OfficeOn;
  beforeEach(async () => {
    office = await openOfficeOn(kind);
    await office.store.transaction(async (tx) => {
      for (const user of MORE_PEOPLE) tx.insert('users', user);
    });
  });
  afterEach(() => office.close());

  const importWith = async (decisions?: unknown[]) => office.call('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', FILE), format: 'csv', ...(decisions ? { decisions } : {}) });

  it('asks, writing nothing, with each unknown name, its rows and up to three near names of the same 代表团 first', async () => {
    const before = office.dump();
    const answer = await importWith();
    expect(answer).toMatchObject({ ok: true });
    const data = (answer as { data: ImportSuggestionsResult }).data;
    expect(data).toEqual({
      created: 0,
      unchanged: 0,
      numbers: [],
      remaining: 4,
      unknownDeputies: [
        {
          name: '李秀珍',
          lines: [2, 4],
          delegations: ['章丘区代表团', '历下区代表团'],
          near: [
            // 章丘区 and 历下区 (the rows' 代表团) first, then the others; never the clerk, who is no deputy.
            { userId: 'deputy-li', name: '李秀英', delegation: '章丘区代表团' },
            { userId: 'deputy-li-zhen', name: '李秀贞', delegation: '历下区代表团' },
            { userId: 'deputy-zhang-xz', name: '张秀珍', delegation: '章丘区代表团' },
          ],
        },
        { name: '钱多多', lines: [4], delegations: ['历下区代表团'], near: [] },
      ],
      renamed: [
        { written: '王建 华', name: '王建华', lines: [3] },
        { written: '李\u00a0秀英', name: '李秀英', lines: [3] },
      ],
    });
    expect(office.dump()).toBe(before);
  });

  it('takes a name as the chosen deputy: his or her suggestion, no new person, the decision audited', async () => {
    const answer = await importWith([USE_LI, NEW_QIAN]);
    expect(answer).toMatchObject({ ok: true, data: { created: 4, remaining: 0, numbers: ['7001', '7002', '7003', '7004'] } });
    expect((answer as { data: ImportSuggestionsResult }).data.unknownDeputies).toBeUndefined();
    const byNumber = new Map((await office.store.find('suggestions')).map((s) => [s.number, s]));
    expect(byNumber.get('7001')).toMatchObject({ leadDeputyId: 'deputy-li', coSignerIds: [] });
    // "王建 华" and "李 秀英" are the roster's 王建华 and 李秀英; 孙兰 is the roster's "孙  兰".
    expect(byNumber.get('7002')).toMatchObject({ leadDeputyId: 'deputy-wang', coSignerIds: ['deputy-li', 'deputy-sun'] });
    expect(byNumber.get('7003')).toMatchObject({ leadDeputyId: 'deputy-wang', coSignerIds: ['deputy-li', importedDeputyId('钱多多', undefined)] });
    const deputies = await office.store.find('users', { where: { roles: 'deputy' } });
    expect(deputies.filter((u) => normaliseName(u.name) === '李秀珍')).toEqual([]);
    expect(deputies.filter((u) => u.name === '王建华' || u.name === '李秀英').map((u) => u.id).sort()).toEqual(['deputy-li', 'deputy-wang']);
    expect(deputies.find((u) => u.name === '钱多多')).toMatchObject({ roles: ['deputy'] });

    const events = await office.store.events({ suggestionId: byNumber.get('7001')!.id });
    expect(events.find((e) => e.entity === 'suggestion')).toMatchObject({ actorId: 'coordinator', detail: { line: 2, decided: [USE_LI] } });
    // The chosen deputy sees it among his or her suggestions.
    const mine = await office.ok<{ items: { number: string }[] }>('deputy-li', 'suggestions.list', {});
    expect(mine.items.map((i) => i.number)).toEqual(expect.arrayContaining(['7001', '7003']));
  });

  it('registers a new deputy only when told to, under the row’s 代表团', async () => {
    await office.ok('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', FILE), format: 'csv', decisions: [{ name: '李秀珍', create: true }, NEW_QIAN] });
    const created = (await office.store.find('users', { where: { roles: 'deputy' } })).filter((u) => u.name === '李秀珍');
    expect(created).toEqual([expect.objectContaining({ id: importedDeputyId('李秀珍', '章丘区代表团'), delegation: '章丘区代表团' })]);
    const events = await office.store.events({ limit: 1000 });
    expect(events.filter((e) => e.entity === 'user' && e.action === 'suggestions.import').map((e) => e.entityId).sort()).toEqual(
      [importedDeputyId('李秀珍', '章丘区代表团'), importedDeputyId('钱多多', undefined)].sort(),
    );
    // 7003's co-signer 李秀珍 is the deputy just registered (the only one of that name), not a second one.
    const s7003 = (await office.store.find('suggestions')).find((s) => s.number === '7003')!;
    expect(s7003.coSignerIds).toContain(importedDeputyId('李秀珍', '章丘区代表团'));
  });

  it('asks only about the names still undecided', async () => {
    const before = office.dump();
    const answer = await importWith([USE_LI]);
    expect(answer).toMatchObject({ ok: true, data: { created: 0, unknownDeputies: [{ name: '钱多多' }] } });
    expect((answer as { data: ImportSuggestionsResult }).data.unknownDeputies).toHaveLength(1);
    expect(office.dump()).toBe(before);
  });

  it('refuses each unsound decision with VALIDATION naming it, and writes nothing', async () => {
    const before = office.dump();
    const cases: [unknown[], RegExp][] = [
      [[{ name: '李秀珍', userId: 'nobody' }, NEW_QIAN], /「李秀珍」选择的代表不存在/],
      [[{ name: '李秀珍', userId: 'clerk-li' }, NEW_QIAN], /「李秀珍」选择的李秀珍不是代表/],
      [[{ name: '李秀珍', userId: 'coordinator' }, NEW_QIAN], /「李秀珍」选择的郑晓燕不是代表/],
      [[USE_LI, NEW_QIAN, { name: '周大年', create: true }], /「周大年」不在本次导入的表格中/],
      [[USE_LI, NEW_QIAN, { name: '李 秀珍', create: true }], /「李秀珍」的选择重复/],
    ];
    for (const [decisions, message] of cases) {
      const response = await importWith(decisions);
      expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(message) } });
      expect((response as { error: { message: string } }).error.message).toMatch(/没有写入任何数据/);
    }
    for (const bad of [[{ name: '李秀珍' }], [{ name: '李秀珍', userId: 'deputy-li', create: true }], [{ name: '李秀珍', create: false }], [{ userId: 'deputy-li' }], 'deputy-li']) {
      expect(await importWith(bad as unknown[])).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    }
    expect(office.dump()).toBe(before);
  });

  it('checks the rows before the decisions: a bad row is reported even with sound decisions', async () => {
    const before = office.dump();
    const fileID = await office.upload('coordinator', csvFile([...ROWS, row('7005', '李秀珍', '', '章丘区代表团').map((c) => (c === '会期' ? '大会以后' : c))]));
    const response = await office.call('coordinator', 'suggestions.import', { fileID, format: 'csv', decisions: [{ name: '周大年', create: true }] });
    expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/第6行.*大会以后/) } });
    expect(office.dump()).toBe(before);
  });

  it('imports the same file again as nothing new, with the decisions or without', async () => {
    await office.ok('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', FILE), format: 'csv', decisions: [USE_LI, NEW_QIAN] });
    const before = office.dump();
    for (const decisions of [[USE_LI, NEW_QIAN], undefined]) {
      const again = await importWith(decisions);
      expect(again).toMatchObject({ ok: true, data: { created: 0, unchanged: 4, numbers: [], remaining: 0 } });
      expect((again as { data: ImportSuggestionsResult }).data.unknownDeputies).toBeUndefined();
    }
    expect(office.dump()).toBe(before);
  });
});

describe('names compared as people type them', () => {
  it('normalises spaces of every width and full-width characters', () => {
    expect(normaliseName(' 王建 华 ')).toBe('王建华');
    expect(normaliseName('王\u3000建\u00a0华\u200b')).toBe('王建华');
    expect(normaliseName('阿依古丽·买买提')).toBe('阿依古丽·买买提');
    expect(normaliseName('ＬＩ　Ｍｉｎｇ２')).toBe('LIMing2');
  });

  it('finds names one character apart: replaced, added or dropped, never two', () => {
    expect(withinOneEdit('李秀珍', '李秀英')).toBe(true);
    expect(withinOneEdit('李秀珍', '张秀珍')).toBe(true);
    expect(withinOneEdit('王建', '王建华')).toBe(true);
    expect(withinOneEdit('王华', '王建华')).toBe(true);
    expect(withinOneEdit('建华', '王建华')).toBe(true);
    expect(withinOneEdit('王建华', '王建华')).toBe(true);
    expect(withinOneEdit('李秀珍', '张秀英')).toBe(false);
    expect(withinOneEdit('王建华', '华建王')).toBe(false);
    expect(withinOneEdit('王', '王建华')).toBe(false);
    expect(withinOneEdit('𠮷田', '吉田')).toBe(true);
  });
});
