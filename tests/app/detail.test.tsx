import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { DetailView } from '../../src/pages/work/detail';
import { fail, installFakeServer, ok, type FakeServer } from './fake-server';
import { detail, task } from './fixtures';

let server: FakeServer;
let navigate: jest.SpyInstance;
beforeEach(() => {
  server = installFakeServer();
  navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
});
afterEach(() => navigate.mockRestore());

describe('the suggestion detail page', () => {
  it('shows a loading state, then the text, the units with their roles and the deadlines', async () => {
    const held = server.hold('suggestions.get');
    const co = task({
      id: 't2',
      unitId: 'u2',
      unitName: '市住房城乡建设局',
      role: 'co',
      roleLabel: '会办',
      due: { reply: '2026-06-01', returnWindow: '2026-03-06', coOpinion: '2026-04-01' },
      deadlines: [
        { kind: 'reply', label: '答复期限', date: '2026-06-01', active: false },
        { kind: 'coOpinion', label: '会办意见期限', date: '2026-04-01', active: true, daysLeftText: '剩余12天', overdue: false, atRisk: false },
      ],
    });
    server.on('suggestions.get', ok(detail({ tasks: [task(), co] })));
    render(<DetailView id="s1" />);
    expect(screen.getByText('正在加载…')).toBeTruthy();
    held.release();
    expect(await screen.findByText('建议在老旧小区加快建设公共充电桩。')).toBeTruthy();
    expect(server.callsOf('suggestions.get')[0]!.data).toEqual({ id: 's1' });
    expect(screen.getByText('市发展改革委（主办）')).toBeTruthy();
    expect(screen.getByText('市住房城乡建设局（会办）')).toBeTruthy();
    expect(screen.getByText(/会办意见期限：2026-04-01/).textContent).toBe('会办意见期限：2026-04-01（剩余12天）');
    expect(screen.getByText('领衔代表：王代表')).toBeTruthy();
  });

  it('prints the days left beside the deadline they count down to: the re-handling one after 不满意', async () => {
    const rehandling = task({
      state: 'rehandling',
      stateLabel: '重新办理',
      round: 2,
      due: { reply: '2027-01-08', returnWindow: '2026-10-13', rehandling: '2026-12-27' },
      activeDeadline: 'rehandling',
      daysLeftText: '剩余30天',
      deadlines: [
        { kind: 'reply', label: '答复期限', date: '2027-01-08', active: false },
        { kind: 'rehandling', label: '重新办理期限', date: '2026-12-27', active: true, daysLeftText: '剩余30天', overdue: false, atRisk: false },
      ],
    });
    server.on('suggestions.get', ok(detail({ tasks: [rehandling] })));
    render(<DetailView id="s1" />);
    const line = await screen.findByText(/重新办理期限：2026-12-27/);
    expect(line.textContent).toContain('剩余30天');
    expect(screen.getByText(/答复期限：2027-01-08/).textContent).not.toContain('剩余');
  });

  it('marks an overdue deadline by the server’s flag', async () => {
    const late = task({
      deadlines: [{ kind: 'reply', label: '答复期限', date: '2026-06-01', active: true, daysLeftText: '已超期3天', overdue: true, atRisk: false }],
      overdue: true,
    });
    server.on('suggestions.get', ok(detail({ tasks: [late] })));
    render(<DetailView id="s1" />);
    expect((await screen.findByText('（已超期3天）')).className).toContain('overdue');
  });

  it('prints 交办时间 as the server’s Beijing date and hour: an assignment at 01:00 Beijing time is not a day early', async () => {
    // 2026-03-01T17:00:00Z is 2026-03-02 01:00 in Beijing; cutting the instant gave 2026-03-01.
    server.on('suggestions.get', ok(detail({ assignedAt: '2026-03-01T17:00:00.000Z', assignedDate: '2026-03-02' })));
    render(<DetailView id="s1" />);
    expect((await screen.findByText(/交办时间/)).textContent).toBe('交办时间：2026-03-02 01:00');
  });

  it('says why the caller’s next step must wait, in the server’s words', async () => {
    const waiting = task({
      state: 'awaitingSignature',
      stateLabel: '待签发',
      allowedActions: ['tasks.logContact'],
      blockedActions: [{ action: 'tasks.sign', label: '签发答复', reason: '请先登记与代表的面复记录，再签发答复' }],
    });
    server.on('suggestions.get', ok(detail({ tasks: [waiting] })));
    render(<DetailView id="s1" />);
    expect(await screen.findByText('签发答复：请先登记与代表的面复记录，再签发答复')).toBeTruthy();
    expect(screen.queryByText('签发答复', { selector: 'taro-button-core' })).toBeNull();
  });

  it('shows the server message and a retry when the suggestion cannot be read', async () => {
    server.on('suggestions.get', fail('NOT_FOUND', '没有找到相关记录'));
    render(<DetailView id="nope" />);
    expect(await screen.findByText('没有找到相关记录')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });

  it('says so when the suggestion has not been assigned yet and offers no action', async () => {
    server.on('suggestions.get', ok(detail({ tasks: [], status: 'pending', statusLabel: '待交办' })));
    render(<DetailView id="s1" />);
    expect(await screen.findByText('尚未交办')).toBeTruthy();
    expect(document.querySelector('taro-button-core')).toBeNull();
  });

  it('shows only the buttons of the actions the server allows', async () => {
    server.on('suggestions.get', ok(detail({ tasks: [task({ allowedActions: ['tasks.logContact', 'tasks.saveDraft'] })] })));
    render(<DetailView id="s1" />);
    expect(await screen.findByText('记录面复/沟通')).toBeTruthy();
    expect(screen.getByText('起草答复')).toBeTruthy();
    expect(screen.queryByText('认领任务')).toBeNull();
    expect(screen.queryByText('签发答复')).toBeNull();
    expect(screen.queryByText('评价办理结果')).toBeNull();
    fireEvent.click(screen.getByText('记录面复/沟通'));
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/work/contact/index?id=s1&taskId=t1' });
  });

  it('says why an action is held up where the button would be, and what the task waits for', async () => {
    const reason = '需先登记面复记录（与代表见面、座谈或走访），才能签发答复';
    const waiting = '答复稿已审核通过，待承办人登记面复记录（与代表见面、座谈或走访）后，由单位负责人签发';
    server.on(
      'suggestions.get',
      ok(detail({ tasks: [task({ state: 'awaitingSignature', stateLabel: '待签发', allowedActions: [], blockedActions: [{ action: 'tasks.sign', label: '签发答复', reason }], waitingFor: waiting })] })),
    );
    render(<DetailView id="s1" />);
    expect(await screen.findByText(waiting)).toBeTruthy();
    expect(document.getElementById('blocked-tasks-sign')!.textContent).toBe(`签发答复：${reason}`);
    expect(document.getElementById('sign-btn')).toBeNull();
    // Said once, not twice (the card once printed every held-up reason above and below its buttons).
    expect(document.querySelectorAll('#blocked-tasks-sign')).toHaveLength(1);
    expect(document.body.textContent!.split(reason)).toHaveLength(2);
  });

  it('gives the coordinator the decisions and 催办 the server allows, each opening its page', async () => {
    server.on('suggestions.get', ok(detail({ tasks: [task({ allowedActions: ['tasks.decideExtension', 'tasks.urge'] })] })));
    render(<DetailView id="s1" />);
    expect(await screen.findByText('审批延期申请')).toBeTruthy();
    expect(screen.queryByText('审批退回申请')).toBeNull();
    fireEvent.click(screen.getByText('催办'));
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/office/decide/index?id=s1&taskId=t1&kind=urge' });
    fireEvent.click(screen.getByText('审批延期申请'));
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/office/decide/index?id=s1&taskId=t1&kind=extension' });
  });

  it('claims a task with the version it saw and reloads', async () => {
    let claimed = false;
    server.on('suggestions.get', () =>
      ok(detail({ tasks: [claimed ? task({ stateLabel: '办理中', responsibleName: '张承办' }) : task({ state: 'assigned', stateLabel: '待认领', allowedActions: ['tasks.claim'] })] })),
    );
    server.on('tasks.claim', () => {
      claimed = true;
      return ok({ task: task() });
    });
    render(<DetailView id="s1" />);
    fireEvent.click(await screen.findByText('认领任务'));
    expect(await screen.findByText('办理责任人：张承办')).toBeTruthy();
    expect(server.callsOf('tasks.claim')[0]!.data).toEqual({ taskId: 't1', version: 3 });
    expect(screen.queryByText('认领任务')).toBeNull();
  });

  it('shows why a claim was refused', async () => {
    server.on('suggestions.get', ok(detail({ tasks: [task({ allowedActions: ['tasks.claim'] })] })));
    server.on('tasks.claim', fail('CONFLICT', '该记录已被他人修改，请刷新后重试'));
    render(<DetailView id="s1" />);
    fireEvent.click(await screen.findByText('认领任务'));
    expect(await screen.findByText('该记录已被他人修改，请刷新后重试')).toBeTruthy();
  });

  it('shows the signed reply with its class, the contacts, the ratings, the promises and the timeline', async () => {
    server.on(
      'suggestions.get',
      ok(
        detail({
          status: 'replied',
          statusLabel: '已答复',
          tasks: [task({ state: 'replied', stateLabel: '已答复', allowedActions: ['feedback.submit'] })],
          replies: [
            {
              id: 'r1', taskId: 't1', unitName: '市发展改革委', round: 1, class: 'B', classLabel: 'B类（正在解决或列入计划）',
              text: '已列入明年计划。', leaderContact: { name: '李主任', phone: '0531-1' }, handlerContact: { name: '张承办', phone: '0531-2' },
              signed: true, signedAt: '2026-04-01T02:00:00.000Z', signerName: '赵局长', reviews: [], version: 2,
            },
          ],
          contacts: [
            { id: 'c1', taskId: 't1', at: '2026-03-20T01:30:00.000Z', mode: 'meeting', modeLabel: '见面', place: '代表之家', people: '王代表、张承办', notes: '当面听取意见', faceToFace: true },
          ],
          feedback: [
            { id: 'f1', taskId: 't1', round: 1, deputyName: '刘代表', attitude: 'satisfied', result: 'basic', attitudeLabel: '满意', resultLabel: '基本满意', at: '2026-04-05T02:00:00.000Z' },
          ],
          commitments: [{ id: 'm1', taskId: 't1', promise: '年底前建成 50 个充电桩', targetDate: '2026-12-31', progress: [] }],
          events: [{ at: '2026-03-02T01:00:00.000Z', actorName: '张承办', action: 'tasks.claim', actionLabel: '认领了任务' }],
        }),
      ),
    );
    render(<DetailView id="s1" />);
    expect(await screen.findByText('已列入明年计划。')).toBeTruthy();
    expect(document.querySelector('.reply-class')!.textContent!.replace(/\u200b/g, '')).toBe('B类（正在解决或列入计划）');
    expect(screen.getByText('已签发（赵局长） 2026-04-01 10:00')).toBeTruthy();
    expect(screen.getByText('见面（面复）')).toBeTruthy();
    expect(screen.getByText('代表未确认')).toBeTruthy();
    expect(screen.getByText('办理态度：满意；办理结果：基本满意')).toBeTruthy();
    expect(screen.getByText('年底前建成 50 个充电桩')).toBeTruthy();
    expect(screen.getByText('张承办 认领了任务')).toBeTruthy();
    expect(screen.getByText('2026-03-02 09:00')).toBeTruthy();
    fireEvent.click(screen.getByText('评价办理结果'));
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/work/feedback/index?id=s1&taskId=t1' });
  });

  it('lets the deputy confirm a contact record when the server allows it', async () => {
    let confirmed = false;
    const contact = { id: 'c1', taskId: 't1', at: '2026-03-20T01:30:00.000Z', mode: 'meeting' as const, modeLabel: '见面', people: '王代表', notes: '当面听取意见', faceToFace: true };
    server.on('suggestions.get', () =>
      ok(detail({ tasks: [task({ allowedActions: confirmed ? [] : ['contacts.confirm'] })], contacts: [confirmed ? { ...contact, deputyConfirmedAt: '2026-03-21T00:00:00.000Z' } : contact] })),
    );
    server.on('contacts.confirm', () => {
      confirmed = true;
      return ok({ id: 'c1' });
    });
    render(<DetailView id="s1" />);
    fireEvent.click(await screen.findByText('确认此记录属实'));
    expect(await screen.findByText('代表已确认')).toBeTruthy();
    expect(server.callsOf('contacts.confirm')[0]!.data).toEqual({ contactId: 'c1' });
  });

  it('opens the progress form of a promise when the server allows reporting progress', async () => {
    server.on(
      'suggestions.get',
      ok(detail({ tasks: [task({ allowedActions: ['commitments.progress'] })], commitments: [{ id: 'm1', taskId: 't1', promise: '年底前建成', targetDate: '2026-12-31', progress: [] }] })),
    );
    render(<DetailView id="s1" />);
    fireEvent.click(await screen.findByText('填报落实进展'));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith({ url: '/pages/work/progress/index?id=s1&commitmentId=m1' }));
  });
});
