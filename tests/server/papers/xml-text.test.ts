// Characters XML 1.0 forbids (U+FFFE, U+FFFF, C0 controls, lone surrogate halves) in every text a
// document carries: the reply letter written at signing and the annual summary still load, every
// part of them, in a conforming XML parser (saxes); and the annual summary is kept one per scope and
// year. Before the writer cleaned its text, one U+FFFE made document.xml not well-formed and the
// signed letter unreadable for good.
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import type { AnnualReportResult, LetterResult, TaskResult } from '../../../src/contract';
import { xmlText } from '../../../src/server/papers/xml-text';
import { openOffice, type Office } from '../coordinator/fixture';
import { importRows } from '../coordinator/lifecycle';
import { openDocx, openLink } from './docx-reader';
import { claimAndMeet, leadRow } from './flow';

const BAD = '\uFFFE\uFFFF\u0001\u000B';
const LONE = '\uD800';

/** Every XML part of the package, parsed strictly; the parser's first complaint, or none. */
async function xmlProblems(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const problems: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const parser = new SaxesParser();
    let failed: string | undefined;
    parser.on('error', (e) => {
      failed ??= `${name}: ${e.message}`;
    });
    parser.write(await zip.file(name)!.async('string')).close();
    if (failed) problems.push(failed);
  }
  return problems;
}

async function bytesOf(office: Office, url: string, openid: string): Promise<Buffer> {
  const opened = await openLink(office.files, url, openid);
  if (!opened.ok) throw new Error(opened.message);
  return opened.content;
}

describe('text XML forbids, in the documents', () => {
  let office: Office;
  let taskId: string;
  beforeAll(async () => {
    office = await openOffice();
    const ids = await importRows(office, [leadRow('3301', `关于社区${BAD}养老服务站的建议`)]);
    const suggestionId = ids.get('3301')!.suggestionId;
    taskId = (await office.store.find('tasks', { where: { suggestionId } })).find((t) => t.role === 'lead')!.id;
    await claimAndMeet(office, taskId);
    await office.ok('coordinator', 'tasks.urge', { taskId, message: '请抓紧答复', overrideCoOpinions: { reason: '会办单位已口头反馈意见' } });
    let version = (await office.store.get('tasks', taskId))!.version;
    version = (
      await office.ok<TaskResult>('handler-mzj', 'tasks.saveDraft', {
        taskId,
        version,
        class: 'B',
        text: `您提出的建议收悉${BAD}${LONE}，现答复如下：\n一、已纳入计划${BAD}。`,
        leaderContact: { name: `冯${BAD}刚`, phone: '13912340005' },
        handlerContact: { name: `孙${LONE}丽`, phone: '13912340003' },
        commitment: { promise: `年底前${BAD}建成服务站`, targetDate: '2024-12-31' },
      })
    ).task.version;
    version = (await office.ok<TaskResult>('handler-mzj', 'tasks.submitDraft', { taskId, version })).task.version;
    version = (await office.ok<TaskResult>('reviewer-mzj', 'tasks.review', { taskId, version, decision: 'approve' })).task.version;
    await office.ok<TaskResult>('leader-mzj', 'tasks.sign', { taskId, version });
  });
  afterAll(() => office.store.close());

  it('drops exactly the forbidden characters and keeps the rest, emoji included', () => {
    expect(xmlText(`a${BAD}${LONE}b\t\n\r😀\uDC00c`)).toBe('ab\t\n\r😀c');
  });

  it('gives a signed reply letter whose every part an XML parser loads, with the text kept', async () => {
    const letter = await office.ok<LetterResult>('deputy-wang', 'letters.get', { taskId });
    expect(await xmlProblems(await bytesOf(office, letter.url, 'deputy-wang'))).toEqual([]);
    const doc = await openDocx(office.files, letter.url, 'deputy-wang');
    expect(doc.text).toContain('《关于社区养老服务站的建议》');
    expect(doc.text).toContain('一、已纳入计划。');
    expect(doc.text).toContain('年底前建成服务站');
    expect(doc.text).toContain('冯刚');
    expect(doc.text).toContain('孙丽');
  });

  it('gives an annual summary whose every part loads, kept one per scope and year (a new one replaces the last)', async () => {
    const first = await office.ok<AnnualReportResult>('coordinator', 'report.annual', { year: 2024, format: 'docx', practices: `坚持${BAD}主要领导亲自抓。`, nextSteps: `继续${BAD}${LONE}推进。` });
    expect(await xmlProblems(await bytesOf(office, first.url!, 'coordinator'))).toEqual([]);
    expect((await openDocx(office.files, first.url!, 'coordinator')).text).toContain('坚持主要领导亲自抓。');
    const second = await office.ok<AnnualReportResult>('coordinator', 'report.annual', { year: 2024, format: 'docx', practices: '建立面商机制。' });
    const unit = await office.ok<AnnualReportResult>('coordinator', 'report.annual', { year: 2024, format: 'docx', unitId: 'unit-mzj' });
    const keyOf = (url: string) => new URL(url, 'http://local').pathname;
    expect(keyOf(second.url!)).toBe(keyOf(first.url!));
    expect(keyOf(unit.url!)).not.toBe(keyOf(first.url!));
    // The first link now opens the document that replaced it.
    expect((await openDocx(office.files, first.url!, 'coordinator')).text).toContain('建立面商机制。');
  });
});
