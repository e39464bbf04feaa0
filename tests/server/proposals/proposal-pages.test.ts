// What the proposal pages read from the server, on both stores (docs/proposals.md): the draft form's
// roster of deputies to invite (every 代表团, never the author, only for the author), the refusal shown
// where 提交 would be (naming the phase's dates), and the home page's counts (a deputy's invitations
// waiting for his answer, the coordinator's 待立案), and the page each proposal notice opens.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { MeResult, ProposalView } from '../../../src/contract';
import type { User } from '../../../src/core/model';
import { closeStores, openOfficeOn, STORE_KINDS, type OfficeOn } from '../coordinator/stores';

const DRAFT = { title: '关于增设社区食堂的建议', content: '建议在老旧小区增设社区食堂。', problem: '老年人就餐不便。', measures: '利用闲置用房改建社区食堂。' };
const RECESS = { open: true, session: '十八届三次', phase: 'recess', startDate: '2024-04-01', endDate: '2024-04-30' };
const zhao: User = { id: 'deputy-zhao', openid: 'deputy-zhao', name: '赵海燕', roles: ['deputy'], delegation: '天桥区代表团', createdAt: '2024-01-01T00:00:00.000Z', version: 1 };

describe.each(STORE_KINDS)('the proposal pages’ data (%s)', (kind) => {
  let office: OfficeOn;
  beforeEach(async () => {
    office = await openOfficeOn(kind);
    await office.store.transaction(async (tx) => {
      tx.insert('users', zhao);
    });
  });
  afterEach(() => office.close());
  afterAll(() => closeStores());

  it('offers the author the roster’s deputies of every 代表团 but himself, and nobody else', async () => {
    const p = await office.ok<ProposalView>('deputy-wang', 'proposals.save', DRAFT);
    const form = await office.ok<ProposalView>('deputy-wang', 'proposals.get', { id: p.id });
    const ids = form.candidates!.map((c) => c.userId);
    expect(ids).toEqual(expect.arrayContaining(['deputy-li', 'deputy-zhao']));
    expect(ids).not.toContain('deputy-wang');
    expect(form.candidates!.find((c) => c.userId === 'deputy-zhao')).toEqual({ userId: 'deputy-zhao', name: '赵海燕', delegation: '天桥区代表团' });
    const users = await office.store.find('users', {});
    expect(ids.every((id) => users.find((u) => u.id === id)!.roles.includes('deputy'))).toBe(true);
    await office.ok('deputy-wang', 'proposals.invite', { id: p.id, version: form.version, userIds: ['deputy-li'] });
    expect((await office.ok<ProposalView>('deputy-li', 'proposals.get', { id: p.id })).candidates).toBeUndefined();
  });

  it('says where 提交 would be why it cannot be submitted, with the phase’s dates, and nothing once it can', async () => {
    const p = await office.ok<ProposalView>('deputy-wang', 'proposals.save', DRAFT);
    expect(p.actions).not.toContain('proposals.submit');
    expect(p.submitRefusal).toBe('建议提交期尚未开放，请留意联络员的通知');
    await office.ok('coordinator', 'proposals.window', { ...RECESS, startDate: '2024-05-01', endDate: '2024-05-31' });
    expect((await office.ok<ProposalView>('deputy-wang', 'proposals.get', { id: p.id })).submitRefusal).toBe(
      '十八届三次闭会期间建议提交期为2024-05-01至2024-05-31，尚未开始，现在不能提交',
    );
    await office.ok('coordinator', 'proposals.window', RECESS);
    const open = await office.ok<ProposalView>('deputy-wang', 'proposals.get', { id: p.id });
    expect(open.actions).toContain('proposals.submit');
    expect(open.submitRefusal).toBeUndefined();
  });

  it('counts on the home page the invitations waiting for an answer and the proposals waiting for 立案', async () => {
    await office.ok('coordinator', 'proposals.window', RECESS);
    const counts = async (openid: string) => (await office.ok<MeResult>(openid, 'me', {})).proposalCounts;
    expect(await counts('deputy-li')).toEqual({ invitations: 0 });
    expect(await counts('coordinator')).toEqual({ queue: 0 });
    const p = await office.ok<ProposalView>('deputy-wang', 'proposals.save', DRAFT);
    const invited = await office.ok<ProposalView>('deputy-wang', 'proposals.invite', { id: p.id, version: p.version, userIds: ['deputy-li', 'deputy-zhao'] });
    expect(await counts('deputy-li')).toEqual({ invitations: 1 });
    await office.ok('deputy-li', 'proposals.respond', { id: p.id, accept: true });
    expect(await counts('deputy-li')).toEqual({ invitations: 0 });
    expect(await counts('deputy-zhao')).toEqual({ invitations: 1 });
    await office.ok('deputy-wang', 'proposals.submit', { id: p.id, version: invited.version });
    expect(await counts('deputy-zhao')).toEqual({ invitations: 0 });
    expect(await counts('coordinator')).toEqual({ queue: 1 });

    // Every notice of the path opens a page the mini-program has (invited, answered, submitted).
    const notices = await office.store.find('notifications', {});
    const pages = [...new Set(notices.filter((n) => n.kind.startsWith('proposal')).map((n) => n.page))];
    expect(pages).toEqual([`pages/proposals/view/index?id=${p.id}`]);
    for (const page of pages) expect(existsSync(path.resolve(__dirname, '../../../src', `${page!.split('?')[0]}.tsx`))).toBe(true);
  });
});
