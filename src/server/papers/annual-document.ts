// The annual summary as a document (.docx), a 报告 after GB/T 9704-2012 (docs/papers.md): the title,
// 主送, 一、总体办结情况 (the computed paragraph and a table with every figure of the statistics),
// 二、建议吸收采纳情况 (the adopted suggestions as a table), 三、主要做法 and 四、下步工作措施 (the
// office's own text where it has written it), then 署名 and 成文日期 kept with the last paragraph.
import type { AnnualReportResult, StatsSummary } from '../../contract';
import { percent } from '../../core/annual-report';
import type { RatingStats } from '../../core/metrics';
import { chineseDate } from './letter';
import type { Block } from './official-docx';

const rate = (r: number | null) => (r === null ? '—' : percent(r));
const count = (n: number) => `${n}件`;
const task = (n: number) => `${n}项`;

/** Every figure of stats.summary as a row: label, value. */
export function figureRows(s: StatsSummary): [string, string][] {
  const rating = (label: string, r: RatingStats): [string, string][] => [
    [`${label}：满意`, `${count(r.satisfied)}（${rate(r.satisfiedRate)}）`],
    [`${label}：基本满意`, `${count(r.basic)}（${rate(r.basicRate)}）`],
    [`${label}：不满意`, count(r.unsatisfied)],
    [`${label}：已评价`, count(r.total)],
    [`${label}：满意及基本满意率`, rate(r.satisfactionRate)],
  ];
  return [
    ['收到建议', count(s.received)],
    ['交办', count(s.assigned)],
    ['办结', count(s.done)],
    ['办结率', rate(s.completionRate)],
    ['按时办结', count(s.onTimeDone)],
    ['按时办结率', rate(s.onTimeRate)],
    ['已答复', count(s.replied)],
    ['面复', count(s.faceToFace)],
    ['面复率', rate(s.faceToFaceRate)],
    ['代表已评价', count(s.rated)],
    ['代表反馈满意率', rate(s.satisfactionRate)],
    ...rating('办理态度', s.attitude),
    ...rating('办理结果', s.result),
    ['A类答复（已解决或基本解决）', count(s.byClass.A)],
    ['B类答复（正在解决或列入计划）', count(s.byClass.B)],
    ['C类答复（因条件限制以后解决）', count(s.byClass.C)],
    ['D类答复（留作参考）', count(s.byClass.D)],
    ['吸收采纳（A类、B类）', count(s.adopted)],
    ['采纳率', rate(s.adoptionRate)],
    // Tasks, not suggestions: one suggestion may go to several units (docs/papers.md).
    ['承办任务：主办', task(s.byRole.lead)],
    ['承办任务：会办', task(s.byRole.co)],
    ['承办任务：分办', task(s.byRole.split)],
    ['承办任务：独办', task(s.byRole.sole)],
    ['承办任务合计', task(s.byRole.lead + s.byRole.co + s.byRole.split + s.byRole.sole)],
    ['会期提出', count(s.byPhase.session)],
    ['闭会期间提出', count(s.byPhase.recess)],
    ['超期未办', count(s.overdue)],
    ['临期', count(s.atRisk)],
  ];
}

const paragraphs = (text: string | undefined, placeholder: string): Block[] => {
  const lines = (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  return (lines.length > 0 ? lines : [placeholder]).map((line) => ({ kind: 'paragraph', text: line }));
};

export interface AnnualDocumentOptions {
  unitName: string;
  /** 主送, e.g. 市人大常委会. */
  addressee: string;
  sealed: boolean;
  practices?: string;
  nextSteps?: string;
  today: string;
}

export function annualBlocks(report: AnnualReportResult, office: AnnualDocumentOptions): Block[] {
  const adopted = report.adopted.map((a, i) => [`${i + 1}`, a.number, a.title, a.deputies.join('、'), a.classLabel]);
  return [
    { kind: 'title', text: report.title },
    { kind: 'blank' },
    { kind: 'addressee', text: `${office.addressee}：` },
    { kind: 'heading', text: '一、总体办结情况' },
    { kind: 'paragraph', text: report.summary },
    { kind: 'paragraph', text: `主要指标如下（截至${chineseDate(report.stats.today)}）：` },
    { kind: 'table', header: ['指标', '数值'], rows: figureRows(report.stats), widths: [3, 2] },
    { kind: 'heading', text: '二、建议吸收采纳情况' },
    ...(adopted.length > 0
      ? [
          { kind: 'paragraph', text: `答复为A类、B类的建议共${adopted.length}件：` } as Block,
          { kind: 'table', header: ['序号', '建议号', '建议标题', '提出代表', '答复类别'], rows: adopted, widths: [1, 2, 6, 3, 3] } as Block,
        ]
      : [{ kind: 'paragraph', text: '暂无A类、B类答复的建议。' } as Block]),
    { kind: 'heading', text: '三、主要做法' },
    ...paragraphs(office.practices, '（请填写本年度建议办理工作的主要做法。）'),
    { kind: 'heading', text: '四、下步工作措施' },
    ...paragraphs(office.nextSteps, '（请填写下步工作措施。）'),
    { kind: 'paragraph', text: '特此报告。' },
    { kind: 'signature', name: office.unitName, date: chineseDate(office.today), sealed: office.sealed },
  ];
}
