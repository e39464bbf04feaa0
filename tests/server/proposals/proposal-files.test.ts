// A deputy's proposal keeps files like the other records do, on both stores (docs/proposals.md,
// Files): the author adds and removes them while it is his to edit; invitees and, once submitted, the
// office read them; other deputies, and the office before submission, are told it does not exist; after
// submission nobody adds or removes; the cap of a record holds; every change is audited.
import { ATTACHMENT_MAX_PER_RECORD, type AttachmentsResult, type AttachmentView, type ProposalView } from '../../../src/contract';
import type { User } from '../../../src/core/model';
import { closeStores, openOfficeOn, STORE_KINDS, type OfficeOn } from '../coordinator/stores';

const DRAFT = { title: '关于增设社区食堂的建议', content: '建议在老旧小区增设社区食堂。', problem: '老年人就餐不便。', measures: '利用闲置用房改建社区食堂。' };
const RECESS = { open: true, session: '十八届三次', phase: 'recess', startDate: '2024-04-01', endDate: '2024-04-30' };
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(64, 7)]);
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(32, 1)]);
const ZHAO: User = { id: 'deputy-zhao', openid: 'deputy-zhao', name: '赵海燕', roles: ['deputy'], delegation: '天桥区代表团', createdAt: '2024-01-01T00:00:00.000Z', version: 1 };

