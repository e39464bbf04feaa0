import { render, screen, waitFor } from '@testing-library/react';
import { RequestView } from '../../src/pages/work/request';
import { ContactView } from '../../src/pages/work/contact';
import { OpinionView } from '../../src/pages/work/opinion';
import { fail, installFakeServer, ok, type FakeServer } from './fake-server';
import { CLOCK, detail, meResult, task } from './fixtures';
import { tap, typeInto } from './form-helpers';

let server: FakeServer;
let done: jest.Mock;
beforeEach(() => {
  server = installFakeServer();
  done = jest.fn();
});

const withTask = (allowedActions: string[], extra = {}) =>
  server.on('suggestions.get', ok(detail({ tasks: [task({ allowedActions: allowedActions as never, ...extra })] })));

describe('a form page that acts on a task', () => {
  it('shows a loading state while the task is read', async () => {
    const held = server.hold('suggestions.get');
    withTask(['tasks.requestReturn']);
    render(<RequestView suggestionId="s1" taskId="t1" kind="return" onDone={done} />);
    expect(screen.getByText('正在加载…')).toBeTruthy();
    held.release();
    expect(await screen.findByText('提交退回申请')).toBeTruthy();
  });

  it('shows the server message when the task cannot be read', async () => {
    server.on('suggestions.get', fail('FORBIDDEN', '您没有办理此事项的权限'));
    render(<RequestView suggestionId="s1" taskId="t1" kind="return" onDone={done} />);
    expect(await screen.findByText('您没有办理此事项的权限')).toBeTruthy();
  });

  it('says so when the task is not on the suggestion', async () => {
    withTask(['tasks.requestReturn']);
    render(<RequestView suggestionId="s1" taskId="other" kind="return" onDone={done} />);
    expect(await screen.findByText('没有找到该办理任务')).toBeTruthy();
  });

  it('shows no form when the server does not allow the action now', async () => {
    withTask(['tasks.logContact']);
    render(<RequestView suggestionId="s1" taskId="t1" kind="return" onDone={done} />);
    expect(await screen.findByText('当前状态下不能进行此操作')).toBeTruthy();
    expect(screen.queryByText('提交退回申请')).toBeNull();
  });
});

describe('a form whose action the server holds up', () => {
  it('says why, in the server’s words', async () => {
    withTask(['tasks.logContact'], { blockedActions: [{ action: 'tasks.requestExtension', label: '申请延期', reason: '已有待审批的延期申请' }] });
    render(<RequestView suggestionId="s1" taskId="t1" kind="extension" onDone={done} />);
    expect(await screen.findByText('已有待审批的延期申请')).toBeTruthy();
    expect(screen.queryByText('提交延期申请')).toBeNull();
  });
});

describe('asking for a return', () => {
  it('needs a reason, then sends it with the task version and finishes', async () => {
    withTask(['tasks.requestReturn']);
    server.on('tasks.requestReturn', ok({ task: task() }));
    render(<RequestView suggestionId="s1" taskId="t1" kind="return" onDone={done} />);
    expect(await screen.findByText('申请退回须在 2026-03-06 前提出，由交办机关决定。')).toBeTruthy();
    tap('提交退回申请');
    expect(await screen.findByText('请填写申请退回的理由')).toBeTruthy();
    expect(server.callsOf('tasks.requestReturn')).toHaveLength(0);
    await typeInto('return-reason', '该事项属于市住房城乡建设局职责');
    tap('提交退回申请');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(server.callsOf('tasks.requestReturn')[0]!.data).toEqual({ taskId: 't1', version: 3, reason: '该事项属于市住房城乡建设局职责' });
  });

  it('shows the server refusal when the window has closed', async () => {
    withTask(['tasks.requestReturn']);
    server.on('tasks.requestReturn', fail('DEADLINE', '已超过申请退回的期限'));
    render(<RequestView suggestionId="s1" taskId="t1" kind="return" onDone={done} />);
    await screen.findByText('提交退回申请');
    await typeInto('return-reason', '不属于本单位职责');
    tap('提交退回申请');
    expect(await screen.findByText('已超过申请退回的期限')).toBeTruthy();
    expect(done).not.toHaveBeenCalled();
  });
});

describe('asking for an extension', () => {
  it('needs a reason and a date, sends both, and shows the server’s word on a malformed date', async () => {
    withTask(['tasks.requestExtension']);
    server.on('tasks.requestExtension', (request) =>
      (request.data as { requestedDue: string }).requestedDue === '2026-08-31' ? ok({ task: task() }) : fail('VALIDATION', '申请延期的日期格式有误'),
    );
    render(<RequestView suggestionId="s1" taskId="t1" kind="extension" onDone={done} />);
    await screen.findByText('提交延期申请');
    tap('提交延期申请');
    expect(await screen.findByText('请填写申请延期的理由')).toBeTruthy();
    await typeInto('extension-reason', '需要等待年度预算批复');
    await typeInto('extension-due', '2026年8月');
    tap('提交延期申请');
    expect(await screen.findByText('申请延期的日期格式有误')).toBeTruthy();
    await typeInto('extension-due', '2026-08-31');
    tap('提交延期申请');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(server.callsOf('tasks.requestExtension').at(-1)!.data).toEqual({
      taskId: 't1',
      version: 3,
      reason: '需要等待年度预算批复',
      requestedDue: '2026-08-31',
    });
  });

  it('states the cap the server’s policy sets, not a figure of its own', async () => {
    const note = '现答复期限为 2026-06-01；延期须经交办机关同意，延期后的答复期限最迟为 2026-07-01（交办之日起4个月）。';
    withTask(['tasks.requestExtension'], { policy: { extensionCap: '2026-07-01', extensionNote: note, returnNote: '' } });
    render(<RequestView suggestionId="s1" taskId="t1" kind="extension" onDone={done} />);
    expect(await screen.findByText(note)).toBeTruthy();
    expect(document.body.textContent).not.toContain('六个月');
  });
});

