import { render, screen, waitFor } from '@testing-library/react';
import type { ReplyView } from '../../src/contract';
import { DraftView } from '../../src/pages/work/draft';
import { ReviewView } from '../../src/pages/work/review';
import { installFakeServer, ok, fail, type FakeServer } from './fake-server';
import { detail, task } from './fixtures';
import { tap, typeInto } from './form-helpers';

let server: FakeServer;
let done: jest.Mock;
beforeEach(() => {
  server = installFakeServer();
  done = jest.fn();
});

const draftReply = (overrides: Partial<ReplyView> = {}): ReplyView => ({
  id: 'r1', taskId: 't1', unitName: '市发展改革委', round: 1, class: 'A', classLabel: 'A类（已解决或基本解决）',
  text: '已在 12 个小区建成充电桩。', leaderContact: { name: '李主任', phone: '05311' }, handlerContact: { name: '张承办', phone: '05312' },
  signed: false, reviews: [], version: 1, ...overrides,
});

async function fillReply() {
  await typeInto('reply-text', '一、关于充电桩建设……');
  await typeInto('leader-name', '李主任');
  await typeInto('leader-phone', '05311');
  await typeInto('handler-name', '张承办');
  await typeInto('handler-phone', '05312');
}

describe('drafting a reply', () => {
  it('asks for the class first, then saves the draft with the contacts', async () => {
    server.on('suggestions.get', ok(detail({ tasks: [task({ allowedActions: ['tasks.saveDraft'] })] })));
    server.on('tasks.saveDraft', ok({ task: task({ version: 4, allowedActions: ['tasks.saveDraft', 'tasks.submitDraft'] }) }));
    render(<DraftView suggestionId="s1" taskId="t1" onDone={done} />);
    await screen.findByText('保存草稿');
    tap('保存草稿');
    expect(await screen.findByText('请选择答复类别（A、B、C、D）')).toBeTruthy();
    tap('A类 已解决或基本解决');
    await fillReply();
    tap('保存草稿');
    expect(await screen.findByText('草稿已保存')).toBeTruthy();
    expect(server.callsOf('tasks.saveDraft')[0]!.data).toEqual({
      taskId: 't1',
      version: 3,
      class: 'A',
      text: '一、关于充电桩建设……',
      leaderContact: { name: '李主任', phone: '05311' },
      handlerContact: { name: '张承办', phone: '05312' },
    });
    expect(done).not.toHaveBeenCalled();
  });

  it('asks for the promise of a B reply and submits after saving when the server then allows it', async () => {
    server.on('suggestions.get', ok(detail({ tasks: [task({ allowedActions: ['tasks.saveDraft'] })] })));
    // The server judges the promise of a B reply; its message is the one shown.
    server.on('tasks.saveDraft', (request) =>
      (request.data as { commitment?: { promise: string } }).commitment?.promise
        ? ok({ task: task({ version: 4, allowedActions: ['tasks.submitDraft'] }) })
        : fail('VALIDATION', '「承诺事项」不能为空'),
    );
    server.on('tasks.submitDraft', ok({ task: task({ version: 5 }) }));
    render(<DraftView suggestionId="s1" taskId="t1" onDone={done} />);
    await screen.findByText('保存并提交审核');
    tap('B类 正在解决或列入计划');
    await fillReply();
    tap('保存并提交审核');
    expect(await screen.findByText('「承诺事项」不能为空')).toBeTruthy();
    await typeInto('reply-promise', '年底前再建 50 个');
    await typeInto('reply-target', '2026-12-31');
    tap('保存并提交审核');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(server.callsOf('tasks.saveDraft').at(-1)!.data).toMatchObject({ class: 'B', commitment: { promise: '年底前再建 50 个', targetDate: '2026-12-31' } });
    expect(server.callsOf('tasks.submitDraft')[0]!.data).toEqual({ taskId: 't1', version: 4 });
  });

  it('starts from the unsigned draft of the current round', async () => {
    server.on('suggestions.get', ok(detail({ tasks: [task({ allowedActions: ['tasks.saveDraft'] })], replies: [draftReply()] })));
    render(<DraftView suggestionId="s1" taskId="t1" onDone={done} />);
    await screen.findByText('✓ A类 已解决或基本解决');
    // The Taro textarea fills its native element a moment after it is attached.
    await waitFor(() => expect((document.querySelector('#reply-text textarea') as HTMLTextAreaElement | null)?.value).toBe('已在 12 个小区建成充电桩。'));
    await waitFor(() => expect((document.querySelector('#leader-name input') as HTMLInputElement | null)?.value).toBe('李主任'));
  });

  it('shows why the server holds up 提交审核 where that button would be, once, before and after saving', async () => {
    const reason = '尚有1家会办单位未送会办意见，主办单位需汇总会办意见后再答复';
    const heldUp = { action: 'tasks.submitDraft' as const, label: '提交审核', reason };
    server.on('suggestions.get', ok(detail({ tasks: [task({ allowedActions: ['tasks.saveDraft'], blockedActions: [heldUp] })] })));
    server.on('tasks.saveDraft', ok({ task: task({ version: 4, allowedActions: ['tasks.saveDraft'], blockedActions: [heldUp] }) }));
    render(<DraftView suggestionId="s1" taskId="t1" onDone={done} />);
    expect(await screen.findByText(`提交审核：${reason}`)).toBeTruthy();
    expect(screen.queryByText('保存并提交审核')).toBeNull();
    tap('A类 已解决或基本解决');
    await fillReply();
    tap('保存草稿');
    expect(await screen.findByText('草稿已保存')).toBeTruthy();
    expect(screen.getAllByText(new RegExp(reason))).toHaveLength(1);
    expect(screen.queryByText('草稿已保存，但当前还不能提交审核')).toBeNull();
  });

  it('does not repeat 请先保存答复稿 on the page whose button saves', async () => {
    const unsaved = { action: 'tasks.submitDraft' as const, label: '提交审核', reason: '请先保存答复稿' };
    server.on('suggestions.get', ok(detail({ tasks: [task({ allowedActions: ['tasks.saveDraft'], blockedActions: [unsaved] })] })));
    render(<DraftView suggestionId="s1" taskId="t1" onDone={done} />);
    expect(await screen.findByText('保存并提交审核')).toBeTruthy();
    expect(screen.queryByText(/请先保存答复稿/)).toBeNull();
  });

  it('starts a second round with the previous round’s contacts, and a first draft with the 办理责任人’s name and roster phone', async () => {
    const signed = draftReply({ signed: true, round: 1 });
    server.on('suggestions.get', ok(detail({ tasks: [task({ round: 2, allowedActions: ['tasks.saveDraft'] })], replies: [signed] })));
    const { unmount } = render(<DraftView suggestionId="s1" taskId="t1" onDone={done} />);
    await screen.findByText('保存草稿');
    await waitFor(() => expect((document.querySelector('#leader-name input') as HTMLInputElement | null)?.value).toBe('李主任'));
    await waitFor(() => expect((document.querySelector('#handler-phone input') as HTMLInputElement | null)?.value).toBe('05312'));
    // The text of the new round is the handler's to write.
    expect((document.querySelector('#reply-text textarea') as HTMLTextAreaElement | null)?.value ?? '').toBe('');
    unmount();
    server.on('suggestions.get', ok(detail({ tasks: [task({ responsibleName: '刘洋', responsiblePhone: '13912340001', allowedActions: ['tasks.saveDraft'] })] })));
    render(<DraftView suggestionId="s1" taskId="t1" onDone={done} />);
    await screen.findByText('保存草稿');
    await waitFor(() => expect((document.querySelector('#handler-name input') as HTMLInputElement | null)?.value).toBe('刘洋'));
    // The 办理责任人's phone from the roster (the server gives it to those who write the reply).
    await waitFor(() => expect((document.querySelector('#handler-phone input') as HTMLInputElement | null)?.value).toBe('13912340001'));
  });

  it('lets the lead unit cite the co-handlers’ opinions', async () => {
    server.on(
      'suggestions.get',
      ok(
        detail({
          tasks: [task({ allowedActions: ['tasks.saveDraft'] })],
          replies: [draftReply()],
          opinions: [{ id: 'o1', taskId: 't2', unitName: '市住房城乡建设局', text: '支持在小区内选址', contact: { name: '陈科长', phone: '1' }, createdAt: '2026-03-10T00:00:00.000Z' }],
        }),
      ),
    );
    server.on('tasks.saveDraft', ok({ task: task({ version: 4, allowedActions: [] }) }));
    render(<DraftView suggestionId="s1" taskId="t1" onDone={done} />);
    await screen.findByText('在答复中引用');
    tap('在答复中引用');
    tap('保存并提交审核');
    expect(await screen.findByText('草稿已保存，但当前还不能提交审核')).toBeTruthy();
    expect(server.callsOf('tasks.saveDraft')[0]!.data).toMatchObject({ coOpinionIds: ['o1'] });
    expect(server.callsOf('tasks.submitDraft')).toHaveLength(0);
  });
});