describe.each(STORE_KINDS)('a proposal’s files (%s)', (kind) => {
  let office: OfficeOn;
  beforeEach(async () => {
    office = await openOfficeOn(kind);
    await office.store.transaction(async (tx) => {
      tx.insert('users', ZHAO);
    });
  });
  afterEach(() => office.close());
  afterAll(() => closeStores());

  /** attachments.add for a proposal as the app makes it: the file uploaded first as the caller, its fileID in the call. */
  const add = async (openid: string, proposalId: string, fileName: string, bytes: Buffer) =>
    office.call(openid, 'attachments.add', { target: 'proposal', targetId: proposalId, fileName, fileID: await office.upload(openid, bytes) });
  const list = (openid: string, proposalId: string) => office.call(openid, 'attachments.list', { target: 'proposal', targetId: proposalId });
  const code = (response: { ok: boolean; error?: { code: string; message: string } }) => (response.ok ? 'ok' : `${response.error!.code} ${response.error!.message}`);
  const names = (r: unknown) => (r as { data: AttachmentsResult }).data.items.map((a) => a.fileName);

  it('lets the author add and remove while he drafts, invitees read, and nobody else', async () => {
    const p = await office.ok<ProposalView>('deputy-wang', 'proposals.save', DRAFT);
    const added = await add('deputy-wang', p.id, '食堂选址.jpg', JPEG);
    expect(added).toMatchObject({ ok: true, data: { target: 'proposal', targetId: p.id, fileName: '食堂选址.jpg', contentType: 'image/jpeg', createdByName: '王建华', removable: true } });
    const photo = (added as { data: AttachmentView }).data;
    expect(await office.store.events({ entityId: photo.id })).toEqual([
      expect.objectContaining({ action: 'attachments.add', entity: 'attachment', actorId: 'deputy-wang', detail: expect.objectContaining({ target: 'proposal', targetId: p.id }) }),
    ]);
    expect(names(await list('deputy-wang', p.id))).toEqual(['食堂选址.jpg']);

    await office.ok('deputy-wang', 'proposals.invite', { id: p.id, version: p.version, userIds: ['deputy-li'] });
    const invitee = await list('deputy-li', p.id);
    expect(names(invitee)).toEqual(['食堂选址.jpg']);
    expect((invitee as { data: AttachmentsResult }).data.items[0]!.removable).toBe(false);

    const before = office.dump();
    expect(code(await add('deputy-li', p.id, '附议人的照片.png', PNG))).toBe('FORBIDDEN 只有起草建议的代表可以添加或删除附件');
    expect(code(await office.call('deputy-li', 'attachments.remove', { id: photo.id, version: photo.version }))).toBe('FORBIDDEN 只有起草建议的代表可以添加或删除附件');
    for (const openid of ['deputy-zhao', 'coordinator', 'admin', 'handler-fgw']) {
      expect(code(await list(openid, p.id))).toBe('NOT_FOUND 没有找到该建议草稿');
      expect(code(await add(openid, p.id, '别人的照片.png', PNG))).toBe('NOT_FOUND 没有找到该建议草稿');
      expect(code(await office.call(openid, 'attachments.remove', { id: photo.id, version: photo.version }))).toBe('NOT_FOUND 没有找到该建议草稿');
    }
    expect(office.dump()).toBe(before);

    const second = (await add('deputy-wang', p.id, '现状.png', PNG)) as { data: AttachmentView };
    await office.ok('deputy-wang', 'attachments.remove', { id: second.data.id, version: second.data.version });
    expect(names(await list('deputy-wang', p.id))).toEqual(['食堂选址.jpg']);
    expect(await office.store.events({ entityId: second.data.id })).toMatchObject([{ action: 'attachments.add' }, { action: 'attachments.remove', actorId: 'deputy-wang' }]);
  });

  it('shows the files to the office once submitted, and keeps them as they are from then on, also after 立案', async () => {
    await office.ok('coordinator', 'proposals.window', RECESS);
    const p = await office.ok<ProposalView>('deputy-wang', 'proposals.save', DRAFT);
    const photo = ((await add('deputy-wang', p.id, '食堂选址.jpg', JPEG)) as { data: AttachmentView }).data;
    await office.ok('deputy-wang', 'proposals.submit', { id: p.id, version: p.version });

    const seen = await list('coordinator', p.id);
    expect(names(seen)).toEqual(['食堂选址.jpg']);
    expect((seen as { data: AttachmentsResult }).data.items[0]!.removable).toBe(false);
    const before = office.dump();
    expect(code(await add('deputy-wang', p.id, '补充.png', PNG))).toBe('INVALID_TRANSITION 建议已提交，附件不能再添加或删除');
    expect(code(await office.call('deputy-wang', 'attachments.remove', { id: photo.id, version: photo.version }))).toBe('INVALID_TRANSITION 建议已提交，附件不能再添加或删除');
    expect(code(await add('coordinator', p.id, '办公室的照片.png', PNG))).toMatch(/^FORBIDDEN/);
    expect(code(await office.call('coordinator', 'attachments.remove', { id: photo.id, version: photo.version }))).toMatch(/^FORBIDDEN/);
    expect(office.dump()).toBe(before);

    const submitted = await office.ok<ProposalView>('coordinator', 'proposals.get', { id: p.id });
    await office.ok('coordinator', 'proposals.decide', { id: p.id, version: submitted.version, decision: 'accept' });
    expect(names(await list('deputy-wang', p.id))).toEqual(['食堂选址.jpg']);
    expect(names(await list('coordinator', p.id))).toEqual(['食堂选址.jpg']);
    expect(code(await add('deputy-wang', p.id, '补充.png', PNG))).toMatch(/^INVALID_TRANSITION/);

    // The suggestion it became lists the same files where its handlers read the suggestion's own.
    const accepted = await office.ok<ProposalView>('coordinator', 'proposals.get', { id: p.id });
    const onSuggestion = (openid: string) => office.call(openid, 'attachments.list', { target: 'suggestion', targetId: accepted.suggestionId! });
    expect(names(await onSuggestion('coordinator'))).toEqual(['食堂选址.jpg']);
    expect(names(await onSuggestion('deputy-wang'))).toEqual(['食堂选址.jpg']);
    const carried = (await onSuggestion('coordinator')) as { data: AttachmentsResult };
    expect(carried.data.items[0]).toMatchObject({ contentType: 'image/jpeg', size: photo.size, createdByName: '王建华' });
    expect(await office.store.events({ entityId: carried.data.items[0]!.id })).toEqual([
      expect.objectContaining({ action: 'proposals.decide', entity: 'attachment', suggestionId: accepted.suggestionId, detail: expect.objectContaining({ from: photo.id }) }),
    ]);
  });

  it('keeps at most the cap of a record', async () => {
    const p = await office.ok<ProposalView>('deputy-wang', 'proposals.save', DRAFT);
    for (let i = 1; i <= ATTACHMENT_MAX_PER_RECORD; i++) expect(code(await add('deputy-wang', p.id, `第${i}页.png`, PNG))).toBe('ok');
    const before = office.dump();
    expect(code(await add('deputy-wang', p.id, '多一页.png', PNG))).toBe(`VALIDATION 每条记录最多 ${ATTACHMENT_MAX_PER_RECORD} 个附件`);
    expect(office.dump()).toBe(before);
  });
});
