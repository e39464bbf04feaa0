// Deputies' proposals on both stores (SQLite, and the CloudBase adapter on the emulator): nobody
// else reads a draft, a co-signer cannot edit, submitting outside an open phase is refused with the
// phase's dates, and two coordinators accepting at once make one suggestion (docs/proposals.md).
import type { DecideProposalResult, ListProposalsResult, ProposalView } from '../../../src/contract';
import type { User } from '../../../src/core/model';
import { closeStores, openOfficeOn, STORE_KINDS, type OfficeOn } from '../coordinator/stores';
import { NUMBER_PAGE } from '../../../src/server/use-cases/decide-proposal';

const DRAFT = { title: '关于增设社区食堂的建议', content: '建议在老旧小区增设社区食堂。', problem: '老年人就餐不便。', measures: '利用闲置用房改建社区食堂。' };
const RECESS = { open: true, session: '十八届三次', phase: 'recess', startDate: '2024-04-01', endDate: '2024-04-30' };
const person = (id: string, name: string, roles: User['roles'], delegation?: string): User => ({
  id,
  openid: id,
  name,
  roles,
  ...(delegation ? { delegation } : {}),
  createdAt: '2024-01-01T00:00:00.000Z',
  version: 1,
});
/** A third deputy (another 代表团) and a second coordinator, besides the fixture's people. */
const MORE = [person('deputy-zhao', '赵海燕', ['deputy'], '天桥区代表团'), person('coordinator-2', '陈静', ['coordinator'])];

