import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ImportView } from '../../src/pages/office/import';
import { fail, installFakeServer, ok, type FakeServer } from './fake-server';
import { choose, tap } from './form-helpers';

let server: FakeServer;
beforeEach(() => {
  server = installFakeServer();
});

const csv = 'uploads/0123456789abcdef0123456789abcdef/list.csv'; // the fileID the picker's upload answered

describe('importing the 交办清单', () => {
  it('sends the picked file with its format and reports what was imported', async () => {
    server.on('suggestions.import', ok({ created: 2, unchanged: 1, numbers: ['3001', '3002', '3003'], remaining: 0 }));
    render(<ImportView pick={async () => ({ name: '2026交办清单.CSV', fileID: csv })} />);
    tap('选择文件并导入');
    expect(await screen.findByText('新导入2件，已导入过（未变）1件：3001、3002、3003号')).toBeTruthy();
    expect(server.callsOf('suggestions.import')[0]!.data).toEqual({ fileID: csv, format: 'csv' });
  });

  it('calls again with the same file while rows remain, and reports the whole import', async () => {
    const answers = [
      ok({ created: 50, unchanged: 3, numbers: ['4001', '4002'], remaining: 70 }),
      ok({ created: 50, unchanged: 53, numbers: ['4051'], remaining: 20 }),
      ok({ created: 20, unchanged: 103, numbers: ['4101'], remaining: 0 }),
    ];
    server.on('suggestions.import', () => answers.shift()!);
    render(<ImportView pick={async () => ({ name: 'list.csv', fileID: csv })} />);
    tap('选择文件并导入');
    expect(await screen.findByText('新导入120件，已导入过（未变）3件：4001、4002、4051、4101号')).toBeTruthy();
    const calls = server.callsOf('suggestions.import');
    expect(calls.map((c) => c.data)).toEqual([0, 1, 2].map(() => ({ fileID: csv, format: 'csv' })));
    // Each step is its own request: a step's requestId is never reused for the next one.
    expect(new Set(calls.map((c) => c.requestId)).size).toBe(3);
  });

  it('shows every bad row the server lists, and imports nothing', async () => {
    server.on('suggestions.import', fail('VALIDATION', '第3行：「提出阶段」应为“会期”或“闭会期间”，而不是“大会以后”；第5行：「交办日期」应为有效日期（如2026-03-01）'));
    render(<ImportView pick={async () => ({ name: 'list.xlsx', fileID: 'uploads/x/list.xlsx' })} />);
    tap('选择文件并导入');
    expect(await screen.findByText(/第3行.*第5行/)).toBeTruthy();
    expect(server.callsOf('suggestions.import')[0]!.data).toEqual({ fileID: 'uploads/x/list.xlsx', format: 'xlsx' });
    expect(screen.queryByText(/新导入/)).toBeNull();
  });

  it('refuses a file of another kind without calling the server, and does nothing when the picker is closed', async () => {
    let picked: { name: string; fileID: string } | null = { name: '清单.docx', fileID: 'uploads/x/a.docx' };
    render(<ImportView pick={async () => picked} />);
    tap('选择文件并导入');
    expect(await screen.findByText('请选择 .xlsx 或 .csv 格式的交办清单')).toBeTruthy();
    picked = null;
    tap('选择文件并导入');
    await waitFor(() => expect(screen.queryByText('请选择 .xlsx 或 .csv 格式的交办清单')).toBeNull());
    expect(server.callsOf('suggestions.import')).toHaveLength(0);
  });

  it('says so when the file cannot be read', async () => {
    render(<ImportView pick={async () => Promise.reject(new Error('denied'))} />);
    tap('选择文件并导入');
    expect(await screen.findByText('未能读取文件，请重新选择')).toBeTruthy();
  });
});

