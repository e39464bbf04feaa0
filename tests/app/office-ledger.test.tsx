import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { LedgerRow } from '../../src/contract';
import { LedgerView } from '../../src/pages/office/ledger';
import { HomeView } from '../../src/pages/index';
import { fail, installFakeServer, ok, type FakeServer } from './fake-server';
import { tap } from './form-helpers';
import { meResult } from './fixtures';

let server: FakeServer;
beforeEach(() => {
  server = installFakeServer();
});

const row = (n: number, extra: Partial<LedgerRow> = {}): LedgerRow => ({
  suggestionId: `s${n}`,
  taskId: `t${n}`,
  number: `${1000 + n}`,
  title: `第${n}件建议`,
  leadDeputyName: '王建华',
  unitName: '市发展改革委',
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

describe('the ledger (台账)', () => {
  it('names the deadline in force by its kind, and calls only that one overdue', async () => {
    // A 会办 task past its 会办意见期限 while the reply is due next year: never "答复期限：2027-01-23（已超期）".
    server.on('ledger.list', ok({ items: [row(7, { roleLabel: '会办', replyDue: '2027-01-23', dueDate: '2026-11-01', dueLabel: '会办意见期限', overdue: true }), row(8, { dueDate: '2026-12-20', dueLabel: '答复期限', daysLeftText: '剩余 19 天' })], total: 2, page: 1, pageSize: 20 }));
    render(<LedgerView />);
    expect(await screen.findByText('共2项，已显示2项，其中已超期1项')).toBeTruthy();
    const co = document.getElementById('ledger-t7')!.textContent!;
    expect(co).toContain('会办意见期限：2026-11-01（已超期）');
    expect(co).not.toContain('2027-01-23（已超期）');
    expect(document.getElementById('ledger-t8')!.textContent).toContain('答复期限：2026-12-20（剩余 19 天）');
  });

  it('shows each task with its facts in words, and marks the overdue ones', async () => {
    const held = server.hold('ledger.list');
    server.on('ledger.list', ok({ items: [row(1, { overdue: true, dueDate: '2026-06-01', dueLabel: '答复期限' }), row(2, { responsibleName: '刘洋', faceToFace: true, replyClass: 'A', repliedAt: '2026-05-20T02:00:00.000Z', attitudeLabel: '满意', resultLabel: '基本满意' })], total: 2, page: 1, pageSize: 20 }));
    render(<LedgerView />);
    expect(screen.getByText('正在加载…')).toBeTruthy();
    held.release();
    expect(await screen.findByText('共2项，已显示2项，其中已超期1项')).toBeTruthy();
    expect(document.getElementById('ledger-t1')!.textContent).toContain('尚未认领');
    expect(document.getElementById('ledger-t1')!.textContent).toContain('（已超期）');
    const second = document.getElementById('ledger-t2')!.textContent!;
    expect(second).toContain('办理责任人：刘洋');
    expect(second).toContain('答复：2026-05-20 · A类');
    // A date never breaks inside itself on a narrow card.
    expect(document.querySelector('#ledger-t2 .ledger-replied')!.className).toContain('nowrap');
    expect(document.querySelector('#ledger-t2 .ledger-replied')!.textContent).toBe('2026-05-20');
    expect(second).toContain('面复：已面复 · 评价：态度满意、结果基本满意');
    expect(second).not.toContain('已超期');
    expect(screen.queryByText('加载更多')).toBeNull();
    expect(screen.getByText('已全部显示')).toBeTruthy();
  });

  it('loads the next page below the rows already shown, until all are shown', async () => {
    server.on('ledger.list', (request) => {
      const { page } = request.data as { page: number };
      const items = page < 3 ? [row(page * 10), row(page * 10 + 1)] : [row(30)];
      return ok({ items, total: 5, page, pageSize: 20 });
    });
    render(<LedgerView />);
    expect(await screen.findByText('共5项，已显示2项')).toBeTruthy();
    tap('加载更多');
    expect(await screen.findByText('共5项，已显示4项')).toBeTruthy();
    expect(screen.getByText('第10件建议')).toBeTruthy();
    expect(screen.getByText('第21件建议')).toBeTruthy();
    tap('加载更多');
    expect(await screen.findByText('共5项，已显示5项')).toBeTruthy();
    expect(screen.queryByText('加载更多')).toBeNull();
    expect(server.callsOf('ledger.list').map((c) => c.data)).toEqual([
      { page: 1, pageSize: 20 },
      { page: 2, pageSize: 20 },
      { page: 3, pageSize: 20 },
    ]);
  });

  it('keeps the rows shown when a further page fails, and 重试 asks for that page again', async () => {
    let failNext = true;
    server.on('ledger.list', (request) => {
      const { page } = request.data as { page: number };
      if (page === 2 && failNext) {
        failNext = false;
        return fail('INTERNAL', '网络不稳定，请稍后重试');
      }
      return ok({ items: [row(page)], total: 2, page, pageSize: 20 });
    });
    render(<LedgerView />);
    await screen.findByText('共2项，已显示1项');
    tap('加载更多');
    expect(await screen.findByText('网络不稳定，请稍后重试')).toBeTruthy();
    expect(screen.getByText('第1件建议')).toBeTruthy();
    tap('重试');
    expect(await screen.findByText('共2项，已显示2项')).toBeTruthy();
    expect(screen.queryByText('网络不稳定，请稍后重试')).toBeNull();
    expect(server.callsOf('ledger.list').map((c) => (c.data as { page: number }).page)).toEqual([1, 2, 2]);
  });

  it('says so when empty, shows the server message on error, and opens a row’s suggestion', async () => {
    server.on('ledger.list', ok({ items: [], total: 0, page: 1, pageSize: 20 }));
    const { unmount } = render(<LedgerView />);
    expect(await screen.findByText('台账中还没有办理任务')).toBeTruthy();
    unmount();
    server.on('ledger.list', fail('FORBIDDEN', '只有办理人员可以查看台账和统计'));
    const second = render(<LedgerView />);
    expect(await screen.findByText('只有办理人员可以查看台账和统计')).toBeTruthy();
    second.unmount();
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    server.on('ledger.list', ok({ items: [row(7)], total: 1, page: 1, pageSize: 20 }));
    render(<LedgerView />);
    fireEvent.click(await screen.findByText('第7件建议'));
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/work/detail/index?id=s7' });
    navigate.mockRestore();
  });

  it('is reached from the coordinator’s home', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    server.on('me', ok(meResult({ id: 'c1', name: '郑晓燕', roles: ['coordinator'], roleLabels: ['建议办理联络员'] }, ['allSuggestions', 'stats', 'ledger', 'import'])));
    server.on('suggestions.list', ok({ items: [], total: 0, page: 1, pageSize: 20 }));
    render(<HomeView />);
    fireEvent.click(await screen.findByText('办理台账'));
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/office/ledger/index' });
    navigate.mockRestore();
  });
});
