import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { DecideView } from '../../src/pages/office/decide';
import { DetailView } from '../../src/pages/work/detail';
import { fail, installFakeServer, ok, type FakeServer } from './fake-server';
import { detail, task } from './fixtures';
import { tap, typeInto } from './form-helpers';

let server: FakeServer;
let done: jest.Mock;
beforeEach(() => {
  server = installFakeServer();
  done = jest.fn();
});

const withTask = (allowedActions: string[], extra = {}) =>
  server.on('suggestions.get', ok(detail({ tasks: [task({ allowedActions: allowedActions as never, ...extra })] })));

const extensionAsked = {
  extensionRequest: { reason: '需会同住建部门实地调研', requestedDue: '2026-08-30', requestedAt: '2026-05-01T02:00:00.000Z' },
};

describe('the coordinator deciding a unit’s request', () => {
  it('shows the request and its reason, then approves it with the comment and the version it saw', async () => {
    withTask(['tasks.decideExtension'], extensionAsked);
    server.on('tasks.decideExtension', ok({ task: task() }));
    render(<DecideView suggestionId="s1" taskId="t1" kind="extension" onDone={done} />);
    expect(await screen.findByText(/申请延期至 2026-08-30.*理由：需会同住建部门实地调研/)).toBeTruthy();
    await typeInto('decision-comment', '同意，请按期答复');
    tap('同意延期');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(server.callsOf('tasks.decideExtension')[0]!.data).toEqual({ taskId: 't1', version: 3, approve: true, comment: '同意，请按期答复' });
  });

  it('refuses a return without a comment', async () => {
    withTask(['tasks.decideReturn'], { returnRequest: { reason: '不属于本单位职责', requestedAt: '2026-03-02T02:00:00.000Z' } });
    server.on('tasks.decideReturn', ok({ task: task() }));
    render(<DecideView suggestionId="s1" taskId="t1" kind="return" onDone={done} />);
    expect(await screen.findByText(/理由：不属于本单位职责/)).toBeTruthy();
    tap('不同意');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(server.callsOf('tasks.decideReturn')[0]!.data).toEqual({ taskId: 't1', version: 3, approve: false });
  });

  it('shows why the server refused the decision and stays on the page', async () => {
    withTask(['tasks.decideExtension'], extensionAsked);
    server.on('tasks.decideExtension', fail('VALIDATION', '延期后的答复期限不能超过交办之日起六个月'));
    render(<DecideView suggestionId="s1" taskId="t1" kind="extension" onDone={done} />);
    await screen.findByText('同意延期');
    tap('同意延期');
    expect(await screen.findByText('延期后的答复期限不能超过交办之日起六个月')).toBeTruthy();
    expect(done).not.toHaveBeenCalled();
  });

  it('offers no decision when the server does not allow one', async () => {
    withTask(['tasks.urge']);
    render(<DecideView suggestionId="s1" taskId="t1" kind="return" onDone={done} />);
    expect(await screen.findByText('当前状态下不能进行此操作')).toBeTruthy();
    expect(screen.queryByText('同意退回')).toBeNull();
  });
});

describe('the pending request on the suggestion detail', () => {
  it('shows the reason and the date asked for, and opens the decision the server allows', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    withTask(['tasks.decideReturn', 'tasks.urge'], {
      returnRequest: { reason: '不属于本单位职责', requestedAt: '2026-03-02T02:00:00.000Z' },
      ...extensionAsked,
    });
    render(<DetailView id="s1" />);
    const card = await screen.findByText(/退回申请：不属于本单位职责（待决定）/);
    expect(card).toBeTruthy();
    expect(screen.getByText(/延期申请：至 2026-08-30，理由：需会同住建部门实地调研（待决定）/)).toBeTruthy();
    expect(screen.queryByText('审批延期申请')).toBeNull();
    fireEvent.click(screen.getByText('审批退回申请'));
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/office/decide/index?id=s1&taskId=t1&kind=return' });
    navigate.mockRestore();
  });
});

describe('催办', () => {
  it('sends the message and says how many people were notified', async () => {
    withTask(['tasks.urge']);
    server.on('tasks.urge', ok({ notified: 2, task: task() }));
    render(<DecideView suggestionId="s1" taskId="t1" kind="urge" onDone={done} />);
    await typeInto('urge-message', '请于本周内完成答复稿');
    tap('发送催办');
    expect(await screen.findByText('已催办，已通知 2 人')).toBeTruthy();
    expect(server.callsOf('tasks.urge')[0]!.data).toEqual({ taskId: 't1', message: '请于本周内完成答复稿' });
    tap('返回');
    expect(done).toHaveBeenCalled();
  });

  it('where the server offers the waiver, records the override of missing co-opinions with its reason', async () => {
    withTask(['tasks.urge'], { role: 'lead', roleLabel: '主办', canOverrideCoOpinions: true });
    server.on('tasks.urge', ok({ notified: 1, task: task() }));
    render(<DecideView suggestionId="s1" taskId="t1" kind="urge" onDone={done} />);
    await typeInto('urge-override', '会办单位已书面说明无补充意见');
    tap('发送催办');
    await screen.findByText('已催办，已通知 1 人');
    expect(server.callsOf('tasks.urge')[0]!.data).toEqual({ taskId: 't1', overrideCoOpinions: { reason: '会办单位已书面说明无补充意见' } });
  });

  it('offers no waiver on a lead task where the workflow table refuses it (a draft in review)', async () => {
    withTask(['tasks.urge'], { role: 'lead', roleLabel: '主办', state: 'inReview', stateLabel: '待审核', canOverrideCoOpinions: false });
    server.on('tasks.urge', ok({ notified: 2, task: task() }));
    render(<DecideView suggestionId="s1" taskId="t1" kind="urge" onDone={done} />);
    await screen.findByText('发送催办');
    expect(document.querySelector('#urge-override')).toBeNull();
    tap('发送催办');
    await screen.findByText('已催办，已通知 2 人');
    expect(server.callsOf('tasks.urge')[0]!.data).toEqual({ taskId: 't1' });
  });

  it('shows the server’s refusal (already urged today)', async () => {
    withTask(['tasks.urge'], { role: 'sole', roleLabel: '独办' });
    server.on('tasks.urge', fail('CONFLICT', '今天已催办过该任务，请明天再催办'));
    render(<DecideView suggestionId="s1" taskId="t1" kind="urge" onDone={done} />);
    await screen.findByText('发送催办');
    expect(screen.queryByText('免除尚未送达的会办意见（可不填）')).toBeNull();
    tap('发送催办');
    expect(await screen.findByText('今天已催办过该任务，请明天再催办')).toBeTruthy();
  });
});