describe('reviewing and signing', () => {
  const inReview = () =>
    server.on('suggestions.get', ok(detail({ tasks: [task({ state: 'inReview', stateLabel: '待审核', allowedActions: ['tasks.review'] })], replies: [draftReply()] })));

  it('shows the draft and approves it', async () => {
    inReview();
    server.on('tasks.review', ok({ task: task() }));
    render(<ReviewView suggestionId="s1" taskId="t1" onDone={done} />);
    expect(await screen.findByText('已在 12 个小区建成充电桩。')).toBeTruthy();
    expect(screen.getByText('草稿（未签发）')).toBeTruthy();
    expect(screen.queryByText('签发答复')).toBeNull();
    tap('审核通过');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(server.callsOf('tasks.review')[0]!.data).toEqual({ taskId: 't1', version: 3, decision: 'approve' });
  });

  it('sends the draft back only with a comment, as the server says', async () => {
    inReview();
    server.on('tasks.review', (request) => ((request.data as { comment?: string }).comment ? ok({ task: task() }) : fail('VALIDATION', '退回修改时请填写意见')));
    render(<ReviewView suggestionId="s1" taskId="t1" onDone={done} />);
    await screen.findByText('退回修改');
    tap('退回修改');
    expect(await screen.findByText('退回修改时请填写意见')).toBeTruthy();
    await typeInto('review-comment', '请逐条答复代表的三点建议');
    tap('退回修改');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(server.callsOf('tasks.review').at(-1)!.data).toEqual({ taskId: 't1', version: 3, decision: 'reject', comment: '请逐条答复代表的三点建议' });
  });

  it('lets the leader sign an approved reply', async () => {
    server.on(
      'suggestions.get',
      ok(detail({ tasks: [task({ state: 'awaitingSignature', stateLabel: '待签发', allowedActions: ['tasks.sign'] })], replies: [draftReply({ reviews: [{ byName: '周处长', at: '2026-03-25T00:00:00.000Z', decision: 'approve' }] })] })),
    );
    server.on('tasks.sign', fail('INVALID_TRANSITION', '会办单位意见尚未全部送达，不能签发'));
    render(<ReviewView suggestionId="s1" taskId="t1" onDone={done} />);
    expect(await screen.findByText('审核：周处长 通过')).toBeTruthy();
    expect(screen.queryByText('审核通过')).toBeNull();
    tap('签发答复');
    expect(await screen.findByText('会办单位意见尚未全部送达，不能签发')).toBeTruthy();
    expect(server.callsOf('tasks.sign')[0]!.data).toEqual({ taskId: 't1', version: 3 });
    expect(done).not.toHaveBeenCalled();
  });
});