describe('recording a 面复', () => {
  it('sends when, how, who and what in Beijing time, as a face-to-face reply by default', async () => {
    withTask(['tasks.logContact']);
    server.on('me', ok(meResult(null, [], CLOCK)));
    server.on('tasks.logContact', ok({ id: 'c1' }));
    // The form starts at the server's Beijing date and time (me.clock), whatever the phone's clock says.
    render(<ContactView suggestionId="s1" taskId="t1" onDone={done} />);
    await screen.findByText('保存记录');
    // Nothing is chosen for the person: the mode comes first, and nothing is a 面复 by default.
    expect(document.querySelector('#contact-mode .choice-on')).toBeNull();
    expect(screen.queryByText('是否当面答复（面复）')).toBeNull();
    tap('保存记录');
    expect(await screen.findByText('请先选择沟通方式')).toBeTruthy();
    tap('电话（不计为面复）');
    tap('保存记录');
    expect(await screen.findByText('请填写参加人员')).toBeTruthy();
    await typeInto('contact-people', '王代表；张承办');
    await typeInto('contact-notes', '当面听取代表意见，介绍办理计划');
    await typeInto('contact-place', '代表之家');
    tap('座谈（计为面复）');
    tap('保存记录');
    // Saved: the page offers photos and scans of the record before it goes back.
    expect(await screen.findByText('记录已保存。可以添加现场照片或代表签字的面复记录扫描件。')).toBeTruthy();
    expect(screen.getByText('添加照片')).toBeTruthy();
    expect(done).not.toHaveBeenCalled();
    tap('完成');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(server.callsOf('tasks.logContact')[0]!.data).toEqual({
      taskId: 't1',
      at: '2026-03-20T01:30:00.000Z',
      mode: 'forum',
      place: '代表之家',
      people: '王代表；张承办',
      notes: '当面听取代表意见，介绍办理计划',
    });
  });

  it('shows the hour of 交办 (Beijing), which a contact that day may not precede, and the server’s refusal', async () => {
    // Assigned 2026-03-20 10:00 in Beijing; the page showed only the date, so an 08:30 contact was refused unexplained.
    withTask(['tasks.logContact'], { assignedAt: '2026-03-20T02:00:00.000Z', assignedDate: '2026-03-20' });
    server.on('me', ok(meResult(null, [], CLOCK)));
    server.on('tasks.logContact', fail('VALIDATION', '「时间」不能早于交办时间（2026-03-20 10:00）'));
    render(<ContactView suggestionId="s1" taskId="t1" onDone={done} />);
    expect((await screen.findByText(/交办时间：/)).textContent).toBe('交办时间：2026-03-20 10:00（沟通时间不能早于交办时间）');
    tap('见面（计为面复）');
    await typeInto('contact-time', '08:30');
    await typeInto('contact-people', '王代表');
    await typeInto('contact-notes', '当面听取意见');
    tap('保存记录');
    expect(await screen.findByText('「时间」不能早于交办时间（2026-03-20 10:00）')).toBeTruthy();
    expect(server.callsOf('tasks.logContact')[0]!.data).toMatchObject({ at: '2026-03-20T00:30:00.000Z' });
  });

  it('refuses a malformed time before sending', async () => {
    withTask(['tasks.logContact']);
    server.on('me', ok(meResult(null)));
    render(<ContactView suggestionId="s1" taskId="t1" onDone={done} />);
    await screen.findByText('保存记录');
    tap('见面（计为面复）');
    await typeInto('contact-time', '九点半');
    tap('保存记录');
    expect(await screen.findByText(/请按“年-月-日”和“时:分”填写时间/)).toBeTruthy();
    expect(server.callsOf('tasks.logContact')).toHaveLength(0);
  });
});

describe("a co-handler's opinion", () => {
  it('is sent to the lead unit with a contact person', async () => {
    withTask(['tasks.submitOpinion'], { role: 'co', roleLabel: '会办', due: { reply: '2026-06-01', returnWindow: '2026-03-06', coOpinion: '2026-04-01' } });
    server.on('tasks.submitOpinion', ok({ task: task() }));
    render(<OpinionView suggestionId="s1" taskId="t1" onDone={done} />);
    expect(await screen.findByText('请于 2026-04-01 前将书面意见送主办单位。')).toBeTruthy();
    await typeInto('opinion-text', '同意主办单位的意见');
    tap('送主办单位');
    expect(await screen.findByText('请填写联系人姓名和电话')).toBeTruthy();
    await typeInto('opinion-name', '陈科长');
    await typeInto('opinion-phone', '053188888888');
    tap('送主办单位');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(server.callsOf('tasks.submitOpinion')[0]!.data).toEqual({
      taskId: 't1',
      version: 3,
      text: '同意主办单位的意见',
      contact: { name: '陈科长', phone: '053188888888' },
    });
  });
});
