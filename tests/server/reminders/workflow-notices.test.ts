// Workflow notices take the reminders' path: one recipient resolver (reviewers of the responsible
// person's department), one outbox with ids derived from the notice's key, and an audit event per row.
import type { Notification } from '../../../src/core/model';
import { createApi } from '../../../src/server/api';
import { openSqliteStore, type SqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { Directory } from '../../../src/server/directory';
import { queueWorkflowNotices } from '../../../src/server/reminders/outbox';
import { PEOPLE, clockAt, nineAm, seedWorld, suggestion, task, testConfig } from './support/world';

let store: SqliteStore;
afterEach(() => store.close());

const contact = { name: '刘洋', phone: '13800000000' };

async function setUp() {
  store = openSqliteStore(':memory:');
  await seedWorld(store, {
    suggestions: [suggestion('s1')],
    tasks: [
      // 市发展改革委 has two departments: 综合处 (h1, r1) and 投资处 (h2, r2).
      task('t1', { reply: '2026-05-01', role: 'sole', responsibleUserId: PEOPLE.handler.id }),
      task('t2', { reply: '2026-05-01', role: 'sole', responsibleUserId: PEOPLE.handler2.id, suggestionId: 's1' }),
    ],
  });
  const api = createApi({ store, clock: clockAt(nineAm('2026-03-01')), reminderConfig: testConfig() });
  const submit = async (taskId: string, who: 'handler' | 'handler2') => {
    const openid = PEOPLE[who].openid!;
    const draft = { taskId, version: 1, class: 'A', text: '答复正文', leaderContact: contact, handlerContact: contact };
    const saved = await api({ action: 'tasks.saveDraft', data: draft }, { openid });
    expect(saved).toMatchObject({ ok: true });
    const version = saved.ok ? (saved.data as { task: { version: number } }).task.version : 0;
    const submitted = await api({ action: 'tasks.submitDraft', data: { taskId, version } }, { openid });
    expect(submitted).toMatchObject({ ok: true });
  };
  return { submit };
}

const noticesOf = async (taskId: string, kind: string): Promise<Notification[]> =>
  (await store.find('notifications')).filter((n) => n.taskId === taskId && n.kind === kind);

describe('workflow notices', () => {
  it("reach only the reviewers of the responsible person's department, in a unit with two departments", async () => {
    const { submit } = await setUp();

    await submit('t1', 'handler');
    await submit('t2', 'handler2');

    expect((await noticesOf('t1', 'draftSubmitted')).map((n) => n.userId)).toEqual([PEOPLE.reviewer.id]);
    expect((await noticesOf('t2', 'draftSubmitted')).map((n) => n.userId)).toEqual([PEOPLE.reviewer2.id]);
  });

  it('write an audit event for every outbox row, in the name of the user whose step caused it', async () => {
    const { submit } = await setUp();

    await submit('t1', 'handler');

    const [notice] = await noticesOf('t1', 'draftSubmitted');
    const events = (await store.events({ entityId: notice!.id })).map((e) => [e.action, e.actorId, e.entity, e.to]);
    expect(events).toEqual([['tasks.submitDraft', PEOPLE.handler.id, 'notification', 'pending']]);
  });

  it('give one outbox row, and one audit event, however often the same step is written: a second time is refused', async () => {
    await setUp();
    const step = {
      effects: [{ type: 'notify' as const, to: 'reviewer' as const, event: 'draftSubmitted' }],
      task: { ...(await store.get('tasks', 't1'))!, state: 'inReview' as const, version: 2 },
      suggestion: (await store.get('suggestions', 's1'))!,
    };
    const actor = { actorId: PEOPLE.handler.id, action: 'tasks.submitDraft' };

    const write = () => store.transaction((tx) => queueWorkflowNotices(tx, new Directory(tx), step, testConfig(), nineAm('2026-03-01'), actor));
    await write();
    // Not looked for first (the step's task version is written in the same commit): the same
    // step again meets its own notice and changes nothing.
    await expect(write()).rejects.toMatchObject({ code: 'CONFLICT' });

    const rows = await noticesOf('t1', 'draftSubmitted');
    expect(rows.map((n) => n.userId)).toEqual([PEOPLE.reviewer.id]);
    expect(await store.events({ entityId: rows[0]!.id })).toHaveLength(1);
  });

  it('carry what a subscribe message needs: a template, its fields and the page to open', async () => {
    const { submit } = await setUp();

    await submit('t1', 'handler');

    const [notice] = await noticesOf('t1', 'draftSubmitted');
    expect(notice).toMatchObject({
      title: '有答复稿待审核',
      template: 'deadline',
      page: 'pages/work/detail/index?id=s1&taskId=t1',
      params: { title: suggestion('s1').title, dueDate: '2026-05-01', stage: '待审核', note: '有答复稿待审核' },
    });
  });
});
