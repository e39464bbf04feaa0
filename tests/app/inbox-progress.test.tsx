import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { MessagesView } from '../../src/pages/account/messages';
import { ProgressView } from '../../src/pages/work/progress';
import { installFakeServer, ok, fail, type FakeServer } from './fake-server';
import { detail, meResult, task } from './fixtures';
import { choose, tap, typeInto } from './form-helpers';

let server: FakeServer;
beforeEach(() => {
  server = installFakeServer();
});

describe('the messages page', () => {
  it('shows a loading state, then the reminders with read state in words', async () => {
    const held = server.hold('notifications.mine');
    server.on(
      'notifications.mine',
      ok({
        items: [
          { id: 'n1', kind: 'due', title: '建议即将到期', body: '101号建议距答复期限还有 3 天', status: 'noQuota', createdAt: '2026-05-29T01:00:00.000Z' },
          { id: 'n2', kind: 'replied', title: '您的建议已答复', body: '请查看并评价', status: 'sent', createdAt: '2026-05-01T01:00:00.000Z', readAt: '2026-05-01T02:00:00.000Z' },
        ],
        unread: 1,
      }),
    );
    render(<MessagesView />);
    expect(screen.getByText('正在加载…')).toBeTruthy();
    held.release();
    expect(await screen.findByText('建议即将到期')).toBeTruthy();
    expect(screen.getByText('101号建议距答复期限还有 3 天')).toBeTruthy();
    expect(screen.getByText('未读')).toBeTruthy();
    expect(screen.getByText('已读')).toBeTruthy();
  });

  it('reads a message when it is opened, marks all read at once, and shows the deadline and a settled matter', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    let readIds: string[] = [];
    const message = (id: string, extra: object) => ({ id, kind: 'urge', title: `督办提醒${id}`, body: '请加快办理', status: 'sent', createdAt: '2026-05-29T01:00:00.000Z', ...extra });
    server.on('notifications.mine', () =>
      ok({
        items: [
          message('n1', { asks: '送会办意见', deadline: { label: '会办意见期限', date: '2026-06-10' }, page: 'pages/work/detail/index?id=s1' }),
          message('n2', { asks: '答复代表', deadline: { label: '答复期限', date: '2026-08-01' }, settled: true }),
          message('n3', {}),
        ].map((m) => (readIds.includes(m.id) ? { ...m, readAt: '2026-05-30T01:00:00.000Z' } : m)),
        unread: 3 - readIds.length,
      }),
    );
    server.on('notifications.read', (req) => {
      const ids = (req.data as { ids?: string[] }).ids ?? ['n1', 'n2', 'n3'];
      const fresh = ids.filter((id) => !readIds.includes(id));
      readIds = [...readIds, ...fresh];
      return ok({ read: fresh.length, unread: 3 - readIds.length });
    });
    render(<MessagesView />);
    expect(await screen.findByText('共3条，未读3条')).toBeTruthy();
    expect(document.getElementById('message-n1')!.textContent).toContain('会办意见期限：2026-06-10');
    expect(document.getElementById('message-n1')!.textContent).toContain('待处理 请送会办意见');
    expect(document.getElementById('message-n2')!.textContent).toContain('已处理 答复代表：已办理，无需再处理');
    expect(document.getElementById('message-n1')!.textContent).not.toContain('已处理');
    // A message that only informs claims neither.
    expect(document.getElementById('message-n3')!.textContent).not.toMatch(/待处理|已处理/);
    choose('message-n1');
    await waitFor(() => expect(navigate).toHaveBeenCalledWith({ url: '/pages/work/detail/index?id=s1' }));
    expect(server.callsOf('notifications.read')[0]!.data).toEqual({ ids: ['n1'] });
    expect(await screen.findByText('共3条，未读2条')).toBeTruthy();
    tap('全部已读');
    expect(await screen.findByText('已将2条消息标为已读')).toBeTruthy();
    expect(server.callsOf('notifications.read')[1]!.data).toEqual({});
    expect(await screen.findByText('共3条，未读0条')).toBeTruthy();
    expect(screen.queryByText('全部已读')).toBeNull();
    navigate.mockRestore();
  });

  it('says so when there are no messages', async () => {
    server.on('notifications.mine', ok({ items: [], unread: 0 }));
    render(<MessagesView />);
    expect(await screen.findByText('暂无消息')).toBeTruthy();
  });

  it('shows the server message when the inbox cannot be read', async () => {
    server.on('notifications.mine', fail('UNAUTHENTICATED', '请先登录'));
    render(<MessagesView />);
    expect(await screen.findByText('请先登录')).toBeTruthy();
  });

  it('records the subscription directly in H5, where WeChat cannot ask', async () => {
    server.on('notifications.mine', ok({ items: [] }));
    server.on('subscriptions.record', ok({ recorded: 1 }));
    render(<MessagesView />);
    tap('开启办理提醒');
    expect(await screen.findByText('已开启办理提醒。浏览器中收不到微信消息，到期提醒会列在本页')).toBeTruthy();
    expect(server.callsOf('subscriptions.record')[0]!.data).toEqual({ results: [{ templateId: 'local-reminder', accepted: true }] });
  });

  it('subscribes to the templates the server names in `me`', async () => {
    server.on('notifications.mine', ok({ items: [] }));
    server.on('me', ok({ ...meResult({ id: 'u1', name: '王代表', roles: ['deputy'], roleLabels: ['代表'] }, ['mySuggestions']), subscribeTemplateIds: ['tpl-due', 'tpl-urge'] }));
    server.on('subscriptions.record', ok({ recorded: 2 }));
    render(<MessagesView />);
    await waitFor(() => expect(server.callsOf('me')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 0));
    tap('开启办理提醒');
    expect(await screen.findByText('已开启办理提醒。浏览器中收不到微信消息，到期提醒会列在本页')).toBeTruthy();
    expect(server.callsOf('subscriptions.record')[0]!.data).toEqual({
      results: [
        { templateId: 'tpl-due', accepted: true },
        { templateId: 'tpl-urge', accepted: true },
      ],
    });
  });
});

