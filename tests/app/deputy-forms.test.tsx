import Taro from '@tarojs/taro';
import { render, screen, waitFor } from '@testing-library/react';
import type { FeedbackView as Rated, ReplyView } from '../../src/contract';
import { FeedbackView } from '../../src/pages/work/feedback';
import { BindView } from '../../src/pages/account/bind';
import { installFakeServer, ok, fail, type FakeServer } from './fake-server';
import { detail, meResult, task } from './fixtures';
import { choose, tap, typeInto } from './form-helpers';

let server: FakeServer;
let done: jest.Mock;
beforeEach(() => {
  server = installFakeServer();
  done = jest.fn();
});

const signed: ReplyView = {
  id: 'r1', taskId: 't1', unitName: '市发展改革委', round: 1, class: 'A', classLabel: 'A类（已解决或基本解决）',
  text: '已在 12 个小区建成充电桩。', leaderContact: { name: '李主任', phone: '05311' }, handlerContact: { name: '张承办', phone: '05312' },
  signed: true, signedAt: '2026-04-01T02:00:00.000Z', reviews: [], version: 2,
};
const coSignerRating: Rated = {
  id: 'f0', taskId: 't1', round: 1, deputyName: '刘代表', attitude: 'satisfied', result: 'unsatisfied',
  attitudeLabel: '满意', resultLabel: '不满意', reasons: '只建了一半', at: '2026-04-03T00:00:00.000Z',
};

function replied(me: { id: string; name: string }, extra = {}) {
  server.on('me', ok(meResult({ ...me, roles: ['deputy'], roleLabels: ['代表'] }, ['mySuggestions'])));
  server.on(
    'suggestions.get',
    ok(detail({ tasks: [task({ state: 'replied', stateLabel: '已答复', allowedActions: ['feedback.submit'] })], replies: [signed], ...extra })),
  );
}

