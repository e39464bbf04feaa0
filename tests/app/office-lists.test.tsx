import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ApiRequest } from '../../src/core/errors';
import type { LedgerRow, SuggestionListItem, UnitView, UserView } from '../../src/contract';
import { LedgerView } from '../../src/pages/office/ledger';
import { AllSuggestionsView } from '../../src/pages/office/suggestions';
import { HomeView } from '../../src/pages/index';
import { forgetRememberedQueries, listParameters } from '../../src/components/case-filters';
import { installFakeServer, ok, type FakeServer } from './fake-server';
import { choose, tap } from './form-helpers';
import { meResult } from './fixtures';

// The office's two lists: what the person taps becomes the list parameters, page after page; the
// choices survive leaving the page; the ledger exports what is filtered and is a table at desk width.
jest.setTimeout(30_000);

async function typeIntoInput(id: string, value: string): Promise<void> {
  const field = await waitFor(() => {
    const found = document.querySelector(`#${id} input, input#${id}`);
    if (!found) throw new Error(`no input #${id}`);
    return found;
  });
  fireEvent.input(field, { target: { value } });
}

const COORDINATOR = meResult({ id: 'c1', name: '郑晓燕', roles: ['coordinator'], roleLabels: ['建议办理联络员'] }, ['allSuggestions', 'stats', 'ledger', 'import']);
const UNITS: UnitView[] = Array.from({ length: 200 }, (_, i) => ({ id: `u${i}`, name: i === 37 ? '市民政局' : `市第${i}局`, departments: [] }));
const HANDLERS: UserView[] = [
  { id: 'h1', name: '刘洋', roles: ['handler'], roleLabels: ['承办人'], unitId: 'u37', unitName: '市民政局', bound: true, version: 1 },
  { id: 'h2', name: '陈静', roles: ['handler'], roleLabels: ['承办人'], unitId: 'u37', unitName: '市民政局', bound: true, version: 1 },
];

const row = (n: number, extra: Partial<LedgerRow> = {}): LedgerRow => ({
  suggestionId: `s${n}`,
  taskId: `t${n}`,
  number: `${1000 + n}`,
  title: `第${n}件建议`,
  leadDeputyName: '王建华',
  unitName: '市民政局',
  roleLabel: '主办',
  stateLabel: '办理中',
  assignedAt: '2026-03-01T02:00:00.000Z',
  replyDue: '2026-06-01',
  faceToFace: false,
  overdue: false,
  keySupervised: false,
  atRisk: false,
  ...extra,
});

const item = (n: number): SuggestionListItem => ({
  id: `s${n}`,
  number: `${1000 + n}`,
  title: `第${n}件建议`,
  session: '十八届三次',
  status: 'handling',
  statusLabel: '办理中',
  step: '办理中',
  leadDeputyName: '王建华',
  keySupervised: false,
  units: [],
});

/** A list of `total` rows answered page by page from what was asked. */
function paged<T>(total: number, make: (n: number) => T) {
  return (request: ApiRequest) => {
    const { page = 1, pageSize = 20 } = request.data as { page?: number; pageSize?: number };
    const from = (page - 1) * pageSize;
    const items = Array.from({ length: Math.max(0, Math.min(pageSize, total - from)) }, (_, i) => make(from + i + 1));
    return ok({ items, total, page, pageSize });
  };
}

let server: FakeServer;
beforeEach(() => {
  forgetRememberedQueries();
  server = installFakeServer();
  server.on('me', ok(COORDINATOR));
  server.on('units.list', ok({ items: UNITS }));
  server.on('users.list', ok({ items: HANDLERS }));
  server.on('stats.years', ok({ years: [2026, 2024] }));
});

const lastData = (action: string) => server.callsOf(action).at(-1)!.data as Record<string, unknown>;

