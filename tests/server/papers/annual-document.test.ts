// report.annual with format "docx": the office's report as a document, every figure of stats.summary
// in it, the office's own sections where written, the adopted list as a table.
import type { AnnualReportResult, StatsSummary } from '../../../src/contract';
import { openOffice, THREE_ROWS, type Office } from '../coordinator/fixture';
import { importRows, replyAndRate, soleRow } from '../coordinator/lifecycle';
import { openDocx, openLink, type DocxContent } from './docx-reader';

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

describe('the annual summary as a document', () => {
  let office: Office;
  let report: AnnualReportResult;
  let doc: DocxContent;
  beforeAll(async () => {
    office = await openOffice();
    const ids = await importRows(office, [...THREE_ROWS, soleRow('3001', '关于社区食堂的建议'), soleRow('3002', '关于适老化改造的建议'), soleRow('3003', '关于口袋公园的建议')]);
    await replyAndRate(office, ids.get('3001')!.taskIds[0]!, { class: 'A' });
    await replyAndRate(office, ids.get('3003')!.taskIds[0]!, { class: 'C', rating: 'basic' });
    report = await office.ok<AnnualReportResult>('coordinator', 'report.annual', {
      year: 2024,
      format: 'docx',
      practices: '坚持主要领导亲自抓。\n建立面商机制。',
    });
    doc = await openDocx(office.files, report.url!, 'coordinator');
  });
  afterAll(() => office.store.close());

  it('answers the document’s name and a link for the caller, with the summary as before', async () => {
    expect(report.fileName).toBe('本机关2024年度建议办理工作情况报告.docx');
    expect(report.summary).toContain('共收到人大代表建议6件');
    expect(await openLink(office.files, report.url!, 'deputy-wang')).toMatchObject({ ok: false, status: 403 });
    const plain = await office.ok<AnnualReportResult>('coordinator', 'report.annual', { year: 2024 });
    expect(plain.url).toBeUndefined();
  });

  it('has the title, the computed paragraph and every figure of stats.summary', () => {
    const s: StatsSummary = report.stats;
    expect(doc.paragraphs[0]).toBe(report.title);
    expect(doc.paragraphs).toContain('一、总体办结情况');
    expect(doc.paragraphs).toContain(report.summary);
    const figures = new Map(doc.tables[0]!.slice(1).map(([label, value]) => [label!, value!]));
    const expected: [string, string][] = [
      ['收到建议', `${s.received}件`],
      ['交办', `${s.assigned}件`],
      ['办结', `${s.done}件`],
      ['办结率', pct(s.completionRate)],
      ['按时办结', `${s.onTimeDone}件`],
      ['按时办结率', pct(s.onTimeRate)],
      ['已答复', `${s.replied}件`],
      ['面复', `${s.faceToFace}件`],
      ['面复率', pct(s.faceToFaceRate)],
      ['代表已评价', `${s.rated}件`],
      ['代表反馈满意率', pct(s.satisfactionRate)],
      ['办理态度：满意', `${s.attitude.satisfied}件（${pct(s.attitude.satisfiedRate)}）`],
      ['办理态度：基本满意', `${s.attitude.basic}件（${pct(s.attitude.basicRate)}）`],
      ['办理态度：不满意', `${s.attitude.unsatisfied}件`],
      ['办理态度：已评价', `${s.attitude.total}件`],
      ['办理态度：满意及基本满意率', pct(s.attitude.satisfactionRate)],
      ['办理结果：满意', `${s.result.satisfied}件（${pct(s.result.satisfiedRate)}）`],
      ['办理结果：基本满意', `${s.result.basic}件（${pct(s.result.basicRate)}）`],
      ['办理结果：不满意', `${s.result.unsatisfied}件`],
      ['办理结果：已评价', `${s.result.total}件`],
      ['办理结果：满意及基本满意率', pct(s.result.satisfactionRate)],
      ['A类答复（已解决或基本解决）', `${s.byClass.A}件`],
      ['B类答复（正在解决或列入计划）', `${s.byClass.B}件`],
      ['C类答复（因条件限制以后解决）', `${s.byClass.C}件`],
      ['D类答复（留作参考）', `${s.byClass.D}件`],
      ['吸收采纳（A类、B类）', `${s.adopted}件`],
      ['采纳率', pct(s.adoptionRate)],
      // Tasks by role, in 项: one suggestion goes to several units.
      ['承办任务：主办', `${s.byRole.lead}项`],
      ['承办任务：会办', `${s.byRole.co}项`],
      ['承办任务：分办', `${s.byRole.split}项`],
      ['承办任务：独办', `${s.byRole.sole}项`],
      ['承办任务合计', `${s.byRole.lead + s.byRole.co + s.byRole.split + s.byRole.sole}项`],
      ['会期提出', `${s.byPhase.session}件`],
      ['闭会期间提出', `${s.byPhase.recess}件`],
      ['超期未办', `${s.overdue}件`],
      ['临期', `${s.atRisk}件`],
    ];
    for (const [label, value] of expected) expect([label, figures.get(label)]).toEqual([label, value]);
    // The figures are the data's, not defaults: six received, two replied, one adopted, half satisfied in full.
    expect([s.received, s.replied, s.adopted, s.byClass.C, s.attitude.satisfied, s.attitude.basic]).toEqual([6, 2, 1, 1, 1, 1]);
  });

  it('lists the adopted suggestions in a table and has the office’s own sections as headings', () => {
    expect(doc.paragraphs).toContain('二、建议吸收采纳情况');
    expect(doc.tables[1]).toEqual([
      ['序号', '建议号', '建议标题', '提出代表', '答复类别'],
      ['1', '3001', '关于社区食堂的建议', '王建华', report.adopted[0]!.classLabel],
    ]);
    const i = doc.paragraphs.indexOf('三、主要做法');
    expect(doc.paragraphs.slice(i + 1, i + 3)).toEqual(['坚持主要领导亲自抓。', '建立面商机制。']);
    const j = doc.paragraphs.indexOf('四、下步工作措施');
    expect(doc.paragraphs[j + 1]).toBe('（请填写下步工作措施。）');
    expect(doc.paragraphs.filter((t) => t !== '').slice(-3)).toEqual(['特此报告。', '本机关', '2024年4月10日']);
  });

  it('refuses a format it does not write and unit staff of another unit', async () => {
    expect(await office.call('coordinator', 'report.annual', { year: 2024, format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await office.call('handler-fgw', 'report.annual', { year: 2024, unitId: 'unit-mzj', format: 'docx' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