describe("the deputy's rating", () => {
  it('shows the reply and asks for both ratings before sending', async () => {
    replied({ id: 'd1', name: '王代表' });
    server.on('feedback.submit', ok({ task: task() }));
    render(<FeedbackView suggestionId="s1" taskId="t1" onDone={done} />);
    expect(await screen.findByText('已在 12 个小区建成充电桩。')).toBeTruthy();
    tap('提交评价');
    expect(await screen.findByText('请对办理态度和办理结果分别作出评价')).toBeTruthy();
    choose('rate-attitude-satisfied');
    tap('提交评价');
    expect(await screen.findByText('请对办理态度和办理结果分别作出评价')).toBeTruthy();
    expect(server.callsOf('feedback.submit')).toHaveLength(0);
  });

  it('rates attitude and result separately', async () => {
    replied({ id: 'd1', name: '王代表' });
    server.on('feedback.submit', ok({ task: task() }));
    render(<FeedbackView suggestionId="s1" taskId="t1" onDone={done} />);
    await screen.findByText('提交评价');
    choose('rate-attitude-satisfied');
    choose('rate-result-basic');
    expect(screen.getAllByText('✓ 满意')).toHaveLength(1);
    expect(screen.getByText('✓ 基本满意')).toBeTruthy();
    tap('提交评价');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(server.callsOf('feedback.submit')[0]!.data).toEqual({ taskId: 't1', attitude: 'satisfied', result: 'basic' });
  });

  it('asks for reasons for 不满意, and the server’s message is the one shown', async () => {
    replied({ id: 'd1', name: '王代表' });
    server.on('feedback.submit', (request) =>
      (request.data as { reasons?: string }).reasons ? ok({ task: task({ state: 'rehandling', stateLabel: '重新办理' }) }) : fail('VALIDATION', '评价不满意时请填写理由'),
    );
    render(<FeedbackView suggestionId="s1" taskId="t1" onDone={done} />);
    await screen.findByText('提交评价');
    choose('rate-attitude-basic');
    choose('rate-result-unsatisfied');
    expect(await screen.findByText('不满意的理由（必填）')).toBeTruthy();
    (Taro.showModal as unknown as jest.Mock).mockClear();
    tap('提交评价');
    expect(await screen.findByText('评价不满意时请填写理由')).toBeTruthy();
    // Refused before the irreversible confirmation is shown, and nothing sent.
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(server.callsOf('feedback.submit')).toHaveLength(0);
    await typeInto('rate-reasons', '充电桩数量远未达到承诺');
    tap('提交评价');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(server.callsOf('feedback.submit').at(-1)!.data).toEqual({
      taskId: 't1',
      attitude: 'basic',
      result: 'unsatisfied',
      reasons: '充电桩数量远未达到承诺',
    });
  });

  it("shows the lead deputy the co-signers' ratings and records their views", async () => {
    replied({ id: 'd1', name: '王代表' }, { coSignerNames: ['刘代表'], feedback: [coSignerRating] });
    server.on('feedback.submit', ok({ task: task() }));
    render(<FeedbackView suggestionId="s1" taskId="t1" onDone={done} />);
    expect(await screen.findByText('办理态度：满意；办理结果：不满意')).toBeTruthy();
    expect(screen.getByText('理由：只建了一半')).toBeTruthy();
    await typeInto('rate-cosigners', '刘代表认为数量不足');
    choose('rate-attitude-satisfied');
    choose('rate-result-satisfied');
    tap('提交评价');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(server.callsOf('feedback.submit')[0]!.data).toMatchObject({ coSignerViews: '刘代表认为数量不足' });
  });

  it('shows a co-signer, whom the server does not offer the rating, no form', async () => {
    server.on('suggestions.get', ok(detail({ coSignerNames: ['刘代表'], tasks: [task({ state: 'replied', stateLabel: '已答复', allowedActions: [] })], replies: [signed] })));
    render(<FeedbackView suggestionId="s1" taskId="t1" onDone={done} />);
    expect(await screen.findByText('当前状态下不能进行此操作')).toBeTruthy();
    expect(document.querySelector('#rate-cosigners')).toBeNull();
    expect(screen.queryByText('提交评价')).toBeNull();
  });

  it('shows no form once the task is no longer waiting for a rating', async () => {
    server.on('me', ok(meResult({ id: 'd1', name: '王代表', roles: ['deputy'], roleLabels: ['代表'] }, ['mySuggestions'])));
    server.on('suggestions.get', ok(detail({ tasks: [task({ state: 'closed', stateLabel: '已办结' })] })));
    render(<FeedbackView suggestionId="s1" taskId="t1" onDone={done} />);
    expect(await screen.findByText('当前状态下不能进行此操作')).toBeTruthy();
  });
});

describe('deputy binding', () => {
  it('needs a code, binds with it and finishes', async () => {
    server.on('users.bind', ok({ user: { id: 'd1', name: '王代表', roles: ['deputy'], roleLabels: ['代表'] }, bound: true }));
    render(<BindView onDone={done} />);
    tap('绑定');
    expect(await screen.findByText('请输入绑定码')).toBeTruthy();
    expect(screen.getByText(/10位字母和数字/)).toBeTruthy();
    // Staff bind here too, with codes the administrator issued: the page speaks to both.
    expect(screen.getByText('绑定身份')).toBeTruthy();
    expect(screen.getByText(/办理人员的由系统管理员发放/)).toBeTruthy();
    expect(screen.queryByText(/绑定代表身份/)).toBeNull();
    await typeInto('bind-code', ' k7pm 3xq9-tr ');
    tap('绑定');
    expect(await screen.findByText('绑定成功：王代表')).toBeTruthy();
    expect(done).toHaveBeenCalled();
    // The server reads the code as typed (case, spaces and dashes do not matter).
    expect(server.callsOf('users.bind')[0]!.data).toEqual({ code: 'k7pm 3xq9-tr' });
  });

  it('shows why a code was refused', async () => {
    server.on('users.bind', fail('VALIDATION', '绑定码无效或已使用'));
    render(<BindView onDone={done} />);
    await typeInto('bind-code', 'OLD');
    tap('绑定');
    expect(await screen.findByText('绑定码无效或已使用')).toBeTruthy();
    expect(done).not.toHaveBeenCalled();
  });
});