describe('the filters → the list parameters', () => {
  it('leaves out what is not chosen, trims the search and keeps the default sort implicit', () => {
    expect(listParameters({})).toEqual({});
    expect(listParameters({ keyword: '  公交 ', unitId: '', sort: 'number', order: 'asc', overdue: false, year: 2026 })).toEqual({ keyword: '公交', overdue: false, year: 2026 });
    expect(listParameters({ keyword: '   ', sort: 'replyDue' })).toEqual({ sort: 'replyDue' });
  });

  it('sends each filter of the ledger as its parameter, and starts again at page 1', async () => {
    server.on('ledger.list', paged(45, (n) => row(n)));
    render(<LedgerView />);
    expect(await screen.findByText('共45项，已显示20项')).toBeTruthy();
    tap('加载更多');
    expect(await screen.findByText('共45项，已显示40项')).toBeTruthy();

    choose('ledger-filter-toggle');
    expect(await screen.findByText('先选承办单位，再选该单位的办理责任人')).toBeTruthy();
    // 200 units: a few shown, found by typing part of the name.
    expect(await screen.findByText('共200个单位，请输入名称缩小范围')).toBeTruthy();
    await typeIntoInput('ledger-unit-search', '民政');
    await screen.findByText('共1个单位');
    choose('ledger-unit-u37');
    expect(await screen.findByText('✓ 市民政局')).toBeTruthy();
    await waitFor(() => expect(lastData('ledger.list')).toEqual({ unitId: 'u37', page: 1, pageSize: 20 }));
    // The handlers of the chosen unit become choosable as 办理责任人.
    await waitFor(() => expect(document.getElementById('ledger-responsible-h1')).toBeTruthy());
    expect(document.getElementById('ledger-responsible-hint')).toBeNull();
    expect(server.callsOf('users.list').at(-1)!.data).toEqual({ role: 'handler', unitId: 'u37' });

    choose('ledger-deadline-overdue');
    choose('ledger-state-handling');
    choose('ledger-role-co');
    choose('ledger-class-B');
    choose('ledger-satisfaction-none');
    choose('ledger-phase-recess');
    choose('ledger-key-yes');
    // Only the years with suggestions are offered (no 2025 between them, none before 2024).
    expect(document.getElementById('ledger-year-2025')).toBeNull();
    expect(document.getElementById('ledger-year-2023')).toBeNull();
    choose('ledger-year-2024');
    choose('ledger-responsible-h1');
    choose('ledger-sort-replyDue');
    expect(document.getElementById('ledger-sort-all')).toBeNull();
    await waitFor(() =>
      expect(lastData('ledger.list')).toEqual({
        unitId: 'u37',
        overdue: true,
        state: 'handling',
        role: 'co',
        replyClass: 'B',
        satisfaction: 'none',
        phase: 'recess',
        keySupervised: true,
        year: 2024,
        responsibleUserId: 'h1',
        sort: 'replyDue',
        page: 1,
        pageSize: 20,
      }),
    );
    // 临期 replaces 已超期; 全部 takes a filter away.
    choose('ledger-deadline-atRisk');
    choose('ledger-class-all');
    await waitFor(() => expect(lastData('ledger.list')).toMatchObject({ atRisk: true }));
    expect(lastData('ledger.list')).not.toHaveProperty('overdue');
    expect(lastData('ledger.list')).not.toHaveProperty('replyClass');
    expect(document.getElementById('ledger-filter-words')!.textContent).toContain('市民政局 · 办理中 · 会办 · 临期');

    // Another unit drops the person of the first one.
    choose('ledger-unit-clear');
    await waitFor(() => expect(lastData('ledger.list')).not.toHaveProperty('unitId'));
    expect(lastData('ledger.list')).not.toHaveProperty('responsibleUserId');

    choose('ledger-filter-clear');
    await waitFor(() => expect(lastData('ledger.list')).toEqual({ sort: 'replyDue', page: 1, pageSize: 20 }));
  });

  it('searches, and asks for the next pages with the same filters', async () => {
    server.on('ledger.list', paged(25, (n) => row(n)));
    render(<LedgerView />);
    await screen.findByText('共25项，已显示20项');
    await typeIntoInput('ledger-keyword', ' 1003 ');
    choose('ledger-search');
    await waitFor(() => expect(lastData('ledger.list')).toEqual({ keyword: '1003', page: 1, pageSize: 20 }));
    await screen.findByText('共25项，已显示20项');
    tap('加载更多');
    await screen.findByText('共25项，已显示25项');
    expect(lastData('ledger.list')).toEqual({ keyword: '1003', page: 2, pageSize: 20 });
    expect(screen.getByText('已全部显示')).toBeTruthy();
    choose('ledger-search-clear');
    await waitFor(() => expect(lastData('ledger.list')).toEqual({ page: 1, pageSize: 20 }));
  });

  it('offers no unit to a unit’s staff, and their own unit’s handlers', async () => {
    server.on('me', ok(meResult({ id: 'l1', name: '孙丽', roles: ['leader'], roleLabels: ['单位负责人'], unitName: '市民政局' }, ['ledger'])));
    server.on('ledger.list', paged(3, (n) => row(n)));
    render(<LedgerView />);
    await screen.findByText('共3项，已显示3项');
    choose('ledger-filter-toggle');
    await waitFor(() => expect(document.getElementById('ledger-responsible-h2')).toBeTruthy());
    expect(document.getElementById('ledger-unit')).toBeNull();
    expect(server.callsOf('units.list')).toEqual([]);
    expect(server.callsOf('users.list').at(-1)!.data).toEqual({ role: 'handler' });
    choose('ledger-responsible-h2');
    await waitFor(() => expect(lastData('ledger.list')).toEqual({ responsibleUserId: 'h2', page: 1, pageSize: 20 }));
    expect(screen.getByText('已选：责任人陈静')).toBeTruthy();
  });

  it('says when nothing matches', async () => {
    server.on('ledger.list', (request) => {
      const { page = 1, pageSize = 20, overdue } = request.data as { page?: number; pageSize?: number; overdue?: boolean };
      return overdue ? ok({ items: [], total: 0, page, pageSize }) : paged(3, (n) => row(n))(request);
    });
    render(<LedgerView />);
    await screen.findByText('共3项，已显示3项');
    choose('ledger-filter-toggle');
    choose('ledger-deadline-overdue');
    expect(await screen.findByText('没有符合条件的办理任务')).toBeTruthy();
  });
});

