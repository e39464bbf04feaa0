import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { AnnualReportResult, StatsSummary } from '../../src/contract';
import { StatsScreen, StatsView } from '../../src/pages/office/stats';
import { CLOCK, meResult } from './fixtures';
import { fail, installFakeServer, ok, type FakeServer } from './fake-server';
import { tap } from './form-helpers';

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

const text = (id: string) => document.getElementById(id)!.textContent;

const allYears = () =>
  stats({
    scope: { unitName: '全部承办单位' },
    today: '2026-06-01',
    received: 120,
    overdue: 3,
    atRisk: 5,
    perUnit: [
      { unitId: 'u1', unitName: '市发展改革委', ...stats({ received: 82, done: 41, completionRate: 0.5, onTimeRate: null, faceToFaceRate: 1, satisfactionRate: 0.75, adoptionRate: 0.8 }) },
    ],
  });

/** The fake server's stats.summary: the year's counters for { year }, all years' for {}. */
const summaries = (year: StatsSummary | ((y: number) => StatsSummary), all: StatsSummary = allYears()) => (request: { data?: unknown }) => {
  const y = (request.data as { year?: number } | undefined)?.year;
  if (y === undefined) return ok(all);
  return ok(typeof year === 'function' ? year(y) : year);
};

describe('the statistics and annual summary page', () => {
  it('opens on the year’s figures from the counters, every figure in words, and reads the summary only when asked', async () => {
    const held = server.hold('stats.summary');
    server.on('stats.summary', summaries(stats()));
    server.on('report.annual', ok(report()));
    render(<StatsView year={2022} />);
    expect(screen.getAllByText('正在加载…').length).toBeGreaterThan(0);
    held.release();
    await waitFor(() => expect(document.getElementById('stat-completion')).not.toBeNull());
    expect(server.callsOf('stats.summary').map((c) => c.data)).toEqual(expect.arrayContaining([{ year: 2022 }, {}]));
    expect(text('stat-completion')).toBe('办结率：100%（已办结82件÷交办82件）');
    expect(text('stat-on-time')).toBe('按时办结率：100%（按时办结82件÷已办结82件）');
    expect(text('stat-face')).toBe('面复率：100%（面复44件÷已答复44件）');
    expect(text('stat-satisfaction')).toBe('代表反馈满意率：100%（已评价44件）');
    expect(text('stat-adoption')).toBe('采纳率（A类+B类）：90.9%（A类30、B类10、C类3、D类1，共44件）');
    expect(text('stat-roles')).toBe('承办类别：主办19件、会办38件、分办25件、独办0件');
    expect(text('stat-phases')).toBe('提出阶段：会期79件、闭会期间3件');
    expect(text('stat-attitude')).toBe('办理态度：满意40、基本满意4、不满意0');
    expect(text('stat-overdue')).toBe('已超期：0项（临期0项）');
    // The summary reads the year's records: not on opening.
    expect(server.callsOf('report.annual')).toEqual([]);
    tap('查看2022年度总结和采纳的建议');
    expect(await screen.findByText(/共收到市人大代表建议82件/)).toBeTruthy();
    expect(server.callsOf('report.annual')[0]!.data).toEqual({ year: 2022 });
    expect(screen.getByText('1号 关于加快济南市新能源汽车推广普及')).toBeTruthy();
    expect(screen.getByText('郭梅代表 · A类（已解决或基本解决）')).toBeTruthy();
  });

  it('shows the figures of all years with the overdue and at-risk tasks now, and each unit’s rates', async () => {
    server.on('stats.summary', summaries(stats()));
    render(<StatsView year={2026} />);
    expect(await screen.findByText('统计至2026-06-01（全部承办单位）')).toBeTruthy();
    expect(text('all-stat-received')).toBe('收到建议：120件（交办82件）');
    expect(text('all-stat-overdue')).toBe('已超期：3项（临期5项）');
    const unit = text('unit-u1')!;
    expect(unit).toContain('市发展改革委');
    expect(unit).toContain('收到82件 · 已办结41件 · 办结率50% · 按时办结率—');
    expect(unit).toContain('面复率100% · 代表反馈满意率75% · 采纳率80%');
  });

  it('opens on this year by the server’s clock, not the phone’s', async () => {
    server.on('me', ok(meResult({ id: 'c1', name: '郑晓燕', roles: ['coordinator'], roleLabels: ['建议办理联络员'] }, ['stats'], { ...CLOCK, today: '2031-01-01', year: 2031 })));
    server.on('stats.summary', summaries(stats()));
    render(<StatsScreen />);
    expect(await screen.findByText('2031年')).toBeTruthy();
    await waitFor(() => expect(server.callsOf('stats.summary').map((c) => c.data)).toContainEqual({ year: 2031 }));
  });

  it('steps among the years with suggestions and this year, never past this year nor to an empty year; another year starts with its figures, not the last summary', async () => {
    server.on('stats.summary', summaries((y) => stats({ received: y - 1900 })));
    // Suggestions in 2026 and 2023 only: 上一年 from 2026 goes to 2023, and from there nowhere.
    server.on('stats.years', ok({ years: [2026, 2023] }));
    server.on('report.annual', (request) => {
      const { year } = request.data as { year: number };
      return ok(report({ year, title: `${year}年度报告`, summary: `${year}年的总结` }));
    });
    render(<StatsView year={2026} />);
    await waitFor(() => expect(document.getElementById('stat-received')).not.toBeNull());
    expect(text('stat-received')).toBe('收到建议：126件（交办82件）');
    expect(document.getElementById('year-next')).toBeNull();
    tap('查看2026年度总结和采纳的建议');
    expect(await screen.findByText('2026年的总结')).toBeTruthy();
    await screen.findByText('上一年（2023年）');
    tap('上一年（2023年）');
    await waitFor(() => expect(text('stat-received')).toBe('收到建议：123件（交办82件）'));
    expect(document.getElementById('year-prev')).toBeNull();
    expect(screen.queryByText('2023年的总结')).toBeNull();
    tap('查看2023年度总结和采纳的建议');
    expect(await screen.findByText('2023年的总结')).toBeTruthy();
    tap('下一年（2026年）');
    await waitFor(() => expect(text('stat-received')).toBe('收到建议：126件（交办82件）'));
    expect(server.callsOf('report.annual').map((c) => c.data)).toEqual([{ year: 2026 }, { year: 2023 }]);
    expect(server.callsOf('stats.summary').map((c) => (c.data as { year?: number }).year)).not.toContain(2025);
    expect(server.callsOf('stats.summary').filter((c) => (c.data as { year?: number }).year === undefined)).toHaveLength(1);
  });

  it('writes — for a rate with nothing to count, and says when nothing was adopted or received', async () => {
    server.on('stats.summary', summaries(stats({ replied: 0, faceToFace: 0, faceToFaceRate: null, rated: 0, satisfactionRate: null }), stats({ received: 0 })));
    server.on('report.annual', ok(report({ adopted: [] })));
    render(<StatsView year={2026} />);
    expect(await screen.findByText('还没有建议')).toBeTruthy();
    expect(text('stat-face')).toBe('面复率：—（面复0件÷已答复0件）');
    expect(text('stat-satisfaction')).toBe('代表反馈满意率：—（已评价0件）');
    tap('查看2026年度总结和采纳的建议');
    expect(await screen.findByText('本年度暂无 A 类、B 类答复')).toBeTruthy();
  });

  it('says when the year has no suggestions instead of a page of zeros', async () => {
    server.on('stats.summary', summaries(stats({ received: 0, assigned: 0 })));
    render(<StatsView year={2026} />);
    expect(await screen.findByText('2026年还没有收到建议')).toBeTruthy();
    expect(document.getElementById('stat-figures')).toBeNull();
  });

  it('shows the server message and a retry when the figures cannot be read, and 重试 reads them again', async () => {
    server.on('stats.summary', fail('FORBIDDEN', '只有办理人员可以查看台账和统计'));
    render(<StatsView year={2026} />);
    expect(await screen.findAllByText('只有办理人员可以查看台账和统计')).toHaveLength(2);
    server.on('stats.summary', summaries(stats()));
    fireEvent.click(screen.getAllByText('重试')[0]!);
    await waitFor(() => expect(document.getElementById('stat-completion')).not.toBeNull());
  });
});
