import { render, screen, waitFor } from '@testing-library/react';
import type { ProposalView } from '../../src/contract';
import { ProposalEditView } from '../../src/pages/proposals/edit';
import { fail, installFakeServer, ok, type FakeServer } from './fake-server';
import { proposal } from './fixtures';
import { typeInto } from './form-helpers';

// The deputy's draft form saves as he types: once after a pause, then with the id and version it got;
// 保存中 / 已保存 shown; what is unsaved is sent when he leaves the page; a refused save keeps the text
// and says why; 提交 gives way to the server's reason with the phase's dates.
let server: FakeServer;
let version = 0;
const view = (data: Record<string, unknown>, extra: Partial<ProposalView> = {}): ProposalView =>
  proposal({
    title: String(data.title ?? ''),
    content: String(data.content ?? ''),
    problem: String(data.problem ?? ''),
    measures: String(data.measures ?? ''),
    submitRefusal: '十八届二次闭会期间建议提交期为2026-12-10至2026-12-31，尚未开始，现在不能提交',
    version,
    ...extra,
  });
beforeEach(() => {
  window.localStorage.clear();
  version = 0;
  server = installFakeServer();
  server.on('proposals.save', (request) => {
    version += 1;
    return ok(view(request.data as Record<string, unknown>));
  });
});
const saves = () => server.callsOf('proposals.save').map((r) => r.data as Record<string, unknown>);
const SLOW = { timeout: 4000 };

describe('the draft form', () => {
  it('saves after a pause in typing, first as a new draft, then with its id and version', async () => {
    render(<ProposalEditView onSubmitted={() => undefined} />);
    expect((await screen.findAllByText('开始填写后自动保存')).length).toBeGreaterThan(0);
    await typeInto('proposal-title', '关于增设');
    await typeInto('proposal-title', '关于增设社区食堂的建议');
    expect(saves()).toHaveLength(0); // not on every key
    await waitFor(() => expect(saves()).toHaveLength(1), SLOW);
    expect(saves()[0]).toEqual({ title: '关于增设社区食堂的建议', content: '', problem: '', measures: '' });
    expect((await screen.findAllByText('已保存')).length).toBeGreaterThan(0);
    await typeInto('proposal-problem', '老年人就餐不便');
    await waitFor(() => expect(saves()).toHaveLength(2), SLOW);
    expect(saves()[1]).toEqual({ id: 'p1', version: 1, title: '关于增设社区食堂的建议', content: '', problem: '老年人就餐不便', measures: '' });
    // 提交 is not offered: the server's reason stands in its place, with the phase's dates.
    expect(await screen.findByText(/2026-12-10至2026-12-31，尚未开始，现在不能提交/)).toBeTruthy();
    expect(screen.queryByText('提交建议', { selector: '#submit-proposal-btn' })).toBeNull();
  });

  it('shows 保存中 while the save is under way and carries what was typed meanwhile in the next save', async () => {
    render(<ProposalEditView onSubmitted={() => undefined} />);
    const held = server.hold('proposals.save');
    await typeInto('proposal-title', '标题一');
    expect((await screen.findAllByText('保存中…', undefined, SLOW)).length).toBeGreaterThan(0);
    await typeInto('proposal-content', '正文在保存时输入');
    held.release();
    await waitFor(() => expect(saves()).toHaveLength(2), SLOW);
    expect(saves()[1]).toMatchObject({ id: 'p1', version: 1, title: '标题一', content: '正文在保存时输入' });
    await waitFor(() => expect(screen.getAllByText('已保存').length).toBeGreaterThan(0), SLOW);
  });

  it('sends what is not saved yet when the page is left', async () => {
    const page = render(<ProposalEditView onSubmitted={() => undefined} />);
    await typeInto('proposal-measures', '利用闲置用房改建社区食堂');
    page.unmount();
    await waitFor(() => expect(saves()).toHaveLength(1));
    expect(saves()[0]).toMatchObject({ measures: '利用闲置用房改建社区食堂' });
  });

  it('keeps the text when a save is refused, says why, and saves it with 重试', async () => {
    server.on('proposals.save', fail('INTERNAL', '网络不稳定，请稍后重试'));
    render(<ProposalEditView onSubmitted={() => undefined} />);
    await typeInto('proposal-title', '不能丢的标题');
    expect((await screen.findAllByText(/网络不稳定，请稍后重试/, undefined, SLOW)).length).toBeGreaterThan(0);
    expect((document.querySelector('#proposal-title input') as HTMLInputElement).value).toBe('不能丢的标题');
    server.on('proposals.save', (request) => {
      version += 1;
      return ok(view(request.data as Record<string, unknown>));
    });
    (document.querySelector('#save-state-retry') as HTMLElement).click();
    await waitFor(() => expect(screen.getAllByText('已保存').length).toBeGreaterThan(0), SLOW);
    expect(saves().at(-1)).toMatchObject({ title: '不能丢的标题' });
  });

  it('keeps on the phone what a failed save could not send as he left, and offers it again next time', async () => {
    server.on('proposals.save', fail('INTERNAL', '网络连接失败，请检查网络后重试'));
    const first = render(<ProposalEditView onSubmitted={() => undefined} />);
    await typeInto('proposal-title', '断网时写的标题');
    await typeInto('proposal-content', '断网时写的内容');
    first.unmount();
    await waitFor(() => expect(saves()).toHaveLength(1));
    server.on('proposals.save', (request) => {
      version += 1;
      return ok(view(request.data as Record<string, unknown>));
    });
    render(<ProposalEditView onSubmitted={() => undefined} />);
    expect(await screen.findByText('已恢复上次未保存的内容')).toBeTruthy();
    await waitFor(() => expect((document.querySelector('#proposal-content textarea') as HTMLTextAreaElement | null)?.value).toBe('断网时写的内容'));
    await waitFor(() => expect(saves()).toHaveLength(2), SLOW);
    expect(saves()[1]).toEqual({ title: '断网时写的标题', content: '断网时写的内容', problem: '', measures: '' });
    await waitFor(() => expect(screen.getAllByText('已保存').length).toBeGreaterThan(0), SLOW);
    // Saved: the copy is dropped, and the next new draft starts empty.
    await waitFor(() => expect(Object.keys(window.localStorage).filter((k) => k.includes('proposal-unsaved'))).toEqual([]));
  });

  it('opens a returned proposal with the office’s reason, editable', async () => {
    version = 4;
    server.on('proposals.get', ok(view(DRAFT, { state: 'returned', reason: '请补充具体的选址和经费测算', actions: ['proposals.save', 'proposals.invite', 'proposals.submit'], submitRefusal: undefined })));
    render(<ProposalEditView id="p1" onSubmitted={() => undefined} />);
    expect(await screen.findByText(/联络员退回修改的理由：请补充具体的选址和经费测算/)).toBeTruthy();
    await waitFor(() => expect((document.querySelector('#proposal-title input') as HTMLInputElement | null)?.value).toBe(DRAFT.title));
    expect(screen.getByText('提交建议')).toBeTruthy();
    await typeInto('proposal-measures', '在三个街道先行试点');
    await waitFor(() => expect(saves()).toHaveLength(1), SLOW);
    expect(saves()[0]).toMatchObject({ id: 'p1', version: 4, measures: '在三个街道先行试点' });
  });
});

const DRAFT = { title: '关于增设社区食堂的建议', content: '建议在老旧小区增设社区食堂。', problem: '老年人就餐不便。', measures: '利用闲置用房改建社区食堂。' };