describe('全部建议', () => {
  it('counts, pages, filters and sorts through suggestions.list', async () => {
    server.on('suggestions.list', paged(43, item));
    render(<AllSuggestionsView />);
    expect(await screen.findByText('共43件，已显示20件')).toBeTruthy();
    tap('加载更多');
    await screen.findByText('共43件，已显示40件');
    tap('加载更多');
    await screen.findByText('共43件，已显示43件');
    expect(screen.getByText('第43件建议')).toBeTruthy();
    expect(server.callsOf('suggestions.list').map((c) => c.data)).toEqual([
      { page: 1, pageSize: 20 },
      { page: 2, pageSize: 20 },
      { page: 3, pageSize: 20 },
    ]);

    choose('suggestions-filter-toggle');
    choose('suggestions-status-replied');
    choose('suggestions-deadline-notOverdue');
    choose('suggestions-key-no');
    choose('suggestions-satisfaction-unsatisfied');
    choose('suggestions-sort-assignedAt');
    // A list of suggestions offers no task-only filter.
    expect(document.getElementById('suggestions-state')).toBeNull();
    await waitFor(() =>
      expect(lastData('suggestions.list')).toEqual({ status: 'replied', overdue: false, keySupervised: false, satisfaction: 'unsatisfied', sort: 'assignedAt', page: 1, pageSize: 20 }),
    );
    expect(await screen.findByText('共43件，已显示20件')).toBeTruthy();
  });

  it('keeps the search and filters when the person opens a suggestion and comes back', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    server.on('suggestions.list', paged(30, item));
    const first = render(<AllSuggestionsView />);
    await screen.findByText('共30件，已显示20件');
    await typeIntoInput('suggestions-keyword', '养老');
    choose('suggestions-search');
    choose('suggestions-filter-toggle');
    choose('suggestions-phase-session');
    await waitFor(() => expect(lastData('suggestions.list')).toEqual({ keyword: '养老', phase: 'session', page: 1, pageSize: 20 }));
    fireEvent.click(await screen.findByText('第2件建议'));
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/work/detail/index?id=s2' });
    first.unmount();

    render(<AllSuggestionsView />);
    await screen.findByText('共30件，已显示20件');
    expect(lastData('suggestions.list')).toEqual({ keyword: '养老', phase: 'session', page: 1, pageSize: 20 });
    expect(screen.getByText('已选：会期')).toBeTruthy();
    expect(screen.getByText('搜索：“养老”')).toBeTruthy();
    navigate.mockRestore();
  });

  it('is reached from the coordinator’s home, which shows the nearest few and the count', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    server.on('suggestions.list', paged(230, item));
    render(<HomeView />);
    expect(await screen.findByText('共230件，期限最近的5件：')).toBeTruthy();
    expect(document.querySelectorAll('#office-home .suggestion-item')).toHaveLength(5);
    expect(server.callsOf('suggestions.list')[0]!.data).toEqual({ pageSize: 5, sort: 'replyDue' });
    fireEvent.click(screen.getByText('查看全部230件（搜索、筛选）'));
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/office/suggestions/index' });
    navigate.mockRestore();
  });
});