describe('reporting progress on a promise', () => {
  const withCommitment = (allowedActions: string[]) =>
    server.on(
      'suggestions.get',
      ok(
        detail({
          tasks: [task({ state: 'closed', stateLabel: '已办结', allowedActions: allowedActions as never })],
          commitments: [{ id: 'm1', taskId: 't1', promise: '年底前再建 50 个充电桩', targetDate: '2026-12-31', progress: [{ at: '2026-06-01T00:00:00.000Z', byName: '张承办', text: '已选址 20 处' }] }],
        }),
      ),
    );

  it('shows the promise and its progress so far, then sends the new entry', async () => {
    withCommitment(['commitments.progress']);
    server.on('commitments.progress', ok({ id: 'm1' }));
    const done = jest.fn();
    render(<ProgressView suggestionId="s1" commitmentId="m1" onDone={done} />);
    expect(await screen.findByText('年底前再建 50 个充电桩')).toBeTruthy();
    expect(screen.getByText('2026-06-01 张承办：已选址 20 处')).toBeTruthy();
    await typeInto('progress-text', '已建成 30 个');
    tap('提交进展');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(server.callsOf('commitments.progress')[0]!.data).toEqual({ commitmentId: 'm1', text: '已建成 30 个', done: false });
  });

  it('needs the final answer when the promise is carried out, as the server says', async () => {
    withCommitment(['commitments.progress']);
    server.on('commitments.progress', (request) =>
      (request.data as { finalAnswer?: string }).finalAnswer ? ok({ id: 'm1' }) : fail('VALIDATION', '落实完毕时请填写最终答复'),
    );
    const done = jest.fn();
    render(<ProgressView suggestionId="s1" commitmentId="m1" onDone={done} />);
    await typeInto('progress-text', '全部建成');
    choose('progress-done-yes');
    tap('提交进展');
    expect(await screen.findByText('落实完毕时请填写最终答复')).toBeTruthy();
    await typeInto('progress-answer', '50 个充电桩已全部建成投用');
    tap('提交进展');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(server.callsOf('commitments.progress').at(-1)!.data).toEqual({
      commitmentId: 'm1',
      text: '全部建成',
      done: true,
      finalAnswer: '50 个充电桩已全部建成投用',
    });
  });

  it('shows no form to someone the server does not allow', async () => {
    withCommitment([]);
    render(<ProgressView suggestionId="s1" commitmentId="m1" onDone={jest.fn()} />);
    expect(await screen.findByText('当前状态下不能进行此操作')).toBeTruthy();
  });

  it('says so when the promise is not found', async () => {
    withCommitment(['commitments.progress']);
    render(<ProgressView suggestionId="s1" commitmentId="zz" onDone={jest.fn()} />);
    expect(await screen.findByText('没有找到该承诺事项')).toBeTruthy();
  });
});

describe('subscribing in the mini-program', () => {
  const env = { ...process.env };
  afterEach(() => {
    process.env = { ...env };
  });

  it('asks WeChat for the templates the server names and records which ones the user accepted', async () => {
    process.env.TARO_ENV = 'weapp';
    const Taro = (await import('@tarojs/taro')).default as unknown as { requestSubscribeMessage: unknown };
    const original = Taro.requestSubscribeMessage;
    const ask = jest.fn(async () => ({ errMsg: 'requestSubscribeMessage:ok', 'tpl-due': 'accept', 'tpl-reply': 'reject' }));
    Taro.requestSubscribeMessage = ask;
    const { askSubscription } = await import('../../src/pages/account/messages/subscribe');
    const answer = await askSubscription(['tpl-due', 'tpl-reply']);
    Taro.requestSubscribeMessage = original;
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['tpl-due', 'tpl-reply'], entityIds: [] });
    expect(answer).toEqual({
      results: [
        { templateId: 'tpl-due', accepted: true },
        { templateId: 'tpl-reply', accepted: false },
      ],
    });
  });
});
