// The views and the use cases read one permissions module, so they must agree: for every demo
// caller and every task he or she sees, each task action the view offers goes through when called,
// and each one it does not offer (nor explains as held up) is refused. This is how the admin's
// urge (allowed but never offered) would have been caught.
import type { ActionName, SuggestionDetail, TaskView } from '../../../src/contract';
import { createApi, type Api } from '../../../src/server/api';
import { openSqliteStore, type SqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { seedDemo } from '../../../src/server/setup/demo-data';

const NOW = '2024-04-10T02:00:00.000Z';
const CALLERS = ['demo-deputy', 'demo-deputy2', 'demo-handler', 'demo-handler-co', 'demo-reviewer', 'demo-leader', 'demo-coordinator', 'demo-admin'];
const SUGGESTIONS = ['sug-charging', 'sug-yellow-river', 'sug-elderly-care', 'sug-community-care', 'sug-nev', 'sug-childcare', 'sug-bus', 'sug-canteen'];

const TASK_ACTIONS = [
  'tasks.claim',
  'tasks.requestReturn',
  'tasks.decideReturn',
  'tasks.requestExtension',
  'tasks.decideExtension',
  'tasks.logContact',
  'tasks.saveDraft',
  'tasks.submitDraft',
  'tasks.review',
  'tasks.sign',
  'tasks.submitOpinion',
  'tasks.urge',
  'feedback.submit',
  'contacts.confirm',
  'commitments.progress',
] as const satisfies readonly ActionName[];

/** Well-formed data for the action on this task, so that only permissions and the workflow decide. */
function dataFor(action: (typeof TASK_ACTIONS)[number], task: TaskView, detail: SuggestionDetail): unknown {
  const ref = { taskId: task.id, version: task.version };
  const contact = { name: '刘洋', phone: '0531-86000001' };
  switch (action) {
    case 'tasks.claim':
    case 'tasks.submitDraft':
    case 'tasks.sign':
      return ref;
    case 'tasks.requestReturn':
      return { ...ref, reason: '不属于本单位职责' };
    case 'tasks.decideReturn':
    case 'tasks.decideExtension':
      return { ...ref, approve: true };
    case 'tasks.requestExtension':
      return { ...ref, reason: '需要调研', requestedDue: task.policy.extensionCap };
    case 'tasks.logContact':
      return { taskId: task.id, at: '2024-04-10T01:00:00.000Z', mode: 'phone', people: '代表本人', notes: '电话沟通', faceToFace: false };
    case 'tasks.saveDraft':
      return { ...ref, class: 'A', text: '答复正文', leaderContact: contact, handlerContact: contact };
    case 'tasks.review':
      return { ...ref, decision: 'approve' };
    case 'tasks.submitOpinion':
      return { ...ref, text: '会办意见', contact };
    case 'tasks.urge':
      return { taskId: task.id };
    case 'feedback.submit':
      return { taskId: task.id, attitude: 'satisfied', result: 'satisfied' };
    case 'contacts.confirm': {
      const waiting = detail.contacts.find((c) => c.taskId === task.id && c.faceToFace && !c.deputyConfirmedAt);
      return waiting ? { contactId: waiting.id } : undefined;
    }
    case 'commitments.progress': {
      const open = detail.commitments.find((c) => c.taskId === task.id && !c.doneAt);
      return open ? { commitmentId: open.id, text: '正在落实' } : undefined;
    }
  }
}

describe('what a view offers is what the server lets through', () => {
  const stores: SqliteStore[] = [];
  const fresh = async (): Promise<Api> => {
    const store = openSqliteStore(':memory:');
    stores.push(store);
    await seedDemo(store, NOW);
    return createApi({ store, clock: { now: () => NOW } });
  };
  afterAll(() => stores.forEach((s) => s.close()));

  it('for every demo caller, task and task action', async () => {
    const shared = await fresh(); // refused calls change nothing, so they share one store
    const offered: string[] = [];
    const disagreements: string[] = [];
    for (const openid of CALLERS) {
      for (const id of SUGGESTIONS) {
        const read = await shared({ action: 'suggestions.get', data: { id } }, { openid });
        if (!read.ok) continue; // not visible to this caller
        const detail = read.data as SuggestionDetail;
        for (const task of detail.tasks) {
          for (const action of TASK_ACTIONS) {
            const data = dataFor(action, task, detail);
            if (data === undefined) continue; // no record to act on
            const isOffered = task.allowedActions.includes(action);
            const isHeldUp = task.blockedActions.some((b) => b.action === action);
            const api = isOffered ? await fresh() : shared;
            const response = await api({ action, data }, { openid });
            const where = `${openid} ${action} on ${task.id} (${task.state})`;
            if (isOffered) offered.push(where);
            if (isOffered && !response.ok) disagreements.push(`offered but refused: ${where}: ${response.error.message}`);
            if (!isOffered && response.ok) disagreements.push(`${isHeldUp ? 'held up' : 'not offered'} but allowed: ${where}`);
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
    // The check means something: each kind of caller is offered something somewhere.
    for (const openid of CALLERS) expect(offered.some((o) => o.startsWith(`${openid} `))).toBe(true);
    expect(offered.some((o) => o.startsWith('demo-admin tasks.urge'))).toBe(true);
  }, 60_000);
});
