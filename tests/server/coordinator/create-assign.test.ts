// suggestions.create and suggestions.assign: the 联络员 registers a suggestion by hand and assigns it.
import type { AssignSuggestionResult, CreatedResult } from '../../../src/contract';
import { shanghaiStartOfDay } from '../../../src/core/calendar';
import { computeDue } from '../../../src/core/deadlines';
import { SHANDONG_POLICY } from '../../../src/core/policy';
import { NOW, openOffice, type Office } from './fixture';

const SUGGESTION = {
  number: '5001',
  title: '关于增设口袋公园的建议',
  content: '建议利用边角地块增设口袋公园。',
  leadDeputyId: 'deputy-wang',
  coSignerIds: ['deputy-li'],
  delegation: '历下区代表团',
  session: '十八届三次',
  phase: 'session',
};

describe('registering and assigning a suggestion by hand', () => {
  let office: Office;
  let id: string;
  beforeEach(async () => {
    office = await openOffice();
    id = (await office.ok<CreatedResult>('coordinator', 'suggestions.create', SUGGESTION)).id;
  });
  afterEach(() => office.store.close());

  it('creates the suggestion, pending, with an audit event', async () => {
    expect(await office.store.get('suggestions', id)).toMatchObject({ number: '5001', leadDeputyId: 'deputy-wang', coSignerIds: ['deputy-li'], version: 1 });
    expect(await office.store.count('tasks')).toBe(0);
    expect((await office.store.events({ suggestionId: id })).map((e) => e.action)).toEqual(['suggestions.create']);
  });

  it('refuses a taken 建议号, an unknown deputy, a wrong role and a bad payload, changing nothing', async () => {
    const before = office.store.dump();
    expect(await office.call('coordinator', 'suggestions.create', SUGGESTION)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await office.call('coordinator', 'suggestions.create', { ...SUGGESTION, number: '5002', leadDeputyId: 'handler-fgw' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await office.call('handler-fgw', 'suggestions.create', { ...SUGGESTION, number: '5003' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await office.call('coordinator', 'suggestions.create', { ...SUGGESTION, number: '5004', phase: 'later' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '「提出阶段」的取值不在允许范围内' },
    });
    expect(office.store.dump()).toBe(before);
  });

  it('creates one task per unit with its role and the policy\'s due dates', async () => {
    const result = await office.ok<AssignSuggestionResult>('coordinator', 'suggestions.assign', {
      suggestionId: id,
      version: 1,
      assignedDate: '2024-04-01',
      units: [
        { unitId: 'unit-fgw', role: 'lead', requirements: '会同住建部门办理，面复代表。' },
        { unitId: 'unit-zjj', role: 'co' },
        { unitId: 'unit-jtj', role: 'co' },
      ],
    });
    expect(result.taskIds).toHaveLength(3);
    const assignedAt = shanghaiStartOfDay('2024-04-01');
    const tasks = await office.store.find('tasks', { where: { suggestionId: id } });
    expect(tasks.map((t) => [t.unitId, t.role, t.state]).sort()).toEqual([
      ['unit-fgw', 'lead', 'assigned'],
      ['unit-jtj', 'co', 'assigned'],
      ['unit-zjj', 'co', 'assigned'],
    ]);
    for (const task of tasks) expect(task.due).toEqual(computeDue(task.role, assignedAt, SHANDONG_POLICY));
    expect(tasks.find((t) => t.role === 'lead')?.requirements).toBe('会同住建部门办理，面复代表。');
    expect((await office.store.get('suggestions', id))?.assignedAt).toBe(assignedAt);
  });

  it('assigns today by default', async () => {
    await office.ok('coordinator', 'suggestions.assign', { suggestionId: id, version: 1, units: [{ unitId: 'unit-mzj', role: 'sole' }] });
    const [task] = await office.store.find('tasks', { where: { suggestionId: id } });
    expect(task?.assignedAt).toBe(NOW);
  });

  it('refuses combinations of roles the rules do not allow, and changes nothing', async () => {
    const before = office.store.dump();
    const refused = [
      [{ unitId: 'unit-fgw', role: 'co' }],
      [{ unitId: 'unit-fgw', role: 'lead' }, { unitId: 'unit-jtj', role: 'lead' }],
      [{ unitId: 'unit-fgw', role: 'sole' }, { unitId: 'unit-jtj', role: 'split' }],
      [{ unitId: 'unit-fgw', role: 'lead' }, { unitId: 'unit-jtj', role: 'split' }],
      [{ unitId: 'unit-fgw', role: 'split' }, { unitId: 'unit-fgw', role: 'split' }],
      [{ unitId: 'unit-none', role: 'sole' }],
      [],
    ];
    for (const units of refused) {
      expect(await office.call('coordinator', 'suggestions.assign', { suggestionId: id, version: 1, units })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await office.call('coordinator', 'suggestions.assign', { suggestionId: id, version: 1, assignedDate: '2024-04-11', units: [{ unitId: 'unit-fgw', role: 'sole' }] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(office.store.dump()).toBe(before);
  });

  it('makes a 独办 the 主办 when a 会办 is added later, the co-opinion deadline counting from then', async () => {
    await office.ok('coordinator', 'suggestions.assign', { suggestionId: id, version: 1, assignedDate: '2024-03-01', units: [{ unitId: 'unit-fgw', role: 'sole' }] });
    const [sole] = await office.store.find('tasks', { where: { suggestionId: id } });
    await office.ok('coordinator', 'suggestions.assign', { suggestionId: id, version: 2, units: [{ unitId: 'unit-jtj', role: 'co' }] });
    const tasks = await office.store.find('tasks', { where: { suggestionId: id } });
    const lead = tasks.find((t) => t.id === sole!.id)!;
    const co = tasks.find((t) => t.unitId === 'unit-jtj')!;
    expect(lead).toMatchObject({ role: 'lead', due: sole!.due, version: sole!.version + 1 });
    expect(co).toMatchObject({ role: 'co', assignedAt: NOW, due: computeDue('co', NOW, SHANDONG_POLICY) });
    const events = await office.store.events({ suggestionId: id });
    expect(events.find((e) => e.entityId === lead.id && e.detail?.was === 'sole')).toMatchObject({ action: 'suggestions.assign', detail: { role: 'lead' } });
  });

  it('offers and takes no further assignment once the suggestion is finished', async () => {
    await office.ok('coordinator', 'suggestions.assign', { suggestionId: id, version: 1, units: [{ unitId: 'unit-fgw', role: 'sole' }] });
    const [task] = await office.store.find('tasks', { where: { suggestionId: id } });
    await office.store.transaction(async (tx) => {
      await tx.get('tasks', task!.id);
      tx.update('tasks', { ...task!, state: 'closed', closedAt: NOW, version: task!.version + 1 });
    });
    const detail = await office.ok<{ allowedActions: string[] }>('coordinator', 'suggestions.get', { id });
    expect(detail.allowedActions).not.toContain('suggestions.assign');
    const before = office.store.dump();
    expect(await office.call('coordinator', 'suggestions.assign', { suggestionId: id, version: 2, units: [{ unitId: 'unit-jtj', role: 'co' }] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION', message: '该建议已办结，不能再交办' },
    });
    expect(office.store.dump()).toBe(before);
  });

  it('refuses a stale version, a wrong role and an unknown suggestion', async () => {
    const units = [{ unitId: 'unit-fgw', role: 'sole' }];
    await office.ok('coordinator', 'suggestions.assign', { suggestionId: id, version: 1, units: [{ unitId: 'unit-mzj', role: 'split' }] });
    const before = office.store.dump();
    expect(await office.call('coordinator', 'suggestions.assign', { suggestionId: id, version: 1, units })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await office.call('handler-fgw', 'suggestions.assign', { suggestionId: id, version: 2, units })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await office.call('coordinator', 'suggestions.assign', { suggestionId: 'nope', version: 1, units })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(office.store.dump()).toBe(before);
  });
});
