// One permissions module for both sides: what a view offers the caller is what the use case then
// lets through, and what the pages show (menus, deadlines, the policy's dates, reasons) comes
// from the server.
import type { ListSuggestionsResult, MeResult, MyTasksResult, SuggestionDetail, TaskResult } from '../../../src/contract';
import { SHANDONG_POLICY, type DeadlinePolicy } from '../../../src/core/policy';
import { createApi } from '../../../src/server/api';
import { openSqliteStore, type SqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { seedDemo } from '../../../src/server/setup/demo-data';

const NOW = '2024-04-10T02:00:00.000Z';

describe('permissions: offered means allowed', () => {
  let store: SqliteStore;
  /** The demo data seeded at `seededAt` (assignments are so many days before it), the clock at `now`. */
  const open = async (now = NOW, policy?: DeadlinePolicy, seededAt = now) => {
    store = openSqliteStore(':memory:');
    await seedDemo(store, seededAt);
    const api = createApi({ store, clock: { now: () => now }, ...(policy ? { policy } : {}) });
    return async <T>(openid: string, action: string, data: unknown = {}): Promise<T> => {
      const response = await api({ action, data }, { openid });
      if (!response.ok) throw new Error(`${action}: ${response.error.code} ${response.error.message}`);
      return response.data as T;
    };
  };
  afterEach(() => store.close());

  it('the admin’s home offers what the server lets the admin do: no import, which only the coordinator may', async () => {
    const call = await open();
    const admin = await call<MeResult>('demo-admin', 'me');
    expect(admin.capabilities).toEqual(['allSuggestions', 'stats', 'ledger', 'roster']);
    const refused = await createApi({ store, clock: { now: () => NOW } })({ action: 'suggestions.import', data: { fileID: 'uploads/none/none.csv', format: 'csv' } }, { openid: 'demo-admin' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const coordinator = await call<MeResult>('demo-coordinator', 'me');
    expect(coordinator.capabilities).toEqual(['allSuggestions', 'proposalQueue', 'stats', 'ledger', 'import', 'roster']);
    expect((await call<MeResult>('demo-reviewer', 'me')).capabilities).toEqual(['reviewQueue', 'stats', 'ledger']);
    expect((await call<MeResult>('demo-leader', 'me')).capabilities).toEqual(['signQueue', 'stats', 'ledger']);
    expect((await call<MeResult>('demo-deputy', 'me')).capabilities).toEqual(['mySuggestions', 'myProposals']);
  });

  it('every caller’s menus match what the server then lets him or her open', async () => {
    const call = await open();
    const api = createApi({ store, clock: { now: () => NOW } });
    // The import is authorised before its file is looked at: a fileID that is nobody's is NOT_FOUND for the coordinator, FORBIDDEN for others.
    const MENU_ACTIONS = { import: ['suggestions.import', { fileID: 'uploads/none/none.csv', format: 'csv' }], stats: ['stats.summary', {}], ledger: ['ledger.list', {}], roster: ['users.upsert', { name: '测试人员', roles: ['deputy'] }], myProposals: ['proposals.save', { title: '', content: '', problem: '', measures: '' }], proposalQueue: ['proposals.window', { open: false }] } as const;
    for (const openid of ['demo-deputy', 'demo-handler', 'demo-handler-co', 'demo-reviewer', 'demo-leader', 'demo-coordinator', 'demo-admin']) {
      const { capabilities } = await call<MeResult>(openid, 'me');
      for (const [menu, [action, data]] of Object.entries(MENU_ACTIONS)) {
        const response = await api({ action, data }, { openid });
        const forbidden = !response.ok && response.error.code === 'FORBIDDEN';
        expect({ openid, menu, offered: capabilities.includes(menu as never) }).toEqual({ openid, menu, offered: !forbidden });
      }
    }
  });

  it('the admin may urge, so the admin is offered the urge, and the urge goes through', async () => {
    const call = await open();
    const detail = await call<SuggestionDetail>('demo-admin', 'suggestions.get', { id: 'sug-charging' });
    const lead = detail.tasks.find((t) => t.role === 'lead')!;
    expect(lead.allowedActions).toContain('tasks.urge');
    // The waiver of co-opinions is the coordinator's decision: not offered to the admin.
    expect(lead.canOverrideCoOpinions).toBe(false);
    const urged = await call<{ notified: number }>('demo-admin', 'tasks.urge', { taskId: lead.id });
    expect(urged.notified).toBeGreaterThan(0);
    // Urged today: not offered again, and the reason is given in words.
    const after = await call<SuggestionDetail>('demo-admin', 'suggestions.get', { id: 'sug-charging' });
    const again = after.tasks.find((t) => t.id === lead.id)!;
    expect(again.allowedActions).not.toContain('tasks.urge');
    expect(again.blockedActions).toContainEqual({ action: 'tasks.urge', label: '催办', reason: '今天已催办过该任务，请明天再催办' });
  });

  it('offers the waiver of missing co-opinions only where the workflow table allows it', async () => {
    const call = await open();
    const charging = await call<SuggestionDetail>('demo-coordinator', 'suggestions.get', { id: 'sug-charging' });
    const lead = charging.tasks.find((t) => t.role === 'lead')!;
    expect(lead.state).toBe('handling');
    expect(lead.canOverrideCoOpinions).toBe(true);
    for (const co of charging.tasks.filter((t) => t.role === 'co')) expect(co.canOverrideCoOpinions).toBe(false);
    // A sole task in review: the table has no override row there, so an urge with one would fail.
    const elderly = await call<SuggestionDetail>('demo-coordinator', 'suggestions.get', { id: 'sug-elderly-care' });
    expect(elderly.tasks[0]!.state).toBe('inReview');
    expect(elderly.tasks[0]!.canOverrideCoOpinions).toBe(false);
    expect(elderly.tasks[0]!.allowedActions).toContain('tasks.urge');
  });

  it('the extension cap is the policy’s: another policy, another date and another text', async () => {
    const shandong = await open();
    const six = (await shandong<SuggestionDetail>('demo-handler', 'suggestions.get', { id: 'sug-charging' })).tasks.find((t) => t.role === 'lead')!;
    expect(six.assignedDate).toBe('2024-03-01');
    expect(six.policy.extensionCap).toBe('2024-09-01');
    expect(six.policy.extensionNote).toContain('2024-09-01（交办之日起6个月）');
    store.close();
    const four = await open(NOW, { ...SHANDONG_POLICY, capMonths: 4 });
    const task = (await four<SuggestionDetail>('demo-handler', 'suggestions.get', { id: 'sug-charging' })).tasks.find((t) => t.role === 'lead')!;
    expect(task.policy.extensionCap).toBe('2024-07-01');
    expect(task.policy.extensionNote).toContain('2024-07-01（交办之日起4个月）');
    expect(task.policy.returnNote).toBe(`申请退回须在 ${task.due.returnWindow} 前提出，由交办机关决定。`);
  });

  it('dates are Beijing dates: an assignment at 01:00 Beijing time is on that Beijing day', async () => {
    // Seeded at 17:00 UTC: every demo assignment falls at 01:00 the next day in Beijing.
    const call = await open('2024-04-10T17:00:00.000Z');
    const detail = await call<SuggestionDetail>('demo-coordinator', 'suggestions.get', { id: 'sug-charging' });
    expect(detail.assignedAt).toBe('2024-03-01T17:00:00.000Z');
    expect(detail.assignedDate).toBe('2024-03-02');
    expect(detail.tasks[0]!.assignedDate).toBe('2024-03-02');
    const me = await call<MeResult>('demo-handler', 'me');
    expect(me.clock).toEqual({ now: '2024-04-10T17:00:00.000Z', today: '2024-04-11', time: '01:00', year: 2024 });
  });

  it('flags overdue and at-risk tasks and names the deadline in force', async () => {
    const late = await open('2024-06-03T02:00:00.000Z', undefined, NOW);
    const mine = await late<MyTasksResult>('demo-handler', 'tasks.mine', { scope: 'open' });
    const lead = mine.items.find((t) => t.suggestionId === 'sug-charging')!;
    expect(lead).toMatchObject({ overdue: true, atRisk: false, daysLeftText: '已超期2天' });
    expect(lead.deadline).toMatchObject({ kind: 'reply', label: '答复期限', date: '2024-06-01', overdue: true });
    const co = mine.items.find((t) => t.suggestionId === 'sug-community-care')!;
    expect(co.deadline).toMatchObject({ kind: 'coOpinion', label: '会办意见期限' });
    // The suggestion list names the unit's deadline in force too.
    const list = await late<ListSuggestionsResult>('demo-handler', 'suggestions.list', { pageSize: 100 });
    expect(list.items.find((s) => s.id === 'sug-community-care')).toMatchObject({ deadlineLabel: '会办意见期限', overdue: true });
    expect(list.items.find((s) => s.id === 'sug-charging')).toMatchObject({ deadlineLabel: '答复期限', replyDue: '2024-06-01', overdue: true, daysLeftText: '已超期2天' });
    store.close();
    const soon = await open('2024-05-28T02:00:00.000Z', undefined, NOW);
    const detail = await soon<SuggestionDetail>('demo-handler', 'suggestions.get', { id: 'sug-charging' });
    const task = detail.tasks.find((t) => t.role === 'lead')!;
    expect(task).toMatchObject({ overdue: false, atRisk: true });
    expect(task.deadlines).toEqual([
      { kind: 'reply', label: '答复期限', date: '2024-06-01', active: true, daysLeftText: '剩余4天', overdue: false, atRisk: true },
    ]);
  });

  it('says in words why the caller’s next step must wait', async () => {
    const call = await open();
    const detail = await call<SuggestionDetail>('demo-handler', 'suggestions.get', { id: 'sug-charging' });
    const lead = detail.tasks.find((t) => t.role === 'lead')!;
    // The co-unit's missing opinion is named before any draft is saved, not only 请先保存答复稿.
    expect(lead.blockedActions).toEqual([
      { action: 'tasks.submitDraft', label: '提交审核', reason: '尚有1家会办单位未送会办意见，主办单位需汇总会办意见后再答复' },
    ]);
    const saved = await call<TaskResult>('demo-handler', 'tasks.saveDraft', {
      taskId: lead.id,
      version: lead.version,
      class: 'A',
      text: '答复正文',
      leaderContact: { name: '吴国栋', phone: '0531-86000005' },
      handlerContact: { name: '刘洋', phone: '0531-86000001' },
    });
    expect(saved.task.blockedActions).toEqual([
      { action: 'tasks.submitDraft', label: '提交审核', reason: '尚有1家会办单位未送会办意见，主办单位需汇总会办意见后再答复' },
    ]);
    // The reviewer of another unit, and the deputy, are offered nothing and told nothing.
    const deputy = await call<SuggestionDetail>('demo-deputy', 'suggestions.get', { id: 'sug-charging' });
    expect(deputy.tasks.every((t) => t.allowedActions.length === 0 && t.blockedActions.length === 0)).toBe(true);
  });

  it('a task offers the work itself (记录面复, 起草答复) before 申请退回 and 申请延期', async () => {
    const call = await open();
    const task = (await call<SuggestionDetail>('demo-handler', 'suggestions.get', { id: 'sug-charging' })).tasks.find((t) => t.role === 'lead')!;
    const offered = task.allowedActions.filter((a) => ['tasks.logContact', 'tasks.saveDraft', 'tasks.requestReturn', 'tasks.requestExtension'].includes(a));
    expect(offered).toEqual(['tasks.logContact', 'tasks.saveDraft', 'tasks.requestExtension']);
  });
});
