import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Capability, DeadlineLine, TaskListItem } from '../../src/contract';
import type { Role } from '../../src/core/model';
import { HomeView } from '../../src/pages/index';
import { fail, installFakeServer, ok, type FakeServer } from './fake-server';
import { meResult, taskItem } from './fixtures';

let server: FakeServer;

/** A task of the list with the deadline in force as the server sends it. */
function due(
  over: Partial<TaskListItem>,
  date: string,
  daysLeftText: string,
  flags: { overdue?: boolean; atRisk?: boolean; kind?: DeadlineLine['kind']; label?: string } = {},
): TaskListItem {
  const { overdue = false, atRisk = false, kind = 'reply', label = '答复期限' } = flags;
  return taskItem({ ...over, replyDue: date, daysLeftText, overdue, atRisk, deadline: { kind, label, date, active: true, daysLeftText, overdue, atRisk } });
}
beforeEach(() => {
  server = installFakeServer();
});

const staff = (roles: Role[], roleLabels: string[], capabilities: Capability[]) =>
  ok(meResult({ id: 'h1', name: '张承办', roles, roleLabels, unitId: 'u-drc', unitName: '市发展改革委' }, capabilities));

describe("the coordinator's home page", () => {
  it('leads to the statistics and the annual summary', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    server.on('me', ok(meResult({ id: 'c1', name: '郑晓燕', roles: ['coordinator'], roleLabels: ['建议办理联络员'] }, ['allSuggestions', 'stats', 'ledger', 'import'])));
    server.on('suggestions.list', ok({ items: [], total: 0, page: 1, pageSize: 20 }));
    render(<HomeView />);
    fireEvent.click(await screen.findByText('统计与年度总结'));
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/office/stats/index' });
    navigate.mockRestore();
  });
});

describe("a handler's home page", () => {
  it('orders the tasks by urgency and says how many days are left or overdue', async () => {
    server.on('me', staff(['handler'], ['承办人'], ['unitTasks', 'stats', 'ledger']));
    server.on(
      'tasks.mine',
      ok({
        items: [
          due({ id: 'later', title: '较晚到期的建议' }, '2026-07-01', '剩余 40 天'),
          due({ id: 'late', title: '已经超期的建议' }, '2026-05-01', '已超期 3 天', { overdue: true }),
          due({ id: 'soon', title: '即将到期的建议' }, '2026-05-10', '剩余 6 天', { atRisk: true }),
          due({ id: 'co', title: '会办的建议', role: 'co', roleLabel: '会办' }, '2026-06-01', '剩余 30 天', { kind: 'coOpinion', label: '会办意见期限' }),
        ],
      }),
    );
    render(<HomeView />);
    await screen.findByText('较晚到期的建议');
    const titles = Array.from(document.querySelectorAll('#handler-queue .card-title')).map((n) => n.textContent);
    expect(titles).toEqual(['已经超期的建议', '即将到期的建议', '会办的建议', '较晚到期的建议']);
    // Overdue is the server's flag, not read from its words.
    expect(screen.getByText('（已超期 3 天）').className).toContain('overdue');
    expect(screen.getByText('（剩余 6 天）').className).not.toContain('overdue');
    // The deadline in force is named as the server names it.
    expect(document.querySelector('#task-co .card-meta')?.textContent).toContain('会办意见期限：2026-06-01');
    expect(document.querySelector('#task-late .card-meta')?.textContent).toContain('答复期限：2026-05-01');
  });

  it('says so when there are no tasks', async () => {
    server.on('me', staff(['handler'], ['承办人'], ['unitTasks', 'stats', 'ledger']));
    server.on('tasks.mine', ok({ items: [] }));
    render(<HomeView />);
    expect(await screen.findByText('暂无办理任务')).toBeTruthy();
  });

  it('shows the server message when the tasks cannot be loaded', async () => {
    server.on('me', staff(['handler'], ['承办人'], ['unitTasks', 'stats', 'ledger']));
    server.on('tasks.mine', fail('FORBIDDEN', '您没有办理此事项的权限'));
    render(<HomeView />);
    expect(await screen.findByText('您没有办理此事项的权限')).toBeTruthy();
  });
});

