import { annualReport, percent } from '../../src/core/annual-report';
import { SHANDONG_POLICY } from '../../src/core/policy';
import { DRC, office2022 } from './office-2022';

const options = {
  year: 2022,
  unitName: '市发展改革委',
  deputyTitle: '市人大代表',
  sessionName: '市十八届人大一次会议',
  scope: { kind: 'unit' as const, unitId: DRC },
  today: '2023-01-12',
};

describe('the annual summary in the office’s form', () => {
  it('reproduces the 2022 report’s sentence from 82 suggestions of data', () => {
    const report = annualReport(office2022(), options, SHANDONG_POLICY);
    expect(report.summary).toBe(
      '2022年，市发展改革委共收到市人大代表建议82件，其中79件为市十八届人大一次会议期间收到，3件为会后收到。' +
        '从承办类别来看，主办件19件、分办件25件、会办件38件。' +
        '截至目前，82件人大建议已全部办理完毕，办结率100%、面复率100%、代表反馈满意率100%。',
    );
  });
  it('says how many are done when not all are', () => {
    const report = annualReport(office2022({ unfinished: 7 }), options, SHANDONG_POLICY);
    expect(report.summary).toContain('截至目前，已办理完毕75件，正在办理7件，办结率91.5%、面复率100%、代表反馈满意率100%。');
  });
  it('lists the adopted (A/B) suggestions with their deputies and titles', () => {
    const report = annualReport(office2022(), options, SHANDONG_POLICY);
    expect(report.adopted).toHaveLength(10);
    expect(report.adopted[0]).toMatchObject({ number: '1', title: '关于加快济南市新能源汽车推广普及', deputies: ['郭梅'], class: 'A' });
    expect(report.adopted[1]).toMatchObject({ deputies: ['杨爱琴'], title: '关于加快推进电动汽车充电桩配置' });
    expect(report.text).toContain('（一）郭梅代表提出的“关于加快济南市新能源汽车推广普及”建议（A类，建议号1）');
    expect(report.text.split('\n')[0]).toBe('一、总体办结情况');
  });
  it('does not repeat 建议 after a title that already ends with it', () => {
    const data = office2022();
    data.suggestions[0] = { ...data.suggestions[0]!, title: '关于加快新能源汽车推广普及的建议' };
    const report = annualReport(data, options, SHANDONG_POLICY);
    expect(report.text).toContain('（一）郭梅代表提出的“关于加快新能源汽车推广普及的建议”（A类，建议号1）');
    expect(report.text).not.toContain('建议”建议');
  });
  it('counts only the year asked for', () => {
    const report = annualReport(office2022(), { ...options, year: 2023 }, SHANDONG_POLICY);
    expect(report.summary).toBe('2023年，市发展改革委共收到市人大代表建议0件。');
    expect(report.text).toContain('暂无A类、B类答复的建议。');
  });
  it('words a year of session-only or recess-only suggestions and unassigned ones', () => {
    const data = office2022();
    const sessionOnly = { ...data, suggestions: data.suggestions.slice(0, 79), tasks: data.tasks.slice(0, 79) };
    expect(annualReport(sessionOnly, options, SHANDONG_POLICY).summary).toContain('共收到市人大代表建议79件，均为市十八届人大一次会议期间收到。');
    const recessOnly = { ...data, suggestions: data.suggestions.slice(79), tasks: data.tasks.slice(79) };
    expect(annualReport(recessOnly, options, SHANDONG_POLICY).summary).toContain('均为会后收到。从承办类别来看，会办件3件。');
    const withPending = { ...data, suggestions: [...data.suggestions, { ...data.suggestions[0]!, id: 'new', number: '83', assignedAt: undefined }] };
    const all = annualReport(withPending, { ...options, scope: { kind: 'all' } }, SHANDONG_POLICY);
    expect(all.summary).toContain('共收到市人大代表建议83件，其中80件为市十八届人大一次会议期间收到，3件为会后收到，另有1件尚待交办。');
  });
  it('writes rates as the office does', () => {
    expect(percent(1)).toBe('100%');
    expect(percent(75 / 82)).toBe('91.5%');
    expect(percent(0)).toBe('0%');
  });
});

describe('the sessions and the adopted list are those of the year and scope', () => {
  const { sessionName: _named, ...derived } = options;
  it('names only the sessions of the year asked for, each once with 会议', () => {
    const data = office2022();
    // The year before came from another session; it must not be named in 2022's summary.
    data.suggestions.push({ ...data.suggestions[0]!, id: 'old', number: '900', session: '十七届五次', createdAt: '2021-02-20T02:00:00Z', assignedAt: '2021-02-20T02:00:00Z' });
    data.tasks.push({ ...data.tasks[0]!, id: 'old-t', suggestionId: 'old' });
    const report = annualReport(data, derived, SHANDONG_POLICY);
    expect(report.summary).toContain('其中79件为十八届一次会议期间收到，3件为会后收到。');
    expect(report.summary).not.toContain('十七届');
  });
  it('does not double 会议 after a 届次 that already ends with it', () => {
    const data = office2022();
    data.suggestions = data.suggestions.map((s) => ({ ...s, session: '十八届一次会议' }));
    const report = annualReport(data, derived, SHANDONG_POLICY);
    expect(report.summary).toContain('79件为十八届一次会议期间收到');
    expect(report.summary).not.toContain('会议会议');
  });
  it('names only the sessions of the unit’s own suggestions in a unit scope', () => {
    const data = office2022();
    data.suggestions.push({ ...data.suggestions[0]!, id: 'other', number: '901', session: '十八届二次' });
    data.tasks.push({ ...data.tasks[0]!, id: 'other-t', suggestionId: 'other', unitId: 'another-unit' });
    expect(annualReport(data, derived, SHANDONG_POLICY).summary).not.toContain('十八届二次');
    expect(annualReport(data, { ...derived, scope: { kind: 'all' } }, SHANDONG_POLICY).summary).toContain('十八届一次会议、十八届二次会议期间收到');
  });
  it('lists a suggestion by the class of its latest reply, not a superseded one', () => {
    const data = office2022();
    // 建议3: answered B in round 1, rated 不满意, re-handled and answered C in round 2.
    const r1 = data.replies.find((r) => r.suggestionId === 's3')!;
    expect(r1.class).toBe('B');
    data.replies.push({ ...r1, id: 'r3-2', round: 2, class: 'C', signedAt: '2022-07-01T02:00:00Z' });
    // 建议4: the reverse, C then A: adopted as A.
    const r4 = data.replies.find((r) => r.suggestionId === 's4')!;
    r4.class = 'C';
    data.replies.push({ ...r4, id: 'r4-2', round: 2, class: 'A', signedAt: '2022-07-01T02:00:00Z' });
    const report = annualReport(data, options, SHANDONG_POLICY);
    expect(report.adopted.find((a) => a.number === '3')).toBeUndefined();
    expect(report.adopted.find((a) => a.number === '4')).toMatchObject({ class: 'A' });
    expect(report.adopted).toHaveLength(report.metrics.byClass.A + report.metrics.byClass.B);
    expect(report.text).not.toContain('建议号3）');
  });
});
