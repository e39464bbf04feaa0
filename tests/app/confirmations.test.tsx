// Steps that cannot be undone ask first, in words that say what follows, do nothing when the person
// cancels, and say when they are done.
import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ReviewView } from '../../src/pages/work/review';
import { FeedbackView } from '../../src/pages/work/feedback';
import { DetailView } from '../../src/pages/work/detail';
import { DiscloseView } from '../../src/pages/office/disclose';
import { installFakeServer, ok, type FakeServer } from './fake-server';
import { detail, task } from './fixtures';
import { choose, tap } from './form-helpers';

let server: FakeServer;
const done = jest.fn();
beforeEach(() => {
  server = installFakeServer();
  done.mockReset();
});

const modal = () => Taro.showModal as unknown as jest.Mock;
const toast = () => Taro.showToast as unknown as jest.Mock;
const cancelOnce = () => modal().mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });

describe('confirmations with consequences', () => {
  it('签发: asks, says the reply goes to the deputy for good; cancel sends nothing; then 答复已签发', async () => {
    server.on('suggestions.get', ok(detail({ tasks: [task({ state: 'awaitingSignature', stateLabel: '待签发', allowedActions: ['tasks.sign'] })] })));
    server.on('tasks.sign', ok({ task: task({ state: 'replied' }) }));
    render(<ReviewView suggestionId="s1" taskId="t1" onDone={done} />);
    await screen.findByText('签发答复');
    cancelOnce();
    tap('签发答复');
    await waitFor(() => expect(modal()).toHaveBeenCalledTimes(1));
    expect(modal().mock.calls[0][0]).toMatchObject({ title: '确认签发答复？', confirmText: '确认签发', content: expect.stringContaining('不能撤回或修改') });
    expect(server.callsOf('tasks.sign')).toHaveLength(0);
    tap('签发答复');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(server.callsOf('tasks.sign')).toHaveLength(1);
    expect(toast()).toHaveBeenCalledWith(expect.objectContaining({ title: '答复已签发' }));
  });

  it('提交评价: says an unsatisfied rating starts re-handling; then 评价已提交', async () => {
    server.on('me', ok({ bound: true, user: { id: 'other', name: '李代表', roles: ['deputy'], roleLabels: ['代表'] }, capabilities: [] }));
    server.on('suggestions.get', ok(detail({ tasks: [task({ state: 'replied', stateLabel: '已答复', allowedActions: ['feedback.submit'] })] })));
    server.on('feedback.submit', ok({ task: task({ state: 'closed' }) }));
    render(<FeedbackView suggestionId="s1" taskId="t1" onDone={done} />);
    await screen.findByText('提交评价');
    choose('rate-attitude-satisfied');
    choose('rate-result-satisfied');
    cancelOnce();
    tap('提交评价');
    await waitFor(() => expect(modal()).toHaveBeenCalledTimes(1));
    expect(modal().mock.calls[0][0].content).toContain('本次办理将就此办结');
    expect(server.callsOf('feedback.submit')).toHaveLength(0);
    tap('提交评价');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(toast()).toHaveBeenCalledWith(expect.objectContaining({ title: '评价已提交' }));
  });

  it('确认面复: asks before the deputy confirms a record; then 已确认', async () => {
    const contact = { id: 'c1', taskId: 't1', at: '2026-03-20T01:30:00.000Z', mode: 'meeting' as const, modeLabel: '见面', people: '王代表', notes: '当面听取意见', faceToFace: true };
    server.on('suggestions.get', ok(detail({ tasks: [task({ allowedActions: ['contacts.confirm'] })], contacts: [contact] })));
    server.on('contacts.confirm', ok({ id: 'c1' }));
    render(<DetailView id="s1" />);
    await screen.findByText('确认此记录属实');
    cancelOnce();
    tap('确认此记录属实');
    await waitFor(() => expect(modal()).toHaveBeenCalledTimes(1));
    expect(modal().mock.calls[0][0]).toMatchObject({ confirmText: '确认属实', content: expect.stringContaining('不能撤销') });
    expect(server.callsOf('contacts.confirm')).toHaveLength(0);
    tap('确认此记录属实');
    await waitFor(() => expect(server.callsOf('contacts.confirm')).toHaveLength(1));
    expect(toast()).toHaveBeenCalledWith(expect.objectContaining({ title: '已确认' }));
  });

  it('统一公开 says what the public will see; 统一归档 that nothing can change afterwards', async () => {
    const closedDetail = (allowed: string[], extra = {}) =>
      server.on('suggestions.get', ok(detail({ status: 'closed', statusLabel: '已办结', allowedActions: allowed as never, ...extra })));
    closedDetail(['suggestions.disclose']);
    server.on('suggestions.disclose', ok({ id: 's1', version: 2 }));
    const first = render(<DiscloseView suggestionId="s1" onDone={done} />);
    await screen.findByText('确定公开方式');
    choose('disclose-mode-full');
    tap('确定公开方式');
    await waitFor(() => expect(done).toHaveBeenCalledTimes(1));
    expect(modal().mock.calls[0][0]).toMatchObject({ title: '确认统一公开？', content: expect.stringContaining('公众无需登录即可') });
    expect(toast()).toHaveBeenCalledWith(expect.objectContaining({ title: '已公开' }));
    first.unmount();

    closedDetail(['suggestions.archive'], { disclosure: { mode: 'full', decidedAt: '2026-06-01T00:00:00.000Z' } });
    server.on('suggestions.archive', ok({ id: 's1', version: 3 }));
    render(<DiscloseView suggestionId="s1" onDone={done} />);
    await screen.findByText('统一归档');
    cancelOnce();
    tap('统一归档');
    await waitFor(() => expect(modal()).toHaveBeenCalledTimes(2));
    expect(modal().mock.calls[1][0]).toMatchObject({ title: '确认统一归档？', content: expect.stringContaining('不能再修改') });
    expect(server.callsOf('suggestions.archive')).toHaveLength(0);
    tap('统一归档');
    await waitFor(() => expect(done).toHaveBeenCalledTimes(2));
    expect(toast()).toHaveBeenCalledWith(expect.objectContaining({ title: '已归档' }));
  });
});
