// The annual summary through report.annual names only the sessions of the year and scope, and lists a
// suggestion as adopted by its latest reply (a B superseded by a C after 不满意 is not adopted).
import type { AnnualReportResult, TaskResult } from '../../../src/contract';
import { openOffice, type Office } from './fixture';
import { importRows, replyAndRate, soleRow } from './lifecycle';

describe('report.annual over a store holding other years and rounds', () => {
  let office: Office;
  beforeAll(async () => {
    office = await openOffice();
    const lastYear = soleRow('2301', '关于老旧小区加装电梯的建议', '2023-03-01');
    lastYear[6] = '十八届二次';
    const ids = await importRows(office, [soleRow('3001', '关于社区食堂的建议'), soleRow('3002', '关于适老化改造的建议'), lastYear]);
    // 3001: answered B, rated 不满意, re-handled and answered C in round 2.
    const taskId = ids.get('3001')!.taskIds[0]!;
    await replyAndRate(office, taskId, { class: 'B', rating: 'unsatisfied' });
    let version = (await office.store.get('tasks', taskId))!.version;
    expect((await office.store.get('tasks', taskId))!.state).toBe('rehandling');
    version = (
      await office.ok<TaskResult>('handler-mzj', 'tasks.saveDraft', {
        taskId,
        version,
        class: 'C',
        text: '王建华代表：经再次研究，受用地条件限制，拟于明年解决。',
        leaderContact: { name: '冯刚', phone: '13912340005' },
        handlerContact: { name: '孙丽', phone: '13912340003' },
        commitment: { promise: '明年选址建设', targetDate: '2025-06-30' },
      })
    ).task.version;
    version = (await office.ok<TaskResult>('handler-mzj', 'tasks.submitDraft', { taskId, version })).task.version;
    version = (await office.ok<TaskResult>('reviewer-mzj', 'tasks.review', { taskId, version, decision: 'approve' })).task.version;
    await office.ok<TaskResult>('leader-mzj', 'tasks.sign', { taskId, version });
    // 3002: answered A and rated 满意.
    await replyAndRate(office, ids.get('3002')!.taskIds[0]!, { class: 'A' });
  });
  afterAll(() => office.store.close());

  it('names the sessions of the year only, each once', async () => {
    const report = await office.ok<AnnualReportResult>('coordinator', 'report.annual', { year: 2024 });
    expect(report.summary).toContain('共收到人大代表建议2件，均为十八届三次会议期间收到。');
    expect(report.summary).not.toContain('十八届二次');
    expect(report.summary).not.toContain('会议会议');
    const before = await office.ok<AnnualReportResult>('coordinator', 'report.annual', { year: 2023 });
    expect(before.summary).toContain('共收到人大代表建议1件，均为十八届二次会议期间收到。');
  });

  it('lists the adopted suggestions by their latest reply, as the class counts do', async () => {
    const report = await office.ok<AnnualReportResult>('coordinator', 'report.annual', { year: 2024 });
    expect(report.stats.byClass).toMatchObject({ A: 1, B: 0, C: 1 });
    expect(report.adopted.map((a) => `${a.number}:${a.class}`)).toEqual(['3002:A']);
    expect(report.text).not.toContain('建议号3001');
  });
});
