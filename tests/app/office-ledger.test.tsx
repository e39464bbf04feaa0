import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { LedgerRow } from '../../src/core/contract';
import { LedgerView } from '../../src/pages/office/ledger';
import { fail, installFakeServer, ok, type FakeServer } from './fake-server';
import { tap } from './form-helpers';

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
  ...extra,
});

describe('the ledger (台账)', () => {
  it('shows each task with its facts in words, and marks the overdue ones', async () => {
    const held = server.hold('ledger.list');
    server.on('ledger.list', ok({ items: [row(1, { overdue: true }), row(2, { responsibleName: '刘洋', faceToFace: true, replyClass: 'A', repliedAt: '2026-05-20T02:00:00.000Z', attitudeLabel: '满意', resultLabel: '基本满意' })], total: 2, page: 1, pageSize: 20 }));
    render(<LedgerView />);
    expect(screen.getByText('正在加载…')).toBeTruthy();
    held.release();
    expect(await screen.findByText('共2项 · 第1页，共1页')).toBeTruthy();
    expect(document.getElementById('ledger-t1')!.textContent).toContain('尚未认领');
    expect(document.getElementById('ledger-t1')!.textContent).toContain('（已超期）');
    const second = document.getElementById('ledger-t2')!.textContent!;
    expect(second).toContain('办理责任人：刘洋');
    expect(second).toContain('答复：2026-05-20 · A类');
    expect(second).toContain('面复：已面复 · 评价：态度满意、结果基本满意');
    expect(second).not.toContain('已超期');
    expect(screen.queryByText('下一页')).toBeNull();
  });

  it('goes page by page', async () => {
    server.on('ledger.list', (request) => {
      const { page } = request.data as { page: number };
      return ok({ items: [row(page)], total: 45, page, pageSize: 20 });
    });
    render(<LedgerView />);
    expect(await screen.findByText('共45项 · 第1页，共3页')).toBeTruthy();
    tap('下一页');
    expect(await screen.findByText('共45项 · 第2页，共3页')).toBeTruthy();
    expect(screen.getByText('第2件建议')).toBeTruthy();
    expect(server.callsOf('ledger.list').map((c) => c.data)).toEqual([{ page: 1, pageSize: 20 }, { page: 2, pageSize: 20 }]);
    tap('上一页');
    expect(await screen.findByText('共45项 · 第1页，共3页')).toBeTruthy();
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
});
