// The views and the use cases read one permissions module, so they must agree: for every demo
// caller and every task he or she sees, each task action the view offers goes through when called,
// and each one it does not offer (nor explains as held up) is refused. This is how the admin's
// urge (allowed but never offered) would have been caught. The actions tried are every task action of
// the contract (TASK_ACTION_NAMES), not a list of this test's own.
import { TASK_ACTION_NAMES, type SuggestionDetail, type TaskActionName, type TaskView } from '../../../src/contract';
import type { PlainTransition } from '../../../src/server/access/permissions';
import { createApi, type Api } from '../../../src/server/api';
import { openSqliteStore, type SqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { seedDemo } from '../../../src/server/setup/demo-data';

const NOW = '2024-04-10T02:00:00.000Z';
const CALLERS = ['demo-deputy', 'demo-deputy2', 'demo-handler', 'demo-handler-co', 'demo-reviewer', 'demo-leader', 'demo-coordinator', 'demo-admin'];
const SUGGESTIONS = ['sug-charging', 'sug-yellow-river', 'sug-elderly-care', 'sug-community-care', 'sug-nev', 'sug-childcare', 'sug-bus', 'sug-canteen'];

type Sample = (ref: { taskId: string; version: number }, task: TaskView, detail: SuggestionDetail) => unknown;
const contact = { name: '刘洋', phone: '0531-86000001' };

/**
 * Well-formed data for each task action on a task, so that only permissions and the workflow decide
 * (undefined: no record to act on). A plain transition's data is the task and its version; every other
 * task action needs an entry here (the type requires it).
 */
const DATA: { [A in Exclude<TaskActionName, PlainTransition>]: Sample } = {
  'tasks.claim': (ref) => ref,
  'tasks.sign': (ref) => ref,
  'tasks.requestReturn': (ref) => ({ ...ref, reason: '不属于本单位职责' }),
  'tasks.decideReturn': (ref) => ({ ...ref, approve: true }),
  'tasks.decideExtension': (ref) => ({ ...ref, approve: true }),
  'tasks.requestExtension': (ref, task) => ({ ...ref, reason: '需要调研', requestedDue: task.policy.extensionCap }),
  'tasks.logContact': (_ref, task) => ({ taskId: task.id, at: '2024-04-10T01:00:00.000Z', mode: 'phone', people: '代表本人', notes: '电话沟通', faceToFace: false }),
  'tasks.saveDraft': (ref) => ({ ...ref, class: 'A', text: '答复正文', leaderContact: contact, handlerContact: contact }),
  'tasks.review': (ref) => ({ ...ref, decision: 'approve' }),
  'tasks.submitOpinion': (ref) => ({ ...ref, text: '会办意见', contact }),
  'tasks.urge': (_ref, task) => ({ taskId: task.id }),
  'feedback.submit': (_ref, task) => ({ taskId: task.id, attitude: 'satisfied', result: 'satisfied' }),
  'contacts.confirm': (_ref, task, detail) => {
    const waiting = detail.contacts.find((c) => c.taskId === task.id && c.faceToFace && !c.deputyConfirmedAt);
    return waiting ? { contactId: waiting.id } : undefined;
  },
  'commitments.progress': (_ref, task, detail) => {
    const open = detail.commitments.find((c) => c.taskId === task.id && !c.doneAt);
    return open ? { commitmentId: open.id, text: '正在落实' } : undefined;
  },
};

function dataFor(action: TaskActionName, task: TaskView, detail: SuggestionDetail): unknown {
  const ref = { taskId: task.id, version: task.version };
  const sample = (DATA as Partial<Record<TaskActionName, Sample>>)[action];
  return sample ? sample(ref, task, detail) : ref; // a plain transition
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
          for (const action of TASK_ACTION_NAMES) {
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
