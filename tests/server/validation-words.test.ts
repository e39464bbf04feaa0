// Every VALIDATION message of every action speaks the words of the screens: walked over each action
// with the malformed payloads a person's mistakes (or a stale screen) can send, as the users whose
// screens offer it, no message names an internal field (编号, Id, an English key) or repeats a raw
// value longer than 40 characters. The fixed messages of the server's own checks are read too.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ACTION_NAMES } from '../../src/contract';
import { createApi } from '../../src/server/api';
import { openSqliteStore, type SqliteStore } from '../../src/server/adapters/sqlite/sqlite.store';
import { seedDemo } from '../../src/server/setup/demo-data';

jest.setTimeout(300_000);

const NOW = '2024-04-10T02:00:00.000Z';
const LONG = '这是一段很长很长的输入'.repeat(6); // 66 characters
const FIELDS = ['id', 'taskId', 'suggestionId', 'contactId', 'commitmentId', 'userId', 'unitId', 'version', 'reason', 'approve', 'comment', 'requestedDue', 'at', 'mode', 'place', 'people', 'notes', 'faceToFace', 'class', 'text', 'decision', 'attitude', 'result', 'reasons', 'code', 'file', 'format', 'name', 'phone', 'roles', 'units', 'status', 'page', 'pageSize', 'year', 'results', 'summary', 'number', 'title', 'content', 'leadDeputyId', 'coSignerIds', 'session', 'phase', 'done', 'finalAnswer', 'leaderContact', 'handlerContact', 'contact', 'responsibleUserId', 'message', 'overrideCoOpinions', 'commitment', 'target', 'targetId', 'fileName', 'practices', 'nextSteps', 'assignedDate', 'departments', 'department', 'delegation', 'ids', 'unreadOnly', 'keyword', 'scope', 'mode'];
// The schema is checked before anything else: the office's two roles reach every action's checks.
const CALLERS = ['demo-coordinator', 'demo-admin'];
const VALUES: unknown[] = [LONG, 12.5, [], ''];

/** The few Latin words a user sees on his own screens and files. */
const USER_TERMS = /Excel|CSV|UTF-8|xlsx|JPG|PNG|PDF|JSON|ISO 8601/g;

/** What a message must not contain: internal names, English words, a long raw value. */
function fault(message: string): string | undefined {
  if (/编号/.test(message)) return '编号';
  if (/Id\b|Id[」\s]/.test(message)) return 'Id';
  if (/[A-Za-z]{3,}/.test(message.replace(USER_TERMS, ''))) return 'an English word';
  if (message.includes(LONG.slice(0, 41))) return 'a raw value over 40 characters';
  return undefined;
}

describe('VALIDATION messages use the words of the screens', () => {
  let store: SqliteStore;
  let api: ReturnType<typeof createApi>;
  beforeAll(async () => {
    store = openSqliteStore(':memory:');
    await seedDemo(store, NOW);
    api = createApi({ store, clock: { now: () => NOW }, log: () => undefined });
  });
  afterAll(() => store.close());

  it('walks every action with malformed payloads: no internal name, English key or long raw value', async () => {
    const seen = new Map<string, string>();
    for (const action of ACTION_NAMES) {
      const payloads: unknown[] = [{}, { unexpected: 1, anotherUnknownField: LONG }, LONG, 5];
      for (const field of FIELDS) for (const value of VALUES) payloads.push({ [field]: value });
      // Each field wrong beside the others right enough to get past the first check.
      payloads.push(Object.fromEntries(FIELDS.map((f) => [f, LONG])));
      payloads.push({ taskId: 'sug-bus-task-1', version: 1, suggestionId: 'sug-bus', units: [{ unitId: LONG, role: 'co' }] });
      for (const openid of CALLERS) {
        for (const data of payloads) {
          const response = await api({ action, data }, openid ? { openid } : {});
          if (!response.ok && response.error.code === 'VALIDATION') seen.set(response.error.message, action);
        }
      }
    }
    const faults = [...seen].map(([message, action]) => ({ action, message, fault: fault(message) })).filter((f) => f.fault);
    expect(faults).toEqual([]);
    // The walk reached the messages of many actions, not one generic refusal.
    expect(new Set(seen.values()).size).toBeGreaterThan(30);
    expect(seen.size).toBeGreaterThan(60);
  });

  it('keeps the fixed messages of the server’s own checks free of internal names too', () => {
    const root = path.resolve(__dirname, '../../src');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.tsx?$/.test(name)) files.push(full);
      }
    };
    walk(path.join(root, 'server'));
    walk(path.join(root, 'core'));
    files.splice(files.indexOf(path.join(root, 'core/errors.ts')), 1); // the list of codes itself
    const faults: string[] = [];
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'VALIDATION',\s*(?:'([^']*)'|`([^`]*)`)/g)) {
        const literal = m[1] ?? m[2]!;
        const words = literal.replace(/\$\{[^}]*(\}|$)/g, '');
        if (/编号|[A-Za-z]{3,}/.test(words.replace(USER_TERMS, ''))) faults.push(`${path.relative(root, file)}: ${literal}`);
      }
    }
    expect(faults).toEqual([]);
  });
});
