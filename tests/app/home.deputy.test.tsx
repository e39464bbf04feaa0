import { fireEvent, render, screen } from '@testing-library/react';
import { HomeView } from '../../src/pages/index';
import { fail, installFakeServer, ok, type FakeServer } from './fake-server';

const deputy = { id: 'u-deputy', name: '王代表', roles: ['deputy'] };

let server: FakeServer;
beforeEach(() => {
  server = installFakeServer();
  server.on('me', ok({ user: deputy }));
});

describe('the deputy home page', () => {
  it('shows a loading state until the suggestions arrive', async () => {
    const held = server.hold('suggestions.list');
    server.on('suggestions.list', ok({ items: [] }));
    render(<HomeView />);
    expect(await screen.findByText('王代表，您好')).toBeTruthy();
    expect(screen.getByText('正在加载…')).toBeTruthy();
    held.release();
    expect(await screen.findByText('暂无建议')).toBeTruthy();
  });

  it('says so when the deputy has no suggestions', async () => {
    server.on('suggestions.list', ok({ items: [] }));
    render(<HomeView />);
    expect(await screen.findByText('暂无建议')).toBeTruthy();
  });

  it('lists each suggestion with its number, title, status label and reply due date', async () => {
    server.on(
      'suggestions.list',
      ok({
        items: [
          { id: 's1', number: '101', title: '关于加快充电桩建设的建议', status: 'handling', replyDue: '2026-06-10' },
          { id: 's2', number: '102', title: '关于老旧小区加装电梯的建议', status: 'replied', replyDue: '2026-06-12' },
        ],
      }),
    );
    render(<HomeView />);
    expect(await screen.findByText('关于加快充电桩建设的建议')).toBeTruthy();
    expect(screen.getByText('101号')).toBeTruthy();
    expect(screen.getByText('办理中')).toBeTruthy();
    expect(screen.getByText('答复期限：2026-06-10')).toBeTruthy();
    expect(screen.getByText('已答复')).toBeTruthy();
  });

  it('shows the server message and retries when 重试 is tapped', async () => {
    let calls = 0;
    server.on('suggestions.list', () => (++calls === 1 ? fail('INTERNAL', '系统繁忙，请稍后重试') : ok({ items: [] })));
    render(<HomeView />);
    expect(await screen.findByText('系统繁忙，请稍后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('暂无建议')).toBeTruthy();
    expect(server.callsOf('suggestions.list')).toHaveLength(2);
  });
});