describe('the ledger’s export and its desk-width table', () => {
  it('exports every row of the filters in force (no page) and downloads it under its Chinese name', async () => {
    server.on('ledger.list', paged(3, (n) => row(n)));
    const link = '/files/exports/0123/ledger.xlsx?exp=1&sig=abc';
    server.on('ledger.export', ok({ fileName: '建议办理台账-2026-11-27.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', url: link, expiresAt: '2026-11-27T02:10:00.000Z' }));
    const clicked: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    render(<LedgerView />);
    await screen.findByText('共3项，已显示3项');
    choose('ledger-filter-toggle');
    choose('ledger-deadline-overdue');
    await waitFor(() => expect(lastData('ledger.list')).toEqual({ overdue: true, page: 1, pageSize: 20 }));
    await screen.findByText('导出Excel（3项）');
    choose('ledger-export-btn');
    expect(await screen.findByText('已下载：建议办理台账-2026-11-27.xlsx')).toBeTruthy();
    expect(server.callsOf('ledger.export').map((c) => c.data)).toEqual([{ overdue: true, format: 'xlsx' }]);
    // The file is downloaded from the link the server made, under its Chinese name.
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('建议办理台账-2026-11-27.xlsx');
    expect(clicked[0]!.getAttribute('href')).toBe(link);
    click.mockRestore();
  });

  it('in WeChat downloads the workbook from its link and sends it to a chat on 发送到聊天 (WeChat allows that only in a tap)', async () => {
    server.on('ledger.list', paged(3, (n) => row(n)));
    const link = 'https://7465-env.tcb.qcloud.la/jianyitong/exports/0123/ledger.xlsx?sign=abc&t=1';
    server.on('ledger.export', ok({ fileName: '建议办理台账-2026-11-27.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', url: link, expiresAt: '2026-11-27T02:10:00.000Z' }));
    const taro = Taro as unknown as Record<string, unknown>;
    const before = { env: taro.env, downloadFile: taro.downloadFile, shareFileMessage: taro.shareFileMessage, canIUse: taro.canIUse };
    const downloadFile = jest.fn(async (o: { filePath: string }) => ({ statusCode: 200, filePath: o.filePath, errMsg: 'downloadFile:ok' }));
    const shareFileMessage = jest.fn().mockResolvedValue({ errMsg: 'shareFileMessage:ok' });
    Object.assign(taro, { env: { USER_DATA_PATH: 'wxfile://usr' }, downloadFile, shareFileMessage, canIUse: () => true });
    process.env.TARO_ENV = 'weapp';
    try {
      render(<LedgerView />);
      await screen.findByText('共3项，已显示3项');
      choose('ledger-export-btn');
      expect(await screen.findByText('已生成：建议办理台账-2026-11-27.xlsx')).toBeTruthy();
      expect(downloadFile).toHaveBeenCalledWith({ url: link, filePath: 'wxfile://usr/建议办理台账-2026-11-27.xlsx' });
      expect(shareFileMessage).not.toHaveBeenCalled();
      choose('ledger-export-send');
      await waitFor(() => expect(shareFileMessage).toHaveBeenCalledWith({ filePath: 'wxfile://usr/建议办理台账-2026-11-27.xlsx', fileName: '建议办理台账-2026-11-27.xlsx' }));
    } finally {
      process.env.TARO_ENV = 'h5';
      Object.assign(taro, before);
    }
  });

  it('is a table with one row per task in a browser at least 1024 px wide', async () => {
    const matchMedia = jest.fn((query: string) => ({ matches: query === '(min-width: 1024px)', addEventListener: jest.fn(), removeEventListener: jest.fn() }));
    Object.assign(window, { matchMedia });
    try {
      server.on('ledger.list', paged(2, (n) => row(n, n === 2 ? { replyClass: 'A', attitudeLabel: '满意', resultLabel: '基本满意', dueDate: '2026-12-20', dueLabel: '答复期限', overdue: true } : {})));
      render(<LedgerView />);
      await screen.findByText('共2项，已显示2项，其中已超期1项');
      const table = document.getElementById('ledger-table')!;
      expect(document.getElementById('ledger')).toBeNull();
      const head = Array.from(table.querySelectorAll('.data-head .data-cell')).map((c) => c.textContent);
      expect(head).toEqual(['建议号', '标题', '承办单位', '办理方式', '状态', '期限', '答复类别', '满意度']);
      const cells = Array.from(document.getElementById('ledger-table-t2')!.querySelectorAll(':scope > .data-cell')).map((c) => c.textContent);
      expect(cells).toEqual(['1002', '第2件建议领衔代表：王建华', '市民政局', '主办', '办理中', '答复期限：2026-12-20（已超期）', 'A类', '态度满意、结果基本满意']);
      expect(table.querySelectorAll('.ledger-table-row')).toHaveLength(2);
    } finally {
      Object.assign(window, { matchMedia: undefined });
    }
  });
});
