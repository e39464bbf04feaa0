import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { HomeView } from '../../src/pages/index';
import { fail, installFakeServer, ok, type FakeServer } from './fake-server';
import { taskItem } from './fixtures';

let server: FakeServer;
beforeEach(() => {
  server = installFakeServer();
});

const staff = (roles: string[], roleLabels: string[]) =>
  ok({ user: { id: 'h1', name: '张承办', roles, roleLabels, unitId: 'u-drc', unitName: '市发展改革委' }, bound: true });

describe("the coordinator's home page", () => {
  it('leads to the statistics and the annual summary', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    server.on('me', ok({ user: { id: 'c1', name: '郑晓燕', roles: ['coordinator'], roleLabels: ['建议办理联络员'] }, bound: true }));
    server.on('suggestions.list', ok({ items: [], total: 0, page: 1, pageSize: 20 }));
    render(<HomeView />);
    fireEvent.click(await screen.findByText('统计与年度总结'));
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/office/stats/index' });
    navigate.mockRestore();
  });
});

describe("a handler's home page", () => {
  it('orders the tasks by urgency and says how many days are left or overdue', async () => {
    server.on('me', staff(['handler'], ['承办人']));
    server.on(
      'tasks.mine',
      ok({
        items: [
          taskItem({ id: 'later', title: '较晚到期的建议', replyDue: '2026-07-01', daysLeftText: '剩余 40 天' }),
          taskItem({ id: 'late', title: '已经超期的建议', replyDue: '2026-05-01', daysLeftText: '已超期 3 天' }),
          taskItem({ id: 'soon', title: '即将到期的建议', replyDue: '2026-05-10', daysLeftText: '剩余 6 天' }),
        ],
      }),
    );
    render(<HomeView />);
    await screen.findByText('较晚到期的建议');
    const titles = Array.from(document.querySelectorAll('#handler-queue .card-title')).map((n) => n.textContent);
    expect(titles).toEqual(['已经超期的建议', '即将到期的建议', '较晚到期的建议']);
    expect(screen.getByText('（已超期 3 天）')).toBeTruthy();
    expect(screen.getByText('（剩余 6 天）')).toBeTruthy();
  });

  it('says so when there are no tasks', async () => {
    server.on('me', staff(['handler'], ['承办人']));
    server.on('tasks.mine', ok({ items: [] }));
    render(<HomeView />);
    expect(await screen.findByText('暂无办理任务')).toBeTruthy();
  });

  it('shows the server message when the tasks cannot be loaded', async () => {
    server.on('me', staff(['handler'], ['承办人']));
    server.on('tasks.mine', fail('FORBIDDEN', '您没有办理此事项的权限'));
    render(<HomeView />);
    expect(await screen.findByText('您没有办理此事项的权限')).toBeTruthy();
  });
});

describe("a reviewer's and a leader's queues", () => {
  it('shows the drafts to review and the replies to sign as the server allows them', async () => {
    server.on('me', staff(['reviewer', 'leader'], ['处室负责人', '单位负责人']));
    server.on(
      'tasks.mine',
      ok({
        items: [
          taskItem({ id: 'r', title: '待审核的建议', state: 'inReview', stateLabel: '待审核', allowedActions: ['tasks.review'] }),
          taskItem({ id: 's', title: '待签发的建议', state: 'awaitingSignature', stateLabel: '待签发', allowedActions: ['tasks.sign'] }),
          taskItem({ id: 'h', title: '仍在办理的建议' }),
        ],
      }),
    );
    render(<HomeView />);
    await screen.findByText('待审核的建议');
    expect(document.querySelector('#reviewer-queue')!.textContent).toContain('待审核的建议');
    expect(document.querySelector('#reviewer-queue')!.textContent).not.toContain('待签发的建议');
    expect(document.querySelector('#leader-queue')!.textContent).toContain('待签发的建议');
    expect(screen.queryByText('仍在办理的建议')).toBeNull();
  });

  it('says so when nothing waits for review or signature', async () => {
    server.on('me', staff(['reviewer', 'leader'], ['处室负责人', '单位负责人']));
    server.on('tasks.mine', ok({ items: [] }));
    render(<HomeView />);
    expect(await screen.findByText('暂无待审核的答复')).toBeTruthy();
    expect(screen.getByText('暂无待签发的答复')).toBeTruthy();
  });
});