describe('a deputy name the roster does not have', () => {
  const asked = ok({
    created: 0,
    unchanged: 0,
    numbers: [],
    remaining: 3,
    unknownDeputies: [
      {
        name: '李秀珍',
        lines: [2, 4],
        delegations: ['章丘区代表团'],
        near: [
          { userId: 'user-deputy-li', name: '李秀英', delegation: '章丘区代表团' },
          { userId: 'user-deputy-x', name: '李秀贞', delegation: '历下区代表团' },
        ],
      },
      { name: '钱多多', lines: [3], delegations: ['历下区代表团'], near: [] },
    ],
    renamed: [{ written: '王建 华', name: '王建华', lines: [3] }],
  });
  const modal = () => Taro.showModal as unknown as jest.Mock;
  /** The text of an element as read (the zero-width break opportunities between phrases left out). */
  const shown = (id: string) => document.getElementById(id)!.textContent!.replace(/\u200b/g, '');

  it('asks per name with the near names and 新建, requires every choice, confirms, then imports with the decisions in every step', async () => {
    const answers = [asked, ok({ created: 2, unchanged: 0, numbers: ['7001', '7002'], remaining: 1 }), ok({ created: 1, unchanged: 2, numbers: ['7003'], remaining: 0 })];
    server.on('suggestions.import', () => answers.shift()!);
    render(<ImportView pick={async () => ({ name: 'list.csv', fileID: csv })} />);
    tap('选择文件并导入');
    expect(await screen.findByText('表格中的「李秀珍」在名册中找不到')).toBeTruthy();
    expect(screen.getByText('表格中的「钱多多」在名册中找不到')).toBeTruthy();
    expect(screen.getByText(/表格中的「王建 华」按「王建华」导入（第3行）/)).toBeTruthy();
    expect(shown('import-unknown-0')).toMatch(/第2、4行 · 章丘区代表团/);
    expect(shown('import-choice-0-user-deputy-li')).toBe('李秀英 · 章丘区代表团');
    expect(shown('import-choice-0-user-deputy-x')).toBe('李秀贞 · 历下区代表团');
    expect(shown('import-choice-0-new')).toBe('新建代表「李秀珍」');
    expect(shown('import-unknown-1')).toMatch(/名册中没有相近的姓名/);
    expect(screen.queryByText('选择文件并导入')).toBeNull();

    // Nothing goes without a choice for every name.
    choose('import-choice-0-user-deputy-li');
    tap('按以上选择导入');
    expect(await screen.findByText('请先为每个姓名作出选择：「钱多多」还没有选择')).toBeTruthy();
    expect(server.callsOf('suggestions.import')).toHaveLength(1);
    expect(modal()).not.toHaveBeenCalled();

    choose('import-choice-1-new');
    expect(shown('import-choice-0-user-deputy-li')).toBe('✓ 李秀英 · 章丘区代表团');
    tap('按以上选择导入');
    expect(await screen.findByText('新导入3件，已导入过（未变）0件：7001、7002、7003号')).toBeTruthy();
    expect(modal().mock.calls[0][0]).toMatchObject({
      title: '确认导入？',
      confirmText: '确认导入',
      content: '将导入3件建议并交办给承办单位。「李秀珍」记为李秀英（章丘区代表团）；新建代表「钱多多」。导入后不能撤回。',
    });
    const decisions = [{ name: '李秀珍', userId: 'user-deputy-li' }, { name: '钱多多', create: true }];
    expect(server.callsOf('suggestions.import').map((c) => c.data)).toEqual([
      { fileID: csv, format: 'csv' },
      { fileID: csv, format: 'csv', decisions },
      { fileID: csv, format: 'csv', decisions },
    ]);
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '导入完成' })));
  });

  it('imports nothing when the confirmation is cancelled, and shows a refused decision\'s message', async () => {
    const answers = [asked, fail('VALIDATION', '导入未完成，本次没有写入任何数据。为「李秀珍」选择的代表不存在')];
    server.on('suggestions.import', () => answers.shift()!);
    render(<ImportView pick={async () => ({ name: 'list.csv', fileID: csv })} />);
    tap('选择文件并导入');
    await screen.findByText('表格中的「李秀珍」在名册中找不到');
    choose('import-choice-0-user-deputy-x');
    choose('import-choice-1-new');
    modal().mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    tap('按以上选择导入');
    await waitFor(() => expect(modal()).toHaveBeenCalledTimes(1));
    expect(server.callsOf('suggestions.import')).toHaveLength(1);
    tap('按以上选择导入');
    expect(await screen.findByText(/为「李秀珍」选择的代表不存在/)).toBeTruthy();
    expect(server.callsOf('suggestions.import')[1]!.data).toMatchObject({ decisions: [{ name: '李秀珍', userId: 'user-deputy-x' }, { name: '钱多多', create: true }] });
    expect(screen.queryByText(/新导入/)).toBeNull();
    // The question stays, with the choices made, for another try.
    expect(shown('import-choice-0-user-deputy-x')).toBe('✓ 李秀贞 · 历下区代表团');
  });

  it('marks every name without a near name as 新建 in one tap, leaving the others to choose', async () => {
    const unknown = (name: string, near: { userId: string; name: string; delegation: string }[] = []) => ({ name, lines: [2], delegations: ['历下区代表团'], near });
    server.on(
      'suggestions.import',
      ok({ created: 0, unchanged: 0, numbers: [], remaining: 3, unknownDeputies: [unknown('李秀珍', [{ userId: 'u-li', name: '李秀英', delegation: '章丘区代表团' }]), unknown('钱多多'), unknown('孙小米')] }),
    );
    render(<ImportView pick={async () => ({ name: 'list.csv', fileID: csv })} />);
    tap('选择文件并导入');
    await screen.findByText('表格中的「孙小米」在名册中找不到');
    tap('没有相近姓名的2人，全部选“新建代表”');
    expect(shown('import-choice-1-new')).toBe('✓ 新建代表「钱多多」');
    expect(shown('import-choice-2-new')).toBe('✓ 新建代表「孙小米」');
    expect(shown('import-choice-0-new')).toBe('新建代表「李秀珍」');
    tap('按以上选择导入');
    expect(await screen.findByText('请先为每个姓名作出选择：「李秀珍」还没有选择')).toBeTruthy();
    expect(server.callsOf('suggestions.import')).toHaveLength(1);
  });
});

