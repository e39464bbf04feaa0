import type { Commitment, Contact, Feedback, Reply, Subscription, Task } from '../../src/core/model';
import { useDemoOffice } from './support/demo-office';
import { back, fill, onPage, seeText, settle, snap, tap, textOf, textsOf, visible, type Session, confirmDialog, seeToast } from './support/pages';

// Issue 5 in a phone-sized headless Chromium on the H5 build, against the real local gateway and its
// SQLite file: every step is a tap or a keystroke of the person whose job it is; what was stored is
// read back from the gateway's own file.
//
// The demo data has one unclaimed task with a replying unit (1008号, 市交通运输局, 赵敏), and one
// draft waiting for review at 市发展改革委 (1003号, deputy 王建华), whose reviewer and leader can log
// in: the claim runs on the first; review, signature and rating on the second, whose 不满意 reopens
// it, so that its second round goes the whole way from draft to a satisfied deputy. The tests run
// in order, each continuing from the state the previous one left.
jest.setTimeout(180_000);

const BUS = { suggestion: 'sug-bus', task: 'sug-bus-task-1', title: '关于优化公交线网接驳地铁站点的建议' };
const CARE = { suggestion: 'sug-elderly-care', task: 'sug-elderly-care-task-1', title: '关于加快普惠性养老托育服务体系建设的建议' };

/** The Asia/Shanghai calendar date `days` from now, YYYY-MM-DD. */
const shanghaiDateIn = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));

