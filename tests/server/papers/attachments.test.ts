// Attachments on a suggestion, a contact record (面复) and a reply: what a file is comes from its
// bytes; who sees it is who sees the record; it may be removed until the record is final; the
// archive lists the files; every change is audited; bad input changes nothing.
import type { ArchiveSuggestionResult, AttachmentsResult, AttachmentView, SuggestionDetail } from '../../../src/contract';
import { ATTACHMENT_MAX_BYTES } from '../../../src/contract';
import { openOffice, type Office } from '../coordinator/fixture';
import { importRows } from '../coordinator/lifecycle';
import { openLink } from './docx-reader';
import { claimAndMeet, draftAndSign, leadRow } from './flow';

const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(64, 7)]);
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(32, 1)]);
const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');

describe('attachments', () => {
  let office: Office;
  let suggestionId: string;
  let taskId: string;
  let contactId: string;

  beforeAll(async () => {
    office = await openOffice();
    const ids = await importRows(office, [leadRow('3201', '关于社区公园建设的建议')]);
    suggestionId = ids.get('3201')!.suggestionId;
    taskId = (await office.store.find('tasks', { where: { suggestionId } })).find((t) => t.role === 'lead')!.id;
    contactId = (await claimAndMeet(office, taskId)).contactId;
  });
  afterAll(() => office.store.close());

  /** attachments.add as the app makes it: the content uploaded first as the caller, its fileID in the call. */
  const add = async (openid: string, data: { content?: Buffer } & Record<string, unknown>) => {
    const { content, ...rest } = data;
    return office.call(openid, 'attachments.add', content === undefined ? rest : { ...rest, fileID: await office.upload(openid, content) });
  };
  const counts = async () => ({ attachments: await office.store.count('attachments'), events: (await office.store.events({ suggestionId })).length });

  let photo: AttachmentView;
  it('keeps a photo of the 面复 record, audited, and the deputy of the suggestion opens it', async () => {
    const response = await add('handler-mzj', { target: 'contact', targetId: contactId, fileName: '面复现场.jpg', content: JPEG });
    expect(response).toMatchObject({ ok: true, data: { fileName: '面复现场.jpg', contentType: 'image/jpeg', kindLabel: '照片', size: JPEG.length, createdByName: '孙丽', removable: true } });
    photo = (response as { data: AttachmentView }).data;
    const events = await office.store.events({ entityId: photo.id });
    expect(events).toEqual([expect.objectContaining({ action: 'attachments.add', entity: 'attachment', actorId: 'handler-mzj', suggestionId })]);

    const listed = await office.ok<AttachmentsResult>('deputy-wang', 'attachments.list', { target: 'contact', targetId: contactId });
    expect(listed.items.map((a) => a.fileName)).toEqual(['面复现场.jpg']);
    expect(listed.items[0]!.removable).toBe(false);
    const opened = await openLink(office.files, listed.items[0]!.url, 'deputy-wang');
    expect(opened).toMatchObject({ ok: true, contentType: 'image/jpeg' });
    expect((opened as { content: Buffer }).content.equals(JPEG)).toBe(true);
  });

  it('is listed with the record in suggestions.get', async () => {
    const detail = await office.ok<SuggestionDetail>('deputy-wang', 'suggestions.get', { id: suggestionId });
    expect(detail.attachments?.map((a) => [a.target, a.targetId, a.fileName])).toEqual([['contact', contactId, '面复现场.jpg']]);
  });

  it('is refused to a deputy who may not see the suggestion: the list, and the link made for another', async () => {
    expect(await office.call('deputy-li', 'attachments.list', { target: 'contact', targetId: contactId })).toMatchObject({ ok: false });
    expect(await office.call('handler-fgw', 'attachments.list', { target: 'contact', targetId: contactId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await openLink(office.files, photo.url, 'handler-fgw')).toMatchObject({ ok: false, status: 403 });
  });

  it('tells the file by its bytes, not its name, and refuses what it does not keep, changing nothing', async () => {
    const before = await counts();
    const refused = [
      [{ fileName: '照片.jpg', content: PNG }, '扩展名与文件内容不符'],
      [{ fileName: '说明.pdf', content: Buffer.from('hello, not a pdf') }, '只能上传 JPG、PNG 图片或 PDF 文件'],
      [{ fileName: '病毒.exe', content: Buffer.from('MZ\x90\x00') }, '只能上传'],
      [{ fileName: '大图.jpg', content: Buffer.concat([JPEG, Buffer.alloc(ATTACHMENT_MAX_BYTES)]) }, '不能超过 4 MB'],
      [{ fileName: '空.png', content: Buffer.alloc(0) }, '是空的'],
      [{ fileName: '../../etc/passwd.png', content: PNG }, null],
    ] as const;
    for (const [data, message] of refused) {
      const response = await add('handler-mzj', { target: 'contact', targetId: contactId, ...data });
      if (message === null) {
        // A path in the name is dropped, never followed.
        expect(response).toMatchObject({ ok: true, data: { fileName: 'passwd.png' } });
        await office.ok('handler-mzj', 'attachments.remove', { id: (response as { data: AttachmentView }).data.id, version: 1 });
        continue;
      }
      expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining(message) } });
    }
    expect(await add('handler-mzj', { target: 'memo', targetId: contactId, fileName: 'a.png', content: PNG })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await add('handler-mzj', { target: 'contact', targetId: 'nope', fileName: 'a.png', content: PNG })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const after = await counts();
    expect(after.attachments).toBe(before.attachments + 1); // the one added and removed above
    expect(after.events).toBe(before.events + 2);
  });

  it('takes a file only from the caller\'s own uploads: another person\'s fileID is refused and changes nothing', async () => {
    const before = await counts();
    const theirs = await office.upload('coordinator', PNG);
    for (const fileID of [theirs, theirs.replace(/^uploads\/[0-9a-f]+\//, 'uploads/../'), 'letters/x/y.docx', `cloud://env.bucket/${theirs}`]) {
      const response = await office.call('handler-mzj', 'attachments.add', { target: 'contact', targetId: contactId, fileName: '别人的.png', fileID });
      expect(response).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到您上传的文件，请重新选择文件上传' } });
    }
    // The file itself inside the call is no longer taken.
    expect(await office.call('handler-mzj', 'attachments.add', { target: 'contact', targetId: contactId, fileName: 'a.png', content: PNG.toString('base64') })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await counts()).toEqual(before);
    expect((await office.files.read(theirs))?.equals(PNG)).toBe(true); // the other person's upload is untouched
    // The caller's own upload is kept under the record and then removed from the upload folder.
    const mine = await office.upload('handler-mzj', PNG);
    const added = await office.ok<AttachmentView>('handler-mzj', 'attachments.add', { target: 'contact', targetId: contactId, fileName: '我的.png', fileID: mine });
    expect(await office.files.read(mine)).toBeUndefined();
    await office.ok('handler-mzj', 'attachments.remove', { id: added.id, version: added.version });
  });

  it('lets only the record’s unit or the office add to a contact or reply; the deputy may add to the suggestion', async () => {
    expect(await add('deputy-wang', { target: 'contact', targetId: contactId, fileName: 'a.png', content: PNG })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const scan = await add('deputy-wang', { target: 'suggestion', targetId: suggestionId, fileName: '现场照片.png', content: PNG });
    expect(scan).toMatchObject({ ok: true, data: { target: 'suggestion', removable: true } });
    expect(await add('coordinator', { target: 'suggestion', targetId: suggestionId, fileName: '交办函.pdf', content: PDF })).toMatchObject({ ok: true, data: { kindLabel: 'PDF 文件' } });
  });

  it('is removed by its uploader or the office before the record is final, and audited', async () => {
    const extra = await office.ok<AttachmentView>('handler-mzj', 'attachments.add', { target: 'contact', targetId: contactId, fileName: '补拍.png', fileID: await office.upload('handler-mzj', PNG) });
    expect(await office.call('reviewer-mzj', 'attachments.remove', { id: extra.id, version: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await office.call('deputy-li', 'attachments.remove', { id: extra.id, version: 1 })).toMatchObject({ ok: false });
    expect(await office.call('handler-mzj', 'attachments.remove', { id: extra.id, version: 7 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await office.call('coordinator', 'attachments.remove', { id: extra.id, version: 1 })).toMatchObject({ ok: true });
    expect(await office.call('coordinator', 'attachments.remove', { id: extra.id, version: 2 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await office.store.events({ entityId: extra.id })).map((e) => e.action)).toEqual(['attachments.add', 'attachments.remove']);
    const stored = (await office.store.get('attachments', extra.id))!;
    expect(await office.files.read(stored.ref)).toBeUndefined();
  });

  it('hides an unsigned reply’s files from the deputy, and keeps them once the reply is signed', async () => {
    await draftAndSign(office, taskId, 'A', { sign: false });
    const draft = (await office.store.find('replies', { where: { taskId } }))[0]!;
    const scan = await office.ok<AttachmentView>('handler-mzj', 'attachments.add', { target: 'reply', targetId: draft.id, fileName: '答复函扫描件.pdf', fileID: await office.upload('handler-mzj', PDF) });
    expect(await office.call('deputy-wang', 'attachments.list', { target: 'reply', targetId: draft.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await office.ok<SuggestionDetail>('deputy-wang', 'suggestions.get', { id: suggestionId })).attachments?.some((a) => a.target === 'reply')).toBe(false);

    const task = (await office.store.get('tasks', taskId))!;
    await office.ok('leader-mzj', 'tasks.sign', { taskId, version: task.version });
    expect((await office.ok<AttachmentsResult>('deputy-wang', 'attachments.list', { target: 'reply', targetId: draft.id })).items).toHaveLength(1);
    expect(await office.call('handler-mzj', 'attachments.remove', { id: scan.id, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION', message: '答复已签发，附件不能再删除' },
    });
    expect(await office.call('handler-mzj', 'attachments.remove', { id: photo.id, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION', message: '该沟通记录已随答复签发，附件不能再删除' },
    });
  });

  it('refuses a file added to a signed reply, or to the contact record the signed reply covers, changing nothing', async () => {
    const signed = (await office.store.find('replies', { where: { taskId } }))[0]!;
    expect(signed.signedAt).toBeTruthy();
    const before = await counts();
    expect(await add('handler-mzj', { target: 'reply', targetId: signed.id, fileName: '身份证.jpg', content: JPEG })).toEqual({
      ok: false,
      error: { code: 'INVALID_TRANSITION', message: '答复已签发，答复函已定稿，不能再添加附件' },
    });
    expect(await add('coordinator', { target: 'reply', targetId: signed.id, fileName: '身份证.jpg', content: JPEG })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(await add('handler-mzj', { target: 'contact', targetId: contactId, fileName: '身份证.jpg', content: JPEG })).toEqual({
      ok: false,
      error: { code: 'INVALID_TRANSITION', message: '该沟通记录已随答复签发，不能再添加附件' },
    });
    expect(await counts()).toEqual(before);
  });

  it('goes into the archive, which lists the files with the reply letter', async () => {
    await office.ok('deputy-wang', 'feedback.submit', { taskId, attitude: 'satisfied', result: 'satisfied' });
    let version = (await office.store.get('suggestions', suggestionId))!.version;
    version = (await office.ok<{ version: number }>('coordinator', 'suggestions.disclose', { suggestionId, version, mode: 'full' })).version;
    const archived = await office.ok<ArchiveSuggestionResult>('coordinator', 'suggestions.archive', { suggestionId, version });
    expect(archived.files.map((f) => `${f.kindLabel}/${f.recordLabel}/${f.fileName}`)).toEqual([
      '答复函/答复/答复函-3201号-市民政局.docx',
      '附件/建议/交办函.pdf',
      '附件/建议/现场照片.png',
      '附件/沟通记录/面复现场.jpg',
      '附件/答复/答复函扫描件.pdf',
    ]);
    const [event] = (await office.store.events({ suggestionId })).filter((e) => e.action === 'suggestions.archive');
    expect((event!.detail as { files: { fileName: string }[] }).files.map((f) => f.fileName)).toContain('面复现场.jpg');
    expect(await add('coordinator', { target: 'suggestion', targetId: suggestionId, fileName: 'a.png', content: PNG })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION', message: '该建议已归档，不能再添加附件' },
    });
  });
});

describe('attachments of a contact record the deputy confirmed', () => {
  it('are neither added nor removed once the deputy confirmed the record', async () => {
    const office = await openOffice();
    const ids = await importRows(office, [leadRow('3202', '关于老旧小区加装电梯的建议')]);
    const suggestionId = ids.get('3202')!.suggestionId;
    const taskId = (await office.store.find('tasks', { where: { suggestionId } })).find((t) => t.role === 'lead')!.id;
    const { contactId } = await claimAndMeet(office, taskId);
    const photo = await office.ok<AttachmentView>('handler-mzj', 'attachments.add', { target: 'contact', targetId: contactId, fileName: '现场.jpg', fileID: await office.upload('handler-mzj', JPEG) });
    await office.ok('deputy-wang', 'contacts.confirm', { contactId });
    expect(await office.call('handler-mzj', 'attachments.add', { target: 'contact', targetId: contactId, fileName: '补充.jpg', fileID: await office.upload('handler-mzj', JPEG) })).toEqual({
      ok: false,
      error: { code: 'INVALID_TRANSITION', message: '代表已确认该沟通记录，不能再添加附件' },
    });
    expect(await office.call('coordinator', 'attachments.remove', { id: photo.id, version: photo.version })).toEqual({
      ok: false,
      error: { code: 'INVALID_TRANSITION', message: '代表已确认该沟通记录，附件不能再删除' },
    });
    office.store.close();
  });
});

describe('attachment sizes as people read them', () => {
  it('says bytes, KB and MB with one decimal', async () => {
    const { sizeLabel } = await import('../../../src/server/papers/attachments');
    expect([sizeLabel(900), sizeLabel(1536), sizeLabel(4 * 1024 * 1024), sizeLabel(1.25 * 1024 * 1024)]).toEqual(['900 B', '1.5 KB', '4 MB', '1.3 MB']);
  });
});
