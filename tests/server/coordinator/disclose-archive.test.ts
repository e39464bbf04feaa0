// 统一公开 and 统一归档: only a finished suggestion, only by the 联络员; archived means read-only.
import type { SuggestionVersionResult } from '../../../src/contract';
import { NOW, openOffice, type Office } from './fixture';
import { importRows, replyAndRate, soleRow } from './lifecycle';

describe('disclosing and archiving a suggestion', () => {
  let office: Office;
  let closed: { suggestionId: string; taskIds: string[] };
  let open: { suggestionId: string; taskIds: string[] };
  beforeEach(async () => {
    office = await openOffice();
    const ids = await importRows(office, [soleRow('3001', '关于社区食堂的建议'), soleRow('3002', '关于适老化改造的建议')]);
    closed = ids.get('3001')!;
    open = ids.get('3002')!;
    await replyAndRate(office, closed.taskIds[0]!);
  });
  afterEach(() => office.store.close());

  const version = async (id: string) => (await office.store.get('suggestions', id))!.version;

  it('refuses to disclose a suggestion that is not yet 已办结, and changes nothing', async () => {
    const before = office.store.dump();
    const response = await office.call('coordinator', 'suggestions.disclose', { suggestionId: open.suggestionId, version: await version(open.suggestionId), mode: 'full' });
    expect(response).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(office.store.dump()).toBe(before);
  });

  it('discloses a finished suggestion in full, as a summary with a reason, or not at all with a reason', async () => {
    const id = closed.suggestionId;
    const summary = await office.ok<SuggestionVersionResult>('coordinator', 'suggestions.disclose', {
      suggestionId: id,
      version: await version(id),
      mode: 'summary',
      summary: '建议增设社区食堂，已纳入年度计划。',
      reason: '个人信息',
    });
    expect((await office.store.get('suggestions', id))?.disclosure).toMatchObject({ mode: 'summary', summary: '建议增设社区食堂，已纳入年度计划。', reason: '个人信息' });
    await office.ok('coordinator', 'suggestions.disclose', { suggestionId: id, version: summary.version, mode: 'none', reason: '商业秘密' });
    expect((await office.store.get('suggestions', id))?.disclosure).toMatchObject({ mode: 'none', reason: '商业秘密', decidedBy: 'coordinator' });
    const events = await office.store.events({ suggestionId: id });
    expect(events.filter((e) => e.action === 'suggestions.disclose')).toHaveLength(2);
  });

  it('asks for the summary and for the reason where they are needed', async () => {
    const id = closed.suggestionId;
    const v = await version(id);
    const before = office.store.dump();
    for (const data of [
      { suggestionId: id, version: v, mode: 'summary', reason: '个人信息' },
      { suggestionId: id, version: v, mode: 'none' },
      { suggestionId: id, version: v, mode: 'partly' },
      { suggestionId: id, mode: 'full' },
    ]) {
      expect(await office.call('coordinator', 'suggestions.disclose', data)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await office.call('coordinator', 'suggestions.disclose', { suggestionId: id, version: v + 5, mode: 'full' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await office.call('coordinator', 'suggestions.disclose', { suggestionId: 'no-such', version: 1, mode: 'full' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(office.store.dump()).toBe(before);
  });

  it('lets only the 联络员 disclose or archive', async () => {
    const id = closed.suggestionId;
    const v = await version(id);
    const before = office.store.dump();
    for (const openid of ['handler-mzj', 'leader-mzj', 'deputy-wang']) {
      expect(await office.call(openid, 'suggestions.disclose', { suggestionId: id, version: v, mode: 'full' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await office.call(openid, 'suggestions.archive', { suggestionId: id, version: v })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await office.call(undefined, 'suggestions.archive', { suggestionId: id, version: v })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(office.store.dump()).toBe(before);
  });

  it('archives a disclosed suggestion, after which every change is refused', async () => {
    const id = closed.suggestionId;
    const disclosed = await office.ok<SuggestionVersionResult>('coordinator', 'suggestions.disclose', { suggestionId: id, version: await version(id), mode: 'full' });
    const archived = await office.ok<SuggestionVersionResult>('coordinator', 'suggestions.archive', { suggestionId: id, version: disclosed.version });
    expect((await office.store.get('suggestions', id))?.archivedAt).toBe(NOW);

    const before = office.store.dump();
    const taskId = closed.taskIds[0]!;
    const task = (await office.store.get('tasks', taskId))!;
    const attempts: [string, string, unknown][] = [
      ['coordinator', 'suggestions.disclose', { suggestionId: id, version: archived.version, mode: 'none', reason: '个人信息' }],
      ['coordinator', 'suggestions.archive', { suggestionId: id, version: archived.version }],
      ['coordinator', 'suggestions.assign', { suggestionId: id, version: archived.version, units: [{ unitId: 'unit-fgw', role: 'co' }] }],
      ['handler-mzj', 'tasks.logContact', { taskId, at: '2024-04-09T02:00:00.000Z', mode: 'phone', people: '王建华', notes: '回访', faceToFace: false }],
      ['handler-mzj', 'tasks.requestExtension', { taskId, version: task.version, reason: '需要更多时间', requestedDue: '2024-06-30' }],
      ['deputy-wang', 'feedback.submit', { taskId, attitude: 'unsatisfied', result: 'unsatisfied', reasons: '再评价' }],
    ];
    for (const [openid, action, data] of attempts) {
      const response = await office.call(openid, action, data);
      expect({ action, response }).toMatchObject({ action, response: { ok: false, error: { code: 'INVALID_TRANSITION', message: expect.stringContaining('归档') } } });
    }
    expect(office.store.dump()).toBe(before);
  });

  it('archives only a finished suggestion with a disclosure decision', async () => {
    const before = office.store.dump();
    expect(await office.call('coordinator', 'suggestions.archive', { suggestionId: open.suggestionId, version: await version(open.suggestionId) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    expect(await office.call('coordinator', 'suggestions.archive', { suggestionId: closed.suggestionId, version: await version(closed.suggestionId) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    expect(office.store.dump()).toBe(before);
  });
});
