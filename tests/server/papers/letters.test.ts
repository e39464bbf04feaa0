// The reply letter: fixed at signature, made as a .docx after GB/T 9704 when first asked for, kept
// with the reply, opened by those who may see the reply and by no one else.
import type { LetterResult } from '../../../src/contract';
import { openOffice, type Office } from '../coordinator/fixture';
import { importRows } from '../coordinator/lifecycle';
import { openDocx, openLink, type DocxContent } from './docx-reader';
import { claimAndMeet, draftAndSign, leadRow } from './flow';

describe('the reply letter (答复函)', () => {
  let office: Office;
  let taskId: string;
  let unsignedTaskId: string;
  let letter: LetterResult;
  let doc: DocxContent;

  beforeAll(async () => {
    office = await openOffice();
    const ids = await importRows(office, [leadRow('3101', '关于社区养老服务站建设的建议'), leadRow('3102', '关于社区食堂的建议')]);
    const tasks = await office.store.find('tasks');
    const leadOf = (n: string) => tasks.find((t) => t.suggestionId === ids.get(n)!.suggestionId && t.role === 'lead')!.id;
    taskId = leadOf('3101');
    unsignedTaskId = leadOf('3102');
    await claimAndMeet(office, taskId);
    await draftAndSign(office, taskId, 'B');
    letter = await office.ok<LetterResult>('deputy-wang', 'letters.get', { taskId });
    doc = await openDocx(office.files, letter.url, 'deputy-wang');
  });
  afterAll(() => office.store.close());

  it('is made when first asked for, kept with the reply and audited', async () => {
    const [reply] = (await office.store.find('replies', { where: { taskId } })).filter((r) => r.signedAt);
    expect(reply!.letter).toMatchObject({ fileName: letter.fileName, number: '市民政局建复〔2024〕3101号' });
    const events = await office.store.events({ suggestionId: reply!.suggestionId });
    const made = events.filter((e) => e.action === 'letters.generate');
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ entity: 'reply', entityId: reply!.id, actorId: 'deputy-wang' });
    // Asking again makes nothing new.
    await office.ok<LetterResult>('coordinator', 'letters.get', { taskId });
    expect((await office.store.events({ suggestionId: reply!.suggestionId })).filter((e) => e.action === 'letters.generate')).toHaveLength(1);
  });

  it('shows what stood at signature, whatever changes before it is first asked for', async () => {
    const office2 = await openOffice();
    try {
      const ids = await importRows(office2, [leadRow('3201', '关于老旧小区加装电梯的建议')]);
      const lead = (await office2.store.find('tasks', { where: { suggestionId: ids.get('3201')!.suggestionId } })).find((t) => t.role === 'lead')!.id;
      await claimAndMeet(office2, lead);
      await draftAndSign(office2, lead, 'A');
      // Signed: the letter's number, file name and names are fixed; its file is not made yet.
      const [signed] = (await office2.store.find('replies', { where: { taskId: lead } })).filter((r) => r.signedAt);
      expect(signed!.letter).toBeUndefined();
      expect(signed!.letterFacts).toMatchObject({ number: '市民政局建复〔2024〕3201号', fileName: '答复函-3201号-市民政局.docx', unit: { name: '市民政局' }, leadDeputyName: '王建华' });
      const shown = await office2.ok<{ replies: { letter?: { number: string; fileName: string } }[] }>('deputy-wang', 'suggestions.get', { id: ids.get('3201')!.suggestionId });
      expect(shown.replies[0]!.letter).toEqual({ number: '市民政局建复〔2024〕3201号', fileName: '答复函-3201号-市民政局.docx' });
      // The unit renamed and its letter settings changed after signature: the letter keeps the old ones.
      await office2.ok('admin', 'units.upsert', { id: 'unit-mzj', name: '市民政服务局', letter: { code: '民服复' } });
      const made = await office2.ok<LetterResult>('deputy-wang', 'letters.get', { taskId: lead });
      expect(made).toMatchObject({ number: '市民政局建复〔2024〕3201号', fileName: '答复函-3201号-市民政局.docx' });
      const text = (await openDocx(office2.files, made.url, 'deputy-wang')).paragraphs;
      expect(text).toContain('市民政局');
      expect(text.join('\n')).not.toContain('市民政服务局');
    } finally {
      office2.store.close();
    }
  });

  it('carries the class mark, number, title, salutation, text, promise, contacts, unit, date and 抄送', () => {
    expect(letter).toMatchObject({ fileName: '答复函-3101号-市民政局.docx', number: '市民政局建复〔2024〕3101号' });
    const p = doc.paragraphs;
    expect(p[0]).toBe('B类\t市民政局建复〔2024〕3101号');
    expect(p).toContain('关于十八届三次会议第3101号建议的答复');
    expect(p).toContain('王建华代表：');
    // The typed opening gives way to the letter's own, which names the suggestion; a closing is added when none was typed.
    expect(p.filter((t) => t !== '').slice(3)).toEqual([
      '您提出的《关于社区养老服务站建设的建议》（第3101号）收悉。现答复如下：',
      '一、已将社区服务站纳入年度计划；',
      '二、已完成选址。',
      '我单位承诺：年底前建成服务站，计划于2024年12月31日前完成，届时将向您反馈落实情况。',
      '感谢您对我单位工作的关心和支持。',
      '市民政局',
      '2024年4月10日',
      '（此件依申请公开）',
      '（单位负责人：冯刚，联系电话：13912340005）',
      '（联系人：孙丽，联系电话：13912340003）',
      '抄送：市水务局。',
    ]);
  });

  it('is laid out after GB/T 9704: A4, margins 37/35/28/26 mm, 仿宋_GB2312 三号 body, 方正小标宋简体 二号 title', () => {
    expect(doc.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc.xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(doc.xml).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"/);
    const title = /<w:p>(?:(?!<\/w:p>)[\s\S])*?关于十八届三次会议第3101号建议的答复/.exec(doc.xml)![0];
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
    const body = /<w:p>(?:(?!<\/w:p>)[\s\S])*?一、已将社区服务站纳入年度计划/.exec(doc.xml)![0];
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('<w:sz w:val="32"/>');
    expect(body).toContain('w:firstLine="632"'); // two characters of the 28 a line
  });

  it('opens for those who may see the reply, and for no one else', async () => {
    for (const openid of ['coordinator', 'handler-mzj', 'leader-mzj']) expect((await office.call(openid, 'letters.get', { taskId })).ok).toBe(true);
    // Another deputy, and staff of a unit without a task of it, do not learn that it exists.
    expect(await office.call('deputy-li', 'letters.get', { taskId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await office.call('handler-fgw', 'letters.get', { taskId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await office.call(undefined, 'letters.get', { taskId })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // The deputy's link opens for the deputy only.
    expect(await openLink(office.files, letter.url, 'deputy-li')).toMatchObject({ ok: false, status: 403 });
    expect(await openLink(office.files, letter.url, undefined)).toMatchObject({ ok: false, status: 403 });
  });

  it('is final once signed: no file is added to the signed reply, whose letter lists its files', async () => {
    const [reply] = (await office.store.find('replies', { where: { taskId } })).filter((r) => r.signedAt);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n');
    for (const openid of ['handler-mzj', 'coordinator']) {
      expect(await office.call(openid, 'attachments.add', { target: 'reply', targetId: reply!.id, fileName: '补充材料.pdf', fileID: await office.upload(openid, pdf) })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_TRANSITION', message: '答复已签发，答复函已定稿，不能再添加附件' },
      });
    }
    expect(await office.store.find('attachments', { where: { targetId: reply!.id } })).toEqual([]);
  });

  it('does not exist before signature, and says so', async () => {
    expect(await office.call('coordinator', 'letters.get', { taskId: unsignedTaskId })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION', message: '答复签发后才有答复函' },
    });
    expect(await office.call('coordinator', 'letters.get', { taskId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await office.call('coordinator', 'letters.get', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('is made when first asked for, should signature have left none', async () => {
    const [reply] = (await office.store.find('replies', { where: { taskId } })).filter((r) => r.signedAt);
    await office.store.transaction(async (tx) => {
      const current = (await tx.get('replies', reply!.id))!;
      const { letter: _gone, ...rest } = current;
      tx.update('replies', { ...rest, version: current.version + 1 });
    });
    const again = await office.ok<LetterResult>('coordinator', 'letters.get', { taskId });
    expect(again.number).toBe('市民政局建复〔2024〕3101号');
    expect((await office.store.get('replies', reply!.id))!.letter).toBeDefined();
  });

  it('names the session once even when the 届次 already ends in 会议, and marks a round-2 letter', async () => {
    const { letterContent } = await import('../../../src/server/papers/letter');
    const [reply] = (await office.store.find('replies', { where: { taskId } })).filter((r) => r.signedAt);
    const task = (await office.store.get('tasks', taskId))!;
    const suggestion = (await office.store.get('suggestions', task.suggestionId))!;
    const input = { reply: { ...reply!, round: 2, class: 'A' as const }, task: { ...task, role: 'sole' as const }, suggestion: { ...suggestion, session: '十八届三次会议' }, unit: { name: '市民政局' }, leadDeputyName: '王建华', coSignerNames: ['李秀英'], coUnitNames: ['市水务局'], attachmentNames: [] };
    const c = letterContent(input);
    expect(c).toMatchObject({ title: '关于十八届三次会议第3101号建议的答复', number: '市民政局建复〔2024〕3101-2号', classMark: 'A类', addressee: '王建华代表：' });
    expect(c.promise).toBeUndefined();
    expect(c.cc).toEqual([]); // 抄送 to co-handlers belongs to a lead reply
    // Addressed to the co-signers too where the office wants it; the 公开属性 follows the office's decision.
    const both = letterContent({ ...input, suggestion: { ...input.suggestion, disclosure: { mode: 'full', decidedAt: '', decidedBy: '' } }, office: { letterToCoSigners: true } });
    expect(both).toMatchObject({ addressee: '王建华、李秀英代表：', publicity: '（此件公开发布）' });
    expect(both.paragraphs[0]).toBe('各位代表提出的《关于社区养老服务站建设的建议》（第3101号）收悉。现答复如下：');
    expect(letterContent({ ...input, suggestion: { ...input.suggestion, disclosure: { mode: 'none', reason: '个人信息', decidedAt: '', decidedBy: '' } } }).publicity).toBe('（此件不予公开）');
  });
});

describe('the letter named with the reply', () => {
  it('shows its number in suggestions.get to the deputy and to the unit', async () => {
    const office = await openOffice();
    const ids = await importRows(office, [leadRow('3301', '关于口袋公园的建议')]);
    const taskId = (await office.store.find('tasks', { where: { suggestionId: ids.get('3301')!.suggestionId } })).find((t) => t.role === 'lead')!.id;
    await claimAndMeet(office, taskId);
    await draftAndSign(office, taskId, 'A');
    for (const openid of ['deputy-wang', 'handler-mzj', 'coordinator']) {
      const detail = await office.ok<{ replies: { letter?: { number: string; fileName: string } }[] }>(openid, 'suggestions.get', { id: ids.get('3301')!.suggestionId });
      expect(detail.replies[0]!.letter).toEqual({ number: '市民政局建复〔2024〕3301号', fileName: '答复函-3301号-市民政局.docx' });
    }
    office.store.close();
  });
});