describe.each(STORE_KINDS)('deputies’ proposals (%s)', (kind) => {
  let office: OfficeOn;
  beforeEach(async () => {
    office = await openOfficeOn(kind);
    await office.store.transaction(async (tx) => {
      for (const user of MORE) tx.insert('users', user);
    });
  });
  afterEach(() => office.close());
  afterAll(() => closeStores());

  const draft = () => office.ok<ProposalView>('deputy-wang', 'proposals.save', DRAFT);
  const code = async (openid: string, action: string, data: unknown) => {
    const response = await office.call(openid, action, data);
    return response.ok ? 'ok' : `${response.error.code} ${response.error.message}`;
  };

  it('keeps a draft from everyone but its author until he invites co-signers, then the invitees read it', async () => {
    const p = await draft();
    expect(p).toMatchObject({ state: 'draft', author: { userId: 'deputy-wang', name: '王建华' }, actions: ['proposals.save', 'proposals.invite'] });
    for (const openid of ['deputy-li', 'deputy-zhao', 'handler-fgw', 'coordinator', 'admin']) {
      expect(await code(openid, 'proposals.get', { id: p.id })).toBe('NOT_FOUND 没有找到该建议草稿');
      expect(await code(openid, 'proposals.save', { id: p.id, version: p.version, ...DRAFT, title: '改' })).toMatch(/^NOT_FOUND/);
    }
    expect((await office.ok<ListProposalsResult>('deputy-li', 'proposals.list', { box: 'invited' })).items).toEqual([]);
    expect((await office.ok<ListProposalsResult>('coordinator', 'proposals.list', { box: 'office' })).items).toEqual([]);
    expect(await code('deputy-li', 'proposals.list', { box: 'office' })).toMatch(/^FORBIDDEN/);

    await office.ok('deputy-wang', 'proposals.invite', { id: p.id, version: p.version, userIds: ['deputy-li'] });
    expect(await office.ok<ProposalView>('deputy-li', 'proposals.get', { id: p.id })).toMatchObject({ title: DRAFT.title, actions: ['proposals.respond'] });
    expect((await office.ok<ListProposalsResult>('deputy-li', 'proposals.list', { box: 'invited' })).items).toMatchObject([
      { id: p.id, myInvitation: { state: 'invited', answerByDate: '2024-04-15' } },
    ]);
    expect(await code('deputy-zhao', 'proposals.get', { id: p.id })).toMatch(/^NOT_FOUND/);
    expect(await code('coordinator', 'proposals.get', { id: p.id })).toMatch(/^NOT_FOUND/);
    const notices = await office.store.find('notifications', { where: { userId: 'deputy-li' } });
    expect(notices).toMatchObject([{ kind: 'proposalInvited', title: '请答复附议邀请', params: { asks: '答复附议邀请', dueDate: '2024-04-15' } }]);
  });

  it('lets a co-signer read and answer, never edit, invite or submit, and changes nothing when refused', async () => {
    await office.ok('coordinator', 'proposals.window', RECESS);
    const p = await draft();
    const invited = await office.ok<ProposalView>('deputy-wang', 'proposals.invite', { id: p.id, version: p.version, userIds: ['deputy-li'] });
    await office.ok('deputy-li', 'proposals.respond', { id: p.id, accept: true });
    const before = office.dump();
    expect(await code('deputy-li', 'proposals.save', { id: p.id, version: invited.version, ...DRAFT, title: '附议代表改的标题' })).toBe('FORBIDDEN 只有起草建议的代表可以修改建议');
    expect(await code('deputy-li', 'proposals.invite', { id: p.id, version: invited.version, userIds: ['deputy-zhao'] })).toMatch(/^FORBIDDEN/);
    expect(await code('deputy-li', 'proposals.submit', { id: p.id, version: invited.version })).toMatch(/^FORBIDDEN/);
    expect(await code('deputy-li', 'proposals.respond', { id: p.id, accept: false })).toMatch(/^INVALID_TRANSITION/);
    expect(office.dump()).toBe(before);
    // The author keeps saving at the version he saw: an answer does not make his draft stale.
    expect(await office.ok<ProposalView>('deputy-wang', 'proposals.save', { id: p.id, version: invited.version, ...DRAFT, title: '关于增设社区长者食堂的建议' })).toMatchObject({
      title: '关于增设社区长者食堂的建议',
      invitations: [{ userId: 'deputy-li', name: '李秀英', state: 'accepted' }],
    });
  });

  it('refuses to submit outside an open phase, naming the phase’s dates, and changes nothing', async () => {
    const p = await draft();
    let before = office.dump();
    expect(await code('deputy-wang', 'proposals.submit', { id: p.id, version: p.version })).toBe('DEADLINE 建议提交期尚未开放，请留意联络员的通知');
    expect(office.dump()).toBe(before);
    await office.ok('coordinator', 'proposals.window', { ...RECESS, startDate: '2024-03-01', endDate: '2024-03-31' });
    before = office.dump();
    expect(await code('deputy-wang', 'proposals.submit', { id: p.id, version: p.version })).toBe('DEADLINE 十八届三次闭会期间建议提交期为2024-03-01至2024-03-31，已经结束，现在不能提交');
    expect(office.dump()).toBe(before);
    await office.ok('coordinator', 'proposals.window', RECESS);
    await office.ok('coordinator', 'proposals.window', { open: false });
    expect(await code('deputy-wang', 'proposals.submit', { id: p.id, version: p.version })).toBe('DEADLINE 十八届三次闭会期间建议提交期为2024-04-01至2024-04-30，已于2024-04-10提前结束，现在不能提交');
    expect(await code('handler-fgw', 'proposals.window', RECESS)).toMatch(/^FORBIDDEN/);
  });

  it('gives 立案 the number after the session\'s highest, past a page of numbers that begin with no digit', async () => {
    await office.ok('coordinator', 'proposals.window', RECESS);
    const create = (number: string, session = '十八届三次') =>
      office.ok('coordinator', 'suggestions.create', { number, title: `建议${number}`, content: '内容', leadDeputyId: 'deputy-li', delegation: '章丘区代表团', session, phase: 'session' });
    // 9 beats 10 as text, not as a number; numbers beginning with letters or 示例 sort above every digit;
    // another session's higher number does not count.
    for (const number of ['9', '120', '1002-2', '36', ...Array.from({ length: NUMBER_PAGE + 3 }, (_, i) => `示例${i}`), 'A9999']) await create(number);
    await create('5000', '十八届四次');
    let p = await draft();
    p = await office.ok<ProposalView>('deputy-wang', 'proposals.submit', { id: p.id, version: p.version });
    const decided = await office.ok<DecideProposalResult>('coordinator', 'proposals.decide', { id: p.id, version: p.version, decision: 'accept' });
    expect(decided).toMatchObject({ number: '1003' });
  }, 60_000);

  it('goes from draft to a suggestion: two invited, one accepts, one declines, submitted, returned with a reason, resubmitted, accepted', async () => {
    await office.ok('coordinator', 'proposals.window', RECESS);
    await office.ok('coordinator', 'suggestions.create', { number: '17', title: '已有建议', content: '内容', leadDeputyId: 'deputy-li', delegation: '章丘区代表团', session: '十八届三次', phase: 'session' });
    let p = await draft();
    p = await office.ok<ProposalView>('deputy-wang', 'proposals.invite', { id: p.id, version: p.version, userIds: ['deputy-li', 'deputy-zhao'] });
    await office.ok('deputy-li', 'proposals.respond', { id: p.id, accept: true });
    await office.ok('deputy-zhao', 'proposals.respond', { id: p.id, accept: false });
    expect((await office.store.find('notifications', { where: { userId: 'deputy-wang' } })).map((n) => n.kind).sort()).toEqual(['proposalAccepted', 'proposalDeclined']);
    p = await office.ok<ProposalView>('deputy-wang', 'proposals.submit', { id: p.id, version: p.version });
    expect(p).toMatchObject({ state: 'submitted', session: '十八届三次', phase: 'recess', coSigners: [{ userId: 'deputy-li' }], actions: [] });
    expect(await code('deputy-wang', 'proposals.save', { id: p.id, version: p.version, ...DRAFT })).toMatch(/^INVALID_TRANSITION/);
    expect((await office.ok<ListProposalsResult>('coordinator', 'proposals.list', { box: 'office' })).items).toMatchObject([{ id: p.id, state: 'submitted' }]);
    expect((await office.store.find('notifications', { where: { userId: 'coordinator' } })).map((n) => n.kind)).toEqual(['proposalSubmitted']);

    expect(await code('coordinator', 'proposals.decide', { id: p.id, version: p.version, decision: 'return' })).toBe('VALIDATION 「理由」不能为空');
    await office.ok('coordinator', 'proposals.decide', { id: p.id, version: p.version, decision: 'return', reason: '请补充具体选址' });
    const back = await office.ok<ProposalView>('deputy-wang', 'proposals.get', { id: p.id });
    expect(back).toMatchObject({ state: 'returned', reason: '请补充具体选址', actions: ['proposals.save', 'proposals.invite', 'proposals.submit'] });
    expect(await code('coordinator', 'proposals.get', { id: p.id })).toMatch(/^NOT_FOUND/);
    const edited = await office.ok<ProposalView>('deputy-wang', 'proposals.save', { id: p.id, version: back.version, ...DRAFT, measures: '在历下区两处闲置用房改建社区食堂。' });
    p = await office.ok<ProposalView>('deputy-wang', 'proposals.submit', { id: p.id, version: edited.version });

    const decided = await office.ok<DecideProposalResult>('coordinator', 'proposals.decide', { id: p.id, version: p.version, decision: 'accept' });
    expect(decided).toMatchObject({ number: '18', proposal: { state: 'accepted', number: '18' } });
    const suggestion = await office.store.get('suggestions', decided.suggestionId!);
    expect(suggestion).toMatchObject({ number: '18', session: '十八届三次', phase: 'recess', leadDeputyId: 'deputy-wang', coSignerIds: ['deputy-li'], delegation: '历下区代表团' });
    expect(suggestion?.content).toContain('在历下区两处闲置用房改建社区食堂。');
    expect(await office.store.count('tasks', { where: { suggestionId: decided.suggestionId! } })).toBe(0); // ready for 交办
    const events = (await office.store.events({ entityId: p.id })).filter((e) => e.entity === 'proposal').map((e) => e.action);
    expect(events).toEqual(['proposals.save', 'proposals.invite', 'proposals.respond', 'proposals.respond', 'proposals.submit', 'proposals.decide', 'proposals.save', 'proposals.submit', 'proposals.decide']);
    for (const userId of ['deputy-wang', 'deputy-li']) {
      expect((await office.store.find('notifications', { where: { userId } })).map((n) => n.kind)).toContain('proposalFiled');
    }
    expect((await office.store.find('notifications', { where: { userId: 'deputy-zhao' } })).map((n) => n.kind)).not.toContain('proposalFiled');

    // 一人一函: after 交办 each deputy is told the units, their roles and the reply deadline, also in the suggestion's view.
    await office.ok('coordinator', 'suggestions.assign', {
      suggestionId: decided.suggestionId,
      version: suggestion!.version,
      assignedDate: '2024-04-10',
      units: [{ unitId: 'unit-mzj', role: 'lead' }, { unitId: 'unit-zjj', role: 'co' }],
    });
    const [task] = (await office.store.find('tasks', { where: { suggestionId: decided.suggestionId! } })).filter((t) => t.role === 'lead');
    for (const [userId, role] of [['deputy-wang', '领衔'], ['deputy-li', '附议']] as const) {
      const letters = (await office.store.find('notifications', { where: { userId } })).filter((n) => n.kind === 'assigned');
      expect(letters).toHaveLength(1);
      expect(letters[0]!.body).toBe(`您${role}的18号建议《${DRAFT.title}》已交办：市民政局（主办）、市住房城乡建设局（会办）。答复期限为${task!.due.reply}，承办单位将在期限内答复您。`);
      const view = await office.ok<{ tasks: { unitName: string; roleLabel: string; due: { reply: string } }[] }>(userId, 'suggestions.get', { id: decided.suggestionId });
      expect(view.tasks.map((t) => [t.unitName, t.roleLabel, t.due.reply]).sort()).toEqual([
        ['市住房城乡建设局', '会办', expect.any(String)],
        ['市民政局', '主办', task!.due.reply],
      ]);
    }
    expect((await office.store.find('notifications', { where: { userId: 'deputy-zhao' } })).map((n) => n.kind)).not.toContain('assigned');
  });

  it('makes one suggestion when two coordinators accept at once', async () => {
    await office.ok('coordinator', 'proposals.window', RECESS);
    const p = await draft();
    const submitted = await office.ok<ProposalView>('deputy-wang', 'proposals.submit', { id: p.id, version: p.version });
    const data = { id: p.id, version: submitted.version, decision: 'accept' };
    const answers = await Promise.all([office.call('coordinator', 'proposals.decide', data), office.call('coordinator-2', 'proposals.decide', data)]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    for (const a of answers.filter((x) => !x.ok)) expect(a).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(CONFLICT|INVALID_TRANSITION)$/) } });
    expect(await office.store.find('suggestions', { where: { session: '十八届三次' } })).toMatchObject([{ number: '1', leadDeputyId: 'deputy-wang' }]);
    expect(await office.store.get('proposals', p.id)).toMatchObject({ state: 'accepted', number: '1' });
  });
});
