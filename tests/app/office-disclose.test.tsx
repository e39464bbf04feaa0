import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { DiscloseView } from '../../src/pages/office/disclose';
import { DetailView } from '../../src/pages/work/detail';
import { fail, installFakeServer, ok, type FakeServer } from './fake-server';
import { detail } from './fixtures';
import { choose, tap, typeInto } from './form-helpers';

let server: FakeServer;
let done: jest.Mock;
beforeEach(() => {
  server = installFakeServer();
  done = jest.fn();
});

const closed = (allowedActions: string[], extra = {}) =>
  server.on('suggestions.get', ok(detail({ status: 'closed', statusLabel: '已办结', allowedActions: allowedActions as never, ...extra })));

describe('统一公开 and 统一归档', () => {
  it('shows a loading state, then the form only when the server allows the decision', async () => {
    const held = server.hold('suggestions.get');
    closed(['suggestions.disclose']);
    render(<DiscloseView suggestionId="s1" onDone={done} />);
    expect(screen.getByText('正在加载…')).toBeTruthy();
    held.release();
    expect(await screen.findByText('确定公开方式')).toBeTruthy();
    expect(screen.queryByText('统一归档')).toBeNull();
  });

  it('publishes the full text with the version it saw', async () => {
    closed(['suggestions.disclose']);
    server.on('suggestions.disclose', ok({ id: 's1', version: 2 }));
    render(<DiscloseView suggestionId="s1" onDone={done} />);
    await screen.findByText('确定公开方式');
    tap('确定公开方式');
    expect(await screen.findByText('请选择公开方式')).toBeTruthy();
    choose('disclose-mode-full');
    tap('确定公开方式');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(server.callsOf('suggestions.disclose')[0]!.data).toEqual({ suggestionId: 's1', version: 1, mode: 'full' });
  });

  it('asks for the summary and the reason when only a summary is published', async () => {
    closed(['suggestions.disclose']);
    // The server's rules, in the server's words (the page copies neither).
    server.on('suggestions.disclose', (request) => {
      const data = request.data as { summary?: string; reason?: string };
      if (!data.summary) return fail('VALIDATION', '摘要公开时请填写摘要');
      if (!data.reason) return fail('VALIDATION', '不公开或摘要公开时请说明理由');
      return ok({ id: 's1', version: 2 });
    });
    render(<DiscloseView suggestionId="s1" onDone={done} />);
    await screen.findByText('确定公开方式');
    choose('disclose-mode-summary');
    tap('确定公开方式');
    expect(await screen.findByText('摘要公开时请填写摘要')).toBeTruthy();
    await typeInto('disclose-summary', '建议加快充电设施建设，已列入年度计划。');
    tap('确定公开方式');
    expect(await screen.findByText('不公开或摘要公开时请说明理由')).toBeTruthy();
    await typeInto('disclose-reason', '答复涉及企业商业秘密');
    tap('确定公开方式');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(server.callsOf('suggestions.disclose').at(-1)!.data).toEqual({
      suggestionId: 's1',
      version: 1,
      mode: 'summary',
      summary: '建议加快充电设施建设，已列入年度计划。',
      reason: '答复涉及企业商业秘密',
    });
  });

  it('archives a disclosed suggestion, and shows the server’s refusal', async () => {
    closed(['suggestions.archive'], { disclosure: { mode: 'full', decidedAt: '2026-06-01T00:00:00.000Z' } });
    server.on('suggestions.archive', fail('CONFLICT', '该记录已被他人修改，请刷新后重试'));
    render(<DiscloseView suggestionId="s1" onDone={done} />);
    expect(await screen.findByText('现在的决定：全文公开')).toBeTruthy();
    tap('统一归档');
    expect(await screen.findByText('该记录已被他人修改，请刷新后重试')).toBeTruthy();
    expect(server.callsOf('suggestions.archive')[0]!.data).toEqual({ suggestionId: 's1', version: 1 });
    expect(done).not.toHaveBeenCalled();
  });

  it('says when neither is possible yet', async () => {
    closed([]);
    render(<DiscloseView suggestionId="s1" onDone={done} />);
    expect(await screen.findByText('建议办结后才能公开；作出公开决定后才能归档')).toBeTruthy();
  });

  it('keeps nothing back but gives the reason when nothing is published', async () => {
    closed(['suggestions.disclose']);
    server.on('suggestions.disclose', ok({ id: 's1', version: 2 }));
    render(<DiscloseView suggestionId="s1" onDone={done} />);
    await screen.findByText('确定公开方式');
    choose('disclose-mode-none');
    expect(document.getElementById('disclose-summary')).toBeNull();
    await typeInto('disclose-reason', '涉及国家秘密');
    tap('确定公开方式');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(server.callsOf('suggestions.disclose')[0]!.data).toEqual({ suggestionId: 's1', version: 1, mode: 'none', reason: '涉及国家秘密' });
  });

  it('is reached from the suggestion detail only when the server allows it: 统一公开, then 统一归档', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    closed(['suggestions.disclose']);
    const first = render(<DetailView id="s1" />);
    fireEvent.click(await screen.findByText('统一公开'));
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/office/disclose/index?id=s1' });
    first.unmount();
    closed(['suggestions.archive'], { disclosure: { mode: 'full', decidedAt: '2026-06-01T00:00:00.000Z' } });
    const second = render(<DetailView id="s1" />);
    expect(await screen.findByText('统一归档')).toBeTruthy();
    expect(screen.queryByText('统一公开')).toBeNull();
    second.unmount();
    closed([]);
    render(<DetailView id="s1" />);
    await screen.findByText('建议内容');
    expect(screen.queryByText('统一公开')).toBeNull();
    expect(screen.queryByText('统一归档')).toBeNull();
    navigate.mockRestore();
  });
});