describe('a unit name the roster does not have', () => {
  const shown = (id: string) => document.getElementById(id)!.textContent!.replace(/\u200b/g, '');
  it('asks per unit with the near units and 新建单位, together with the deputies, and imports with both decisions in every step', async () => {
    const asked = ok({
      created: 0,
      unchanged: 0,
      numbers: [],
      remaining: 2,
      unknownUnits: [
        { name: '市发改委', lines: [2], near: [{ unitId: 'unit-fgw', name: '市发展改革委' }] },
        { name: '市新区管委会', lines: [3], near: [] },
      ],
      unknownDeputies: [{ name: '钱多多', lines: [3], delegations: ['历下区代表团'], near: [] }],
    });
    const answers = [asked, ok({ created: 1, unchanged: 0, numbers: ['7001'], remaining: 1 }), ok({ created: 1, unchanged: 1, numbers: ['7002'], remaining: 0 })];
    server.on('suggestions.import', () => answers.shift()!);
    render(<ImportView pick={async () => ({ name: 'list.csv', fileID: csv })} />);
    tap('选择文件并导入');
    expect(await screen.findByText('表格中的单位「市发改委」在名册中找不到')).toBeTruthy();
    expect(shown('import-question')).toMatch(/2个单位和1个代表姓名在名册中找不到/);
    expect(shown('import-unit-choice-0-unit-fgw')).toBe('市发展改革委');
    expect(shown('import-unit-choice-1-new')).toBe('新建单位「市新区管委会」');
    expect(shown('import-unit-1')).toMatch(/第3行.*名册中没有相近的单位/);
    choose('import-unit-choice-0-unit-fgw');
    choose('import-choice-0-new');
    tap('按以上选择导入');
    expect(await screen.findByText('请先为每个单位和姓名作出选择：「市新区管委会」还没有选择')).toBeTruthy();
    choose('import-unit-choice-1-new');
    tap('按以上选择导入');
    expect(await screen.findByText('新导入2件，已导入过（未变）0件：7001、7002号')).toBeTruthy();
    expect((Taro.showModal as unknown as jest.Mock).mock.calls[0][0]).toMatchObject({
      content: '将导入2件建议并交办给承办单位。「市发改委」记为市发展改革委；新建单位「市新区管委会」；新建代表「钱多多」。导入后不能撤回。',
    });
    const decided = { decisions: [{ name: '钱多多', create: true }], unitDecisions: [{ name: '市发改委', unitId: 'unit-fgw' }, { name: '市新区管委会', create: true }] };
    expect(server.callsOf('suggestions.import').map((c) => c.data)).toEqual([
      { fileID: csv, format: 'csv' },
      { fileID: csv, format: 'csv', ...decided },
      { fileID: csv, format: 'csv', ...decided },
    ]);
  });
});
