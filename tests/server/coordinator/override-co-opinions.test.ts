// 督办 with the coordinator's recorded override: a lead (主办) draft waits for every co-handler's
// opinion, unless the coordinator records why it need not (docs/architecture.md, Workflow table).
import type { TaskResult } from '../../../src/contract';
import { HEADER, openOffice, type Office } from './fixture';
import { importRows } from './lifecycle';

function jointRow(): string[] {
  const fields: Record<string, string> = {
    建议号: '5001',
    标题: '关于加快充电设施建设的建议',
    内容: '建议统筹规划公共充电设施。',
    领衔代表: '王建华',
    附议代表: '',
    代表团: '历下区代表团',
    届次: '十八届三次',
    提出阶段: '会期',
    主办单位: '市发展改革委',
    会办单位: '市民政局',
    分办单位: '',
    交办日期: '2024-04-01',
    重点督办: '否',
  };
  return HEADER.map((h) => fields[h]!);
}

describe('the coordinator’s override of missing co-opinions', () => {
  let office: Office;
  let leadTaskId: string;
  let version: number;

  beforeEach(async () => {
    office = await openOffice();
    const ids = (await importRows(office, [jointRow()])).get('5001')!;
    const tasks = await office.store.find('tasks', { where: { suggestionId: ids.suggestionId } });
    leadTaskId = tasks.find((t) => t.role === 'lead')!.id;
    version = (await office.ok<TaskResult>('handler-fgw', 'tasks.claim', { taskId: leadTaskId, version: 1 })).task.version;
    version = (
      await office.ok<TaskResult>('handler-fgw', 'tasks.saveDraft', {
        taskId: leadTaskId,
        version,
        class: 'A',
        text: '王建华代表：您的建议收悉，现答复如下。',
        leaderContact: { name: '周强', phone: '13912340002' },
        handlerContact: { name: '刘洋', phone: '13912340001' },
      })
    ).task.version;
  });
  afterEach(() => office.store.close());

  it('a lead draft is held while a co-handler’s opinion is missing', async () => {
    const res = await office.call('handler-fgw', 'tasks.submitDraft', { taskId: leadTaskId, version });
    expect(res).toMatchObject({ ok: false });
  });

  it('after the coordinator’s 督办 with a recorded reason, the lead unit may submit', async () => {
    const urged = await office.ok<TaskResult>('coordinator', 'tasks.urge', {
      taskId: leadTaskId,
      overrideCoOpinions: { reason: '会办单位已书面说明无补充意见' },
    });
    const task = await office.store.get('tasks', leadTaskId);
    expect(task!.coOpinionOverride).toMatchObject({ reason: '会办单位已书面说明无补充意见', by: 'coordinator' });
    const events = await office.store.events({ entityId: leadTaskId });
    expect(events.at(-1)).toMatchObject({ action: 'tasks.urge', detail: { overrideCoOpinions: '会办单位已书面说明无补充意见' } });
    const submitted = await office.ok<TaskResult>('handler-fgw', 'tasks.submitDraft', { taskId: leadTaskId, version: urged.task.version });
    expect(submitted.task.state).toBe('inReview');
  });

  it('the lead unit hears of the waiver: the override’s notice is in the outbox, with its audit event', async () => {
    await office.ok<TaskResult>('coordinator', 'tasks.urge', { taskId: leadTaskId, overrideCoOpinions: { reason: '会办单位已书面说明无补充意见' } });
    const waived = (await office.store.find('notifications')).filter((n) => n.taskId === leadTaskId && n.kind === 'coOpinionsOverridden');
    expect(waived.map((n) => [n.userId, n.title])).toEqual([['handler-fgw', '联络员已免除未送会办意见']]);
    expect(await office.store.events({ entityId: waived[0]!.id })).toMatchObject([{ action: 'tasks.urge', actorId: 'coordinator' }]);
  });

  it('an override without a reason is refused and changes nothing', async () => {
    const before = office.store.dump();
    const res = await office.call('coordinator', 'tasks.urge', { taskId: leadTaskId, overrideCoOpinions: { reason: ' ' } });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(office.store.dump()).toBe(before);
  });

  it('only the coordinator may record the override', async () => {
    const before = office.store.dump();
    const res = await office.call('handler-fgw', 'tasks.urge', { taskId: leadTaskId, overrideCoOpinions: { reason: '无需会办' } });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(office.store.dump()).toBe(before);
  });
});