describe('a suggestion worked on in the mini-program', () => {
  const office = useDemoOffice();
  const { as, stored, storedRows } = office;
  let deputyOnFeedbackForm: Session['page'];

  const storedWhere = <T extends { taskId: string }>(table: string, taskId: string): T[] =>
    storedRows<T>(table).filter((d) => d.taskId === taskId);

  /** From home, taps the card of a task (staff) or a suggestion (deputy) and waits for its detail. */
  async function openFromHome(page: Session['page'], cardSelector: string, title: string) {
    await tap(page, cardSelector);
    await onPage(page, 'pages/work/detail/index');
    await seeText(page, title, '#suggestion-title');
  }

  const taskState = (page: Session['page'], taskId: string) => textOf(page, `#task-card-${taskId} .task-state`);

  it('lets a handler claim a task, record a 面复 contact, draft a reply and submit it', async () => {
    const { page } = await as('demo-handler-co');
    await seeText(page, '赵敏，您好', '#greeting');
    await seeText(page, BUS.title, '#handler-queue');
    expect(await textOf(page, `#task-${BUS.task}`)).toContain('待认领');
    expect(await textOf(page, `#task-${BUS.task} .days-left`)).toMatch(/^（剩余\d+天）$/);
    await snap(page, 'handler-home');

    await openFromHome(page, `#task-${BUS.task}`, BUS.title);
    expect(await taskState(page, BUS.task)).toBe('待认领');
    await tap(page, '#claim-btn');
    expect(await settle(() => taskState(page, BUS.task), '办理中')).toBe('办理中');
    expect(await textOf(page, `#task-card-${BUS.task}`)).toContain('办理责任人：赵敏');
    expect(stored<Task>('tasks', BUS.task)).toMatchObject({ state: 'handling', responsibleUserId: 'user-handler-co' });
    await snap(page, 'handler-detail-claimed', `#task-card-${BUS.task}`);

    await tap(page, '#contact-btn');
    await onPage(page, 'pages/work/contact/index');
    await tap(page, '#contact-mode-meeting');
    await fill(page, 'contact-place', '市交通运输局三楼会议室');
    await fill(page, 'contact-people', '李秀英代表；公共交通处赵敏');
    await fill(page, 'contact-notes', '当面听取代表对地铁站点接驳的意见，介绍微循环公交线路的调整方案。');
    await snap(page, 'contact-form', '#contact-people');
    await tap(page, '#contact-submit');
    await seeText(page, '记录已保存', '#contact-saved');
    await tap(page, '#contact-done');

    await onPage(page, 'pages/work/detail/index');
    await seeText(page, '见面（面复）', '#contacts');
    await seeText(page, '代表未确认', '#contacts');
    const contacts = storedWhere<Contact>('contacts', BUS.task);
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({
      mode: 'meeting',
      faceToFace: true,
      place: '市交通运输局三楼会议室',
      people: '李秀英代表；公共交通处赵敏',
      createdBy: 'user-handler-co',
    });
    // 日期 and 时间 default to now, Beijing time
    expect(Date.now() - Date.parse(contacts[0]!.at)).toBeLessThan(5 * 60_000);

    await tap(page, '#draft-btn');
    await onPage(page, 'pages/work/draft/index');
    await tap(page, '#submit-draft-btn');
    await seeText(page, '请选择答复类别（A、B、C、D）', '#form-error');
    await tap(page, '#reply-class-A');
    await fill(page, 'reply-text', '您提出的建议收悉。一、已新开3条微循环公交线路接驳地铁站点；二、调整12条线路站位，换乘距离缩短至100米以内。');
    await fill(page, 'leader-name', '钱局长');
    await fill(page, 'leader-phone', '053186001234');
    await fill(page, 'handler-name', '赵敏');
    await fill(page, 'handler-phone', '053186000002');
    await snap(page, 'draft-form', '#handler-phone');
    await tap(page, '#submit-draft-btn');

    await onPage(page, 'pages/work/detail/index');
    expect(await settle(() => taskState(page, BUS.task), '待审核')).toBe('待审核');
    const task = stored<Task>('tasks', BUS.task);
    expect(task.state).toBe('inReview');
    expect(task.submittedAt).toBeDefined();
    const replies = storedWhere<Reply>('replies', BUS.task);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({
      class: 'A',
      round: 1,
      leaderContact: { name: '钱局长', phone: '053186001234' },
      handlerContact: { name: '赵敏', phone: '053186000002' },
    });
    expect(replies[0]?.text).toContain('已新开3条微循环公交线路');
    await snap(page, 'handler-detail-submitted', '#contacts');
  });

  it('lets the reviewer approve the draft and the leader sign it', async () => {
    const reviewer = (await as('demo-reviewer')).page;
    await seeText(reviewer, CARE.title, '#reviewer-queue');
    await snap(reviewer, 'reviewer-home');
    await openFromHome(reviewer, `#reviewer-queue #task-${CARE.task}`, CARE.title);
    await tap(reviewer, '#review-btn');
    await onPage(reviewer, 'pages/work/review/index');
    await seeText(reviewer, '草稿（未签发）', '#replies');
    await fill(reviewer, 'review-comment', '答复逐条回应，同意报签。');
    await snap(reviewer, 'review', '#approve-btn');
    await tap(reviewer, '#approve-btn');
    await onPage(reviewer, 'pages/work/detail/index');
    expect(await settle(() => taskState(reviewer, CARE.task), '待签发')).toBe('待签发');
    expect(stored<Task>('tasks', CARE.task).state).toBe('awaitingSignature');
    const reviews = storedWhere<Reply>('replies', CARE.task)[0]?.reviews ?? [];
    expect(reviews.at(-1)).toMatchObject({ by: 'user-reviewer', decision: 'approve', comment: '答复逐条回应，同意报签。' });

    const leader = (await as('demo-leader')).page;
    await seeText(leader, CARE.title, '#leader-queue');
    await snap(leader, 'leader-home');
    await openFromHome(leader, `#leader-queue #task-${CARE.task}`, CARE.title);
    await tap(leader, '#sign-btn');
    await onPage(leader, 'pages/work/review/index');
    await snap(leader, 'sign', '#sign-submit');
    await tap(leader, '#sign-submit');
    expect(await confirmDialog(leader)).toContain('签发后答复即正式送达代表，不能撤回或修改');
    await seeToast(leader, '答复已签发');
    await onPage(leader, 'pages/work/detail/index');
    expect(await settle(() => taskState(leader, CARE.task), '已答复')).toBe('已答复');
    await seeText(leader, '已签发（吴国栋）', '#replies');
    expect(stored<Task>('tasks', CARE.task)).toMatchObject({ state: 'replied' });
    expect(storedWhere<Reply>('replies', CARE.task)[0]).toMatchObject({ signerId: 'user-leader' });
  });

  it('shows the deputy on home each step of the signed suggestion with its date', async () => {
    const { page } = await as('demo-deputy');
    const steps = await textOf(page, `#suggestion-${CARE.suggestion} .steps`);
    expect(steps).toMatch(/^交办·已完成 \d{4}-\d{2}-\d{2} 办理·已完成 答复·已完成 \d{4}-\d{2}-\d{2} 评价·进行中$/);
  });

  it('shows the deputy the signed reply with its class and text, and takes the rating', async () => {
    const { page } = await as('demo-deputy');
    await seeText(page, '王建华，您好', '#greeting');
    await seeText(page, '答复·已完成', `#suggestion-${CARE.suggestion}`);
    await snap(page, 'deputy-home', `#suggestion-${CARE.suggestion}`);
    await openFromHome(page, `#suggestion-${CARE.suggestion}`, CARE.title);
    const reply = storedWhere<Reply>('replies', CARE.task)[0]!;
    await seeText(page, `${reply.class}类`, '#replies .reply-class');
    await seeText(page, reply.text.slice(0, 30), '#replies');
    await seeText(page, '已签发（吴国栋）', '#replies');
    await snap(page, 'deputy-detail-replied', '#replies .reply-item');

    await tap(page, '#feedback-btn');
    await onPage(page, 'pages/work/feedback/index');
    await seeText(page, reply.text.slice(0, 30), '#replies');
    await snap(page, 'feedback-form', '#rate-result');
    deputyOnFeedbackForm = page;
  });

  it('refuses a 不满意 without reasons in Chinese, and with reasons reopens the task for the handler', async () => {
    const deputy = deputyOnFeedbackForm;
    await tap(deputy, '#rate-attitude-basic');
    await tap(deputy, '#rate-result-unsatisfied');
    await seeText(deputy, '不满意的理由（必填）');
    await tap(deputy, '#feedback-submit');
    // Refused before the irreversible 「评价提交后不能修改」 confirmation is ever shown.
    await seeText(deputy, '评价不满意时请填写理由', '#form-error');
    expect(await deputy.getByText('评价提交后不能修改').filter({ visible: true }).count()).toBe(0);
    await snap(deputy, 'feedback-form-missing-reasons', '#feedback-submit');
    expect(storedWhere<Feedback>('feedback', CARE.task)).toHaveLength(0);
    expect(stored<Task>('tasks', CARE.task).state).toBe('replied');

    await fill(deputy, 'rate-reasons', '社区托育点仍然太少，答复没有给出建设时间表。');
    await tap(deputy, '#feedback-submit');
    expect(await confirmDialog(deputy)).toContain('承办单位将按规定重新办理并再次答复您');
    await seeToast(deputy, '评价已提交');
    await onPage(deputy, 'pages/work/detail/index');
    await seeText(deputy, '办理态度：基本满意；办理结果：不满意', '#feedback');
    await seeText(deputy, '理由：社区托育点仍然太少，答复没有给出建设时间表。', '#feedback');
    await snap(deputy, 'deputy-detail-rated', '#feedback');

    const task = stored<Task>('tasks', CARE.task);
    expect(task).toMatchObject({ state: 'rehandling', round: 2 });
    const newDue = task.due.rehandling;
    expect(newDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(storedWhere<Feedback>('feedback', CARE.task)).toEqual([
      expect.objectContaining({ attitude: 'basic', result: 'unsatisfied', reasons: '社区托育点仍然太少，答复没有给出建设时间表。', deputyId: 'user-deputy-wang' }),
    ]);

    const handler = (await as('demo-handler')).page;
    const card = `#handler-queue #task-${CARE.task}`;
    await seeText(handler, CARE.title, card);
    expect(await textOf(handler, card)).toContain('重新办理');
    // The deadline in force after 不满意 is named as such, with its own date.
    expect(await textOf(handler, card)).toContain(`重新办理期限：${newDue}`);
    await snap(handler, 'handler-home-rehandling');
    await openFromHome(handler, card, CARE.title);
    expect(await taskState(handler, CARE.task)).toBe('重新办理');
    await seeText(handler, `重新办理期限：${newDue}`, `#task-card-${CARE.task}`);
    await seeText(handler, '第2轮办理', `#task-card-${CARE.task}`);
    await visible(handler, '#draft-btn');
    await snap(handler, 'handler-detail-rehandling', `#task-card-${CARE.task}`);

    await back(handler);
    await tap(handler, '#messages-link');
    await onPage(handler, 'pages/account/messages/index');
    await seeText(handler, '代表评价不满意，请重新办理', '#inbox');
    const inbox = await textsOf(handler, '#inbox .message-item');
    expect(inbox.find((m) => m.includes('代表评价不满意'))).toContain(`1003号《${CARE.title}》`);
    await snap(handler, 'handler-inbox');
  });

  it('shows the re-handled task its days left next to the deadline they count down to', async () => {
    const { page } = await as('demo-handler');
    await openFromHome(page, `#handler-queue #task-${CARE.task}`, CARE.title);
    const card = await textOf(page, `#task-card-${CARE.task}`);
    const shown = /(\d{4}-\d{2}-\d{2})（剩余(\d+)天）/.exec(card);
    expect(shown).not.toBeNull();
    const today = shanghaiDateIn(0);
    const daysTo = (date: string) => Math.round((Date.parse(date) - Date.parse(today)) / 86_400_000);
    expect(daysTo(shown![1]!)).toBe(Number(shown![2]));
  });

  it('takes the second round through draft (a B-class promise), review and signature to a satisfied deputy', async () => {
    const handler = (await as('demo-handler')).page;
    await openFromHome(handler, `#handler-queue #task-${CARE.task}`, CARE.title);
    await tap(handler, '#draft-btn');
    await onPage(handler, 'pages/work/draft/index');
    await tap(handler, '#reply-class-B');
    await fill(handler, 'reply-text', '针对您的意见，我委已会同民政部门制定社区托育点建设计划，明年新建社区托育点50个。');
    const target = shanghaiDateIn(120);
    await fill(handler, 'reply-promise', '明年6月底前新建社区托育点50个。');
    await fill(handler, 'reply-target', target);
    await fill(handler, 'leader-name', '吴国栋');
    await fill(handler, 'leader-phone', '053186000005');
    await fill(handler, 'handler-name', '刘洋');
    await fill(handler, 'handler-phone', '053186000001');
    await snap(handler, 'draft-form-round-2', '#reply-target');
    await tap(handler, '#submit-draft-btn');
    await onPage(handler, 'pages/work/detail/index');
    expect(await settle(() => taskState(handler, CARE.task), '待审核')).toBe('待审核');
    const second = storedWhere<Reply>('replies', CARE.task).find((r) => r.round === 2);
    expect(second).toMatchObject({ class: 'B', leaderContact: { name: '吴国栋', phone: '053186000005' } });

    const reviewer = (await as('demo-reviewer')).page;
    await openFromHome(reviewer, `#reviewer-queue #task-${CARE.task}`, CARE.title);
    await tap(reviewer, '#review-btn');
    await onPage(reviewer, 'pages/work/review/index');
    await seeText(reviewer, '明年新建社区托育点50个', '#replies');
    await tap(reviewer, '#approve-btn');
    await onPage(reviewer, 'pages/work/detail/index');
    expect(await settle(() => taskState(reviewer, CARE.task), '待签发')).toBe('待签发');

    const leader = (await as('demo-leader')).page;
    await openFromHome(leader, `#leader-queue #task-${CARE.task}`, CARE.title);
    await tap(leader, '#sign-btn');
    await onPage(leader, 'pages/work/review/index');
    await tap(leader, '#sign-submit');
    await confirmDialog(leader);
    await onPage(leader, 'pages/work/detail/index');
    expect(await settle(() => taskState(leader, CARE.task), '已答复')).toBe('已答复');

    const deputy = (await as('demo-deputy')).page;
    await openFromHome(deputy, `#suggestion-${CARE.suggestion}`, CARE.title);
    await seeText(deputy, '第2轮', '#replies');
    await seeText(deputy, 'B类', '#replies');
    await seeText(deputy, '明年6月底前新建社区托育点50个。', '#commitments');
    await seeText(deputy, `计划完成：${target}`, '#commitments');
    await tap(deputy, '#feedback-btn');
    await onPage(deputy, 'pages/work/feedback/index');
    await tap(deputy, '#rate-attitude-satisfied');
    await tap(deputy, '#rate-result-satisfied');
    await tap(deputy, '#feedback-submit');
    expect(await confirmDialog(deputy)).toContain('本次办理将就此办结');
    await onPage(deputy, 'pages/work/detail/index');
    expect(await settle(() => taskState(deputy, CARE.task), '已办结')).toBe('已办结');
    await snap(deputy, 'deputy-detail-closed', '#feedback');
    expect(stored<Task>('tasks', CARE.task).state).toBe('closed');
    expect(storedWhere<Feedback>('feedback', CARE.task).map((f) => [f.round, f.attitude, f.result])).toEqual([
      [1, 'basic', 'unsatisfied'],
      [2, 'satisfied', 'satisfied'],
    ]);
    expect(storedWhere<Commitment>('commitments', CARE.task)).toEqual([
      expect.objectContaining({ promise: '明年6月底前新建社区托育点50个。', targetDate: target }),
    ]);
  });

  it('lets a deputy follow a suggestion from home to its detail, where the timeline tells what happened', async () => {
    const { page } = await as('demo-deputy2');
    await seeText(page, '李秀英，您好', '#greeting');
    await seeText(page, BUS.title, '#deputy-home');
    await openFromHome(page, `#suggestion-${BUS.suggestion}`, BUS.title);
    await seeText(page, '市交通运输局（独办）', '#tasks');
    await seeText(page, '见面（面复）', '#contacts');
    await visible(page, '#timeline .timeline-item');
    const timeline = (await textsOf(page, '#timeline .timeline-item')).join('\n');
    expect(timeline).toContain('赵敏 认领');
    expect(timeline).toContain('赵敏 登记沟通记录');
    // the unit's drafts stay inside the unit until a reply is signed
    expect(timeline).not.toContain('答复稿');
    expect(await textOf(page, '#detail')).not.toContain('已新开3条微循环公交线路');
    await snap(page, 'deputy-detail-timeline', '#timeline');

    await tap(page, '#contacts .confirm-contact-btn');
    expect(await confirmDialog(page)).toContain('确认后不能撤销');
    await seeToast(page, '已确认');
    await seeText(page, '代表已确认', '#contacts');
    await seeText(page, '李秀英 代表确认面复记录', '#timeline');
    expect(storedWhere<Contact>('contacts', BUS.task)[0]?.deputyConfirmedAt).toBeDefined();

    const wang = (await as('demo-deputy')).page;
    await openFromHome(wang, `#suggestion-${CARE.suggestion}`, CARE.title);
    await visible(wang, '#timeline .timeline-item');
    const told = (await textsOf(wang, '#timeline .timeline-item')).join('\n');
    expect(told).toContain('吴国栋 签发答复');
    expect(told).toContain('王建华 代表评价');

    // the signed reply also reached the deputy's inbox, and a reminder subscription is one tap away
    await back(wang);
    await tap(wang, '#messages-link');
    await onPage(wang, 'pages/account/messages/index');
    await seeText(wang, CARE.title, '#inbox');
    await snap(wang, 'deputy-inbox');
    await tap(wang, '#inbox .message-item');
    await onPage(wang, 'pages/work/detail/index');
    await seeText(wang, CARE.title, '#suggestion-title');

    await back(wang);
    await onPage(wang, 'pages/account/messages/index');
    await tap(wang, '#subscribe-btn');
    await seeText(wang, '已开启办理提醒。浏览器中收不到微信消息，到期提醒会列在本页', '#subscribe-result');
    expect(storedRows<Subscription>('subscriptions')).toEqual([
      expect.objectContaining({ userId: 'user-deputy-wang', templateId: 'local-reminder' }),
    ]);
  });

  it('shows the office coordinator every suggestion with its current step', async () => {
    const { page } = await as('demo-coordinator');
    await seeText(page, '郑晓燕，您好', '#greeting');
    await seeText(page, /^共\d+件，期限最近的5件：$/, '#office-home-note');
    await snap(page, 'coordinator-home');
    await tap(page, '#all-suggestions-link');
    await onPage(page, 'pages/office/suggestions/index');
    for (const title of [BUS.title, CARE.title]) await seeText(page, title, '#suggestions');
    expect(await textOf(page, `#suggestion-${CARE.suggestion}`)).toContain('当前：');
  });
});
