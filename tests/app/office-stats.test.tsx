import { render, screen } from '@testing-library/react';
import type { AnnualReportResult, StatsSummary } from '../../src/core/contract';
import { StatsView } from '../../src/pages/office/stats';
import { fail, installFakeServer, ok, type FakeServer } from './fake-server';

let server: FakeServer;
beforeEach(() => {
  server = installFakeServer();
});

const ratings = (satisfied: number, basic: number, unsatisfied: number) => {
  const total = satisfied + basic + unsatisfied;
  const r = (n: number) => (total === 0 ? null : n / total);
  return { satisfied, basic, unsatisfied, total, satisfiedRate: r(satisfied), basicRate: r(basic), satisfactionRate: r(satisfied + basic) };
};

function stats(extra: Partial<StatsSummary> = {}): StatsSummary {
  return {
    scope: { unitName: '全部承办单位', year: 2022 },
    today: '2022-12-31',
    received: 82,
    assigned: 82,
    done: 82,
    completionRate: 1,
    onTimeDone: 82,
    onTimeRate: 1,
    replied: 44,
    faceToFace: 44,
    faceToFaceRate: 1,
    rated: 44,
    satisfactionRate: 1,
    attitude: ratings(40, 4, 0),
    result: ratings(38, 6, 0),
    byClass: { A: 30, B: 10, C: 3, D: 1 },
    adopted: 40,
    adoptionRate: 40 / 44,
    byRole: { lead: 19, co: 38, split: 25, sole: 0 },
    byPhase: { session: 79, recess: 3 },
    overdue: 0,
    atRisk: 0,
    perUnit: [],
    ...extra,
  };
}

function report(extra: Partial<AnnualReportResult> = {}): AnnualReportResult {
  return {
    year: 2022,
    title: '市发展改革委关于2022年度人大代表建议办理工作情况的报告',
    text: '……',
    summary: '2022年，市发展改革委共收到市人大代表建议82件，其中79件为市十八届人大一次会议期间收到，3件为会后收到。',
    adopted: [{ suggestionId: 's1', number: '1', title: '关于加快济南市新能源汽车推广普及', deputies: ['郭梅'], class: 'A', classLabel: 'A类（已解决或基本解决）' }],
    stats: stats(),
    ...extra,
  };
}

describe('the statistics and annual summary page', () => {
  it('asks for the year, then shows the summary, every figure in words and the adopted suggestions', async () => {
    const held = server.hold('report.annual');
    server.on('report.annual', ok(report()));
    render(<StatsView year={2022} />);
    expect(screen.getByText('正在加载…')).toBeTruthy();
    held.release();
    expect(await screen.findByText(/共收到市人大代表建议82件/)).toBeTruthy();
    expect(server.callsOf('report.annual')[0]!.data).toEqual({ year: 2022 });
    const text = (id: string) => document.getElementById(id)!.textContent;
    expect(text('stat-completion')).toBe('办结率：100%（已办结82件）');
    expect(text('stat-adoption')).toBe('采纳率（A类+B类）：90.9%（A类30、B类10、C类3、D类1）');
    expect(text('stat-roles')).toBe('承办类别：主办19件、会办38件、分办25件、独办0件');
    expect(text('stat-phases')).toBe('提出阶段：会期79件、闭会期间3件');
    expect(text('stat-attitude')).toBe('办理态度：满意40、基本满意4、不满意0');
    expect(screen.getByText('1号 关于加快济南市新能源汽车推广普及')).toBeTruthy();
    expect(screen.getByText('郭梅代表 · A类（已解决或基本解决）')).toBeTruthy();
  });

  it('writes — for a rate with nothing to count, and says when nothing was adopted', async () => {
    server.on('report.annual', ok(report({ adopted: [], stats: stats({ replied: 0, faceToFace: 0, faceToFaceRate: null, rated: 0, satisfactionRate: null }) })));
    render(<StatsView year={2026} />);
    expect(await screen.findByText('本年度暂无 A 类、B 类答复')).toBeTruthy();
    expect(document.getElementById('stat-face')!.textContent).toBe('面复率：—（已答复0件，面复0件）');
    expect(document.getElementById('stat-satisfaction')!.textContent).toBe('代表满意率：—（已评价0件）');
  });

  it('shows the server message and a retry when the figures cannot be read', async () => {
    server.on('report.annual', fail('FORBIDDEN', '只有办理人员可以查看台账和统计'));
    render(<StatsView year={2026} />);
    expect(await screen.findByText('只有办理人员可以查看台账和统计')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });
});
