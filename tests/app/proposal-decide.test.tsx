// The coordinator's 立案审查 and an invited deputy's answer: a return or a letter needs its reason,
// asked for before the confirmation of a step that cannot be undone; a cancelled confirmation sends
// nothing; after 立案 the 建议号 and the way to the suggestion.
import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ProposalView } from '../../src/contract';
import { ProposalPageView } from '../../src/pages/proposals/view';
import { installFakeServer, ok, type FakeServer } from './fake-server';
import { proposal } from './fixtures';
import { choose, tap, typeInto } from './form-helpers';

let server: FakeServer;
beforeEach(() => {
  server = installFakeServer();
  modal().mockClear();
});
const modal = () => Taro.showModal as unknown as jest.Mock;

const submitted = (extra: Partial<ProposalView> = {}): ProposalView =>
  proposal({
    title: '关于增设公交夜班线路的建议',
    content: '建议增设夜班公交线路。',
    problem: '夜间出行不便。',
    measures: '先在主干道试点两条夜班线路。',
    state: 'submitted',
    submittedAt: '2026-12-01T02:00:00.000Z',
    coSigners: [{ userId: 'u2', name: '李秀英', delegation: '章丘区代表团' }],
    actions: ['proposals.decide'],
    version: 3,
    ...extra,
  });

describe('立案审查', () => {
  it('asks for the reason of a return before any confirmation, then sends it with the version seen', async () => {
    server.on('proposals.get', ok(submitted()));
    server.on('proposals.decide', ok({ proposal: submitted({ state: 'returned', reason: '请补充客流测算', actions: [] }) }));
    render(<ProposalPageView id="p1" />);
    expect(await screen.findByText(/附议代表：李秀英/)).toBeTruthy();
    choose('decision-return');
    tap('确定');
    expect(await screen.findByText('请填写退回修改的理由')).toBeTruthy();
    expect(modal()).not.toHaveBeenCalled();
    await typeInto('decision-reason', '请补充客流测算');
    modal().mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    tap('确定');
    await waitFor(() => expect(modal()).toHaveBeenCalledTimes(1));
    expect(server.callsOf('proposals.decide')).toHaveLength(0);
    tap('确定');
    expect(await screen.findByText('已退回领衔代表修改')).toBeTruthy();
    expect(server.callsOf('proposals.decide')[0]!.data).toEqual({ id: 'p1', version: 3, decision: 'return', reason: '请补充客流测算' });
  });

  it('turns nothing into a letter without a reason', async () => {
    server.on('proposals.get', ok(submitted()));
    render(<ProposalPageView id="p1" />);
    await screen.findByText('立案审查');
    choose('decision-reject');
    tap('确定');
    expect(await screen.findByText('请填写转来信处理的理由')).toBeTruthy();
    expect(modal()).not.toHaveBeenCalled();
    expect(server.callsOf('proposals.decide')).toHaveLength(0);
  });

  it('立案: confirms, then shows the 建议号 and the way to the suggestion', async () => {
    server.on('proposals.get', ok(submitted()));
    server.on('proposals.decide', ok({ proposal: submitted({ state: 'accepted', number: '1010', suggestionId: 's9', actions: [] }), suggestionId: 's9', number: '1010' }));
    render(<ProposalPageView id="p1" />);
    await screen.findByText('立案审查');
    choose('decision-accept');
    tap('确定');
    expect(await screen.findByText('已立案，建议号 1010')).toBeTruthy();
    expect(modal().mock.calls[0][0]).toMatchObject({ title: '立案', content: expect.stringContaining('生成建议号') });
    expect(server.callsOf('proposals.decide')[0]!.data).toEqual({ id: 'p1', version: 3, decision: 'accept' });
    expect(screen.getByText('查看建议（交办）')).toBeTruthy();
  });
});

describe('an invitation to co-sign', () => {
  it('reads the proposal and accepts it', async () => {
    const invited = submitted({ state: 'draft', coSigners: [], actions: ['proposals.respond'], myInvitation: { userId: 'me', name: '李秀英', state: 'invited', answerByDate: '2026-12-05' } });
    server.on('proposals.get', ok(invited));
    server.on('proposals.respond', ok({ ...invited, actions: [], myInvitation: { ...invited.myInvitation!, state: 'accepted' } }));
    render(<ProposalPageView id="p1" />);
    expect(await screen.findByText('夜间出行不便。')).toBeTruthy();
    expect(screen.getByText(/请于 2026-12-05 前答复/)).toBeTruthy();
    tap('同意附议');
    expect(await screen.findByText('我的答复：同意附议')).toBeTruthy();
    expect(server.callsOf('proposals.respond')[0]!.data).toEqual({ id: 'p1', accept: true });
    expect(screen.queryByText('谢绝附议')).toBeNull();
  });
});