describe('the queues page by page', () => {
  it("asks the server for each queue's own tasks and appends the next page on 加载更多", async () => {
    server.on('me', staff(['handler', 'reviewer'], ['承办人', '处室负责人'], ['unitTasks', 'reviewQueue']));
    const all = Array.from({ length: 25 }, (_, i) => due({ id: `t${i}`, title: `第${i + 1}件建议` }, `2026-06-${String(i + 1).padStart(2, '0')}`, `剩余 ${i + 1} 天`));
    server.on('tasks.mine', (request) => {
      const { queue, page = 1, pageSize = 20 } = request.data as { queue?: string; page?: number; pageSize?: number };
      if (queue === 'review') return ok({ items: [], total: 0, page, pageSize });
      return ok({ items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize });
    });
    render(<HomeView />);
    await screen.findByText('第1件建议');
    expect(server.callsOf('tasks.mine').map((r) => r.data)).toEqual(
      expect.arrayContaining([
        { scope: 'open', queue: 'all', page: 1, pageSize: 20 },
        { scope: 'open', queue: 'review', page: 1, pageSize: 20 },
      ]),
    );
    expect(document.querySelectorAll('#handler-queue .task-item')).toHaveLength(20);
    expect(document.querySelector('#handler-queue-count')?.textContent).toBe('共25项，已显示20项');
    expect(screen.getByText('暂无待审核的答复')).toBeTruthy();
    fireEvent.click(document.querySelector('#handler-queue-more')!);
    await screen.findByText('第25件建议');
    expect(server.callsOf('tasks.mine').at(-1)?.data).toEqual({ scope: 'open', queue: 'all', page: 2, pageSize: 20 });
    expect(document.querySelectorAll('#handler-queue .task-item')).toHaveLength(25);
    expect(document.querySelector('#handler-queue-more')).toBeNull();
  });
});

describe("a reviewer's and a leader's queues", () => {
  it('shows the drafts to review and the replies to sign as the server allows them', async () => {
    server.on('me', staff(['reviewer', 'leader'], ['处室负责人', '单位负责人'], ['reviewQueue', 'signQueue', 'stats', 'ledger']));
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

  it('keeps a reply held up for want of a 面复 in the leader\'s queue, saying why, and names the deadline by its kind', async () => {
    server.on('me', staff(['leader'], ['单位负责人'], ['signQueue']));
    const reason = '需先登记面复记录（与代表见面、座谈或走访），才能签发答复';
    server.on(
      'tasks.mine',
      ok({
        items: [
          taskItem({
            id: 's',
            title: '缺面复的建议',
            state: 'awaitingSignature',
            stateLabel: '待签发',
            blockedActions: [{ action: 'tasks.sign', label: '签发答复', reason }],
            waitingFor: '答复稿已审核通过，待承办人登记面复记录后，由单位负责人签发',
            replyDue: '2026-07-01',
            daysLeftText: '剩余 3 天',
            deadline: { kind: 'coOpinion', label: '会办意见期限', date: '2026-07-01', active: true, daysLeftText: '剩余 3 天', overdue: false, atRisk: true },
          }),
        ],
      }),
    );
    render(<HomeView />);
    await screen.findByText('缺面复的建议');
    const queue = document.querySelector('#leader-queue')!.textContent!;
    expect(queue).toContain(`签发答复：${reason}`);
    expect(queue).toContain('会办意见期限：2026-07-01（剩余 3 天）');
    expect(queue).not.toContain('答复期限：');
  });

  it('says so when nothing waits for review or signature', async () => {
    server.on('me', staff(['reviewer', 'leader'], ['处室负责人', '单位负责人'], ['reviewQueue', 'signQueue', 'stats', 'ledger']));
    server.on('tasks.mine', ok({ items: [] }));
    render(<HomeView />);
    expect(await screen.findByText('暂无待审核的答复')).toBeTruthy();
    expect(screen.getByText('暂无待签发的答复')).toBeTruthy();
  });
});

describe('the home page’s menus come from the server’s capabilities, never from the roles', () => {
  const shown = () => ['#stats-link', '#ledger-link', '#import-link', '#handler-queue', '#reviewer-queue', '#leader-queue'].filter((id) => document.querySelector(id));

  it('an administrator is not offered the import, which the server refuses him', async () => {
    server.on('me', ok(meResult({ id: 'a1', name: '系统管理员', roles: ['admin'], roleLabels: ['系统管理员'] }, ['allSuggestions', 'stats', 'ledger'])));
    server.on('suggestions.list', ok({ items: [], total: 0, page: 1, pageSize: 20 }));
    render(<HomeView />);
    expect(await screen.findByText('统计与年度总结')).toBeTruthy();
    expect(screen.getByText('办理台账')).toBeTruthy();
    expect(screen.queryByText('导入交办清单')).toBeNull();
  });

  it('the same roles with other capabilities show other menus', async () => {
    server.on('tasks.mine', ok({ items: [] }));
    server.on('me', staff(['handler'], ['承办人'], ['reviewQueue']));
    const { unmount } = render(<HomeView />);
    await screen.findByText('暂无待审核的答复');
    expect(shown()).toEqual([]); // an empty queue renders no list: only the empty notice
    expect(screen.queryByText('我的办理任务')).toBeNull();
    expect(screen.queryByText('统计与年度总结')).toBeNull();
    unmount();
    server.on('me', staff(['handler'], ['承办人'], ['unitTasks', 'stats', 'ledger', 'import']));
    render(<HomeView />);
    await screen.findByText('暂无办理任务');
    expect(shown()).toEqual(['#stats-link', '#ledger-link', '#import-link']);
  });
});
