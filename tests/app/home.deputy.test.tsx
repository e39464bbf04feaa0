import { fireEvent, render, screen } from '@testing-library/react';
import type { MeUser } from '../../src/contract';
import Taro from '@tarojs/taro';
import { HomeView } from '../../src/pages/index';
import { fail, installFakeServer, ok, type FakeServer } from './fake-server';
import { listItem, meResult, page } from './fixtures';

const deputy: MeUser = { id: 'd1', name: '王代表', roles: ['deputy'], roleLabels: ['代表'] };

let server: FakeServer;
beforeEach(() => {
  server = installFakeServer();
  server.on('me', ok(meResult(deputy, ['mySuggestions'])));
});

describe('the deputy home page', () => {
  it('shows a loading state until the suggestions arrive', async () => {
    const held = server.hold('suggestions.list');
    server.on('suggestions.list', ok(page({ items: [] })));
    render(<HomeView />);
    expect(await screen.findByText('王代表，您好')).toBeTruthy();
    expect(screen.getByText('正在加载…')).toBeTruthy();
    held.release();
    expect(await screen.findByText('暂无建议')).toBeTruthy();
  });

  it('says so when the deputy has no suggestions', async () => {
    server.on('suggestions.list', ok(page({ items: [] })));
    render(<HomeView />);
    expect(await screen.findByText('暂无建议')).toBeTruthy();
  });

  it('lists each suggestion with its number, title, status label, steps and reply due date', async () => {
    server.on(
      'suggestions.list',
      ok(
        page({
          items: [
            listItem(),
            listItem({ id: 's2', number: '102', title: '关于老旧小区加装电梯的建议', status: 'replied', statusLabel: '已答复', replyDue: '2026-06-12', daysLeftText: undefined }),
          ],
        }),
      ),
    );
    render(<HomeView />);
    expect(await screen.findByText('关于加快充电桩建设的建议')).toBeTruthy();
    expect(screen.getByText('101号')).toBeTruthy();
    expect(screen.getAllByText('办理中').length).toBeGreaterThan(0);
    expect(screen.getByText(/答复期限：2026-06-01/)).toBeTruthy();
    expect(screen.getByText('已答复')).toBeTruthy();
    // 102 was replied: 交办, 办理 and 答复 are done and 评价 is the current step, said in words.
    const card = document.getElementById('suggestion-s2')!;
    expect(card.textContent).toContain('答复·已完成');
    expect(card.textContent).toContain('评价·进行中');
  });

  it('opens the detail page when a suggestion is tapped', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    server.on('suggestions.list', ok(page({ items: [listItem()] })));
    render(<HomeView />);
    fireEvent.click(await screen.findByText('关于加快充电桩建设的建议'));
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/work/detail/index?id=s1' });
    navigate.mockRestore();
  });

  it('shows the server message and retries when 重试 is tapped', async () => {
    let calls = 0;
    server.on('suggestions.list', () => (++calls === 1 ? fail('INTERNAL', '系统繁忙，请稍后重试') : ok(page({ items: [] }))));
    render(<HomeView />);
    expect(await screen.findByText('系统繁忙，请稍后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('暂无建议')).toBeTruthy();
    expect(server.callsOf('suggestions.list')).toHaveLength(2);
  });
});

describe('the home page before login or binding', () => {
  it('shows the server message when the caller is not logged in', async () => {
    server.on('me', fail('UNAUTHENTICATED', '请先登录'));
    render(<HomeView />);
    expect(await screen.findByText('请先登录')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });

  it('offers binding to a WeChat user who is not bound yet', async () => {
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' } as never);
    server.on('me', ok(meResult(null)));
    render(<HomeView />);
    expect(await screen.findByText('绑定身份')).toBeTruthy();
    expect(server.callsOf('suggestions.list')).toHaveLength(0);
    redirect.mockRestore();
  });
});
