// Property: whatever data arrives for whatever action from whichever caller, the answer is one of
// the error codes of docs/architecture.md, never INTERNAL, and a refused request changes nothing.
import fc from 'fast-check';
import { ACTION_NAMES } from '../../src/contract';
import { ERROR_CODES } from '../../src/core/errors';
import { createApi } from '../../src/server/api';
import { openSqliteStore, type SqliteStore } from '../../src/server/adapters/sqlite/sqlite.store';
import { seedDemo } from '../../src/server/setup/demo-data';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openFolderFileStore } from '../../src/server/adapters/files/folder.files';

const NOW = '2024-04-10T02:00:00.000Z';
// A refused users.bind counts the attempt against guessing and audits the refusal, by design (see
// src/server/use-cases/bind-user.ts): for it, a refusal may change those two tables and nothing else.
const MAY_CHANGE: Partial<Record<string, RegExp>> = { 'users.bind': /^(bindAttempts|events)(__|$)/ };
const RUNS = process.env.CI === 'true' ? 200 : 25;
const CALLERS = [undefined, 'stranger', 'demo-deputy', 'demo-deputy2', 'demo-handler', 'demo-handler-co', 'demo-reviewer', 'demo-leader', 'demo-coordinator', 'demo-admin'];

// Values that reach past the schemas: real ids and versions of the demo data, awkward strings, odd shapes.
const ids = fc.constantFrom('sug-charging', 'sug-bus', 'sug-nev', 'sug-charging-task-1', 'sug-bus-task-1', 'sug-childcare-task-1', 'sug-elderly-care-task-1', 'user-deputy-zhang', 'unit-fgw', 'sug-elderly-care-task-1-contact', 'sug-yellow-river', 'sug-yellow-river-task-1', 'nope', '');
const leaf = fc.oneof(ids, fc.string(), fc.integer({ min: -3, max: 3 }), fc.boolean(), fc.constant(null), fc.constantFrom('A', 'B', 'satisfied', 'unsatisfied', 'approve', 'full', 'summary', 'sole', 'co', 'csv', 'xlsx', 'docx', 'suggestion', 'contact', 'reply', 'a.png', 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB', '/9j/4AAQSkZJRgABAQ==', 'JVBERi0xLjQK', '2024-05-01', '2024-02-30', NOW, '0531-86000001'));
const FIELDS = ['id', 'taskId', 'suggestionId', 'contactId', 'commitmentId', 'userId', 'unitId', 'version', 'reason', 'approve', 'comment', 'requestedDue', 'at', 'mode', 'people', 'notes', 'faceToFace', 'class', 'text', 'decision', 'attitude', 'result', 'reasons', 'code', 'file', 'format', 'name', 'roles', 'units', 'status', 'page', 'pageSize', 'year', 'results', 'summary', 'number', 'title', 'content', 'leadDeputyId', 'session', 'phase', 'done', 'finalAnswer', 'leaderContact', 'handlerContact', 'contact', 'responsibleUserId', 'message', 'overrideCoOpinions', 'commitment', 'target', 'targetId', 'fileName', 'practices', 'nextSteps'];
const payload = fc.oneof(
  fc.anything(),
  fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }), fc.dictionary(fc.constantFrom('name', 'phone', 'unitId', 'role', 'reason', 'promise', 'targetDate', 'templateId', 'accepted'), leaf)), { maxKeys: 8 }),
);

describe('random payloads to every action', () => {
  let store: SqliteStore;
  let api: ReturnType<typeof createApi>;
  const internal: unknown[] = [];
  beforeAll(async () => {
    store = openSqliteStore(':memory:');
    await seedDemo(store, NOW);
    api = createApi({
      store,
      files: openFolderFileStore({ dir: mkdtempSync(path.join(tmpdir(), 'jyt-random-')), now: () => NOW }),
      clock: { now: () => NOW },
      log: (_m, e) => internal.push(e),
    });
  });
  afterAll(() => store.close());

  it('a refused users.bind changes only the attempt counters and the audit (the tables the property leaves out for it)', async () => {
    const all = store.dump();
    const rest = store.dump(MAY_CHANGE['users.bind']);
    // What is not a code at all is not counted: nothing changes.
    expect(await api({ action: 'users.bind', data: { code: '' } }, { openid: 'stranger-bind-check' })).toMatchObject({ ok: false });
    expect(store.dump()).toBe(all);
    const response = await api({ action: 'users.bind', data: { code: 'K7PM-3XQ9-TR' } }, { openid: 'stranger-bind-check' });
    expect(response.ok).toBe(false);
    expect(store.dump()).not.toBe(all);
    expect(store.dump(MAY_CHANGE['users.bind'])).toBe(rest);
  });

  it.each(ACTION_NAMES.map((a) => [a]))('%s answers only with the contract error codes, never INTERNAL, and a refusal changes nothing', async (action) => {
    await fc.assert(
      fc.asyncProperty(payload, fc.constantFrom(...CALLERS), fc.option(fc.string({ maxLength: 140 }), { nil: undefined }), async (data, openid, requestId) => {
        const before = store.dump(MAY_CHANGE[action]);
        const response = await api({ action, data, requestId }, openid ? { openid } : {});
        if (!response.ok) {
          expect(ERROR_CODES).toContain(response.error.code);
          expect(response.error.code).not.toBe('INTERNAL');
          expect(response.error.message).toMatch(/[\u4e00-\u9fa5]/);
          expect(store.dump(MAY_CHANGE[action])).toBe(before);
        }
      }),
      { numRuns: RUNS },
    );
    expect(internal).toEqual([]);
    // CI runs 200 payloads an action; ledger.export writes a workbook for each one the office sends,
    // which on a shared 2-core runner takes longer than Jest's default 5 s.
  }, 120_000);
});
