import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { auditEvent, describeStoreContract, task } from './store.contract';

describeStoreContract('SQLite', () => openSqliteStore(':memory:'));

describe('SQLite store file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens in WAL mode with synchronous FULL and foreign keys on', () => {
    const store = openSqliteStore(join(dir, 'data.sqlite'));
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    store.close?.();
  });

  it('keeps its data across a reopen and migrates a file only once', async () => {
    const file = join(dir, 'data.sqlite');
    const first = openSqliteStore(file);
    await first.transaction(async (tx) => tx.insert('tasks', task('t1')));
    const before = first.dump();
    first.close?.();
    const second = openSqliteStore(file);
    expect(second.dump()).toBe(before);
    expect(second.db.pragma('user_version', { simple: true })).toBe(1);
    second.close?.();
  });

  it('refuses, in the database itself, to change or remove an audit event', async () => {
    const store = openSqliteStore(':memory:');
    await store.transaction(async (tx) => tx.appendEvent(auditEvent('e1')));
    expect(() => store.db.prepare("UPDATE events SET at = 'x'").run()).toThrow('append-only');
    expect(() => store.db.prepare('DELETE FROM events').run()).toThrow('append-only');
  });

  it('dumps equal text for equal contents and different text after a change', async () => {
    const store = openSqliteStore(':memory:');
    await store.transaction(async (tx) => tx.insert('tasks', task('t1')));
    const before = store.dump();
    expect(store.dump()).toBe(before);
    await store.transaction(async (tx) => {
      const t = await tx.get('tasks', 't1');
      tx.update('tasks', { ...t!, state: 'handling' });
    });
    expect(store.dump()).not.toBe(before);
  });
});

describe('SQLite schema growth', () => {
  it('adds and back-fills an index column that a newer version of the code declares', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const file = join(dir, 'data.sqlite');
    const first = openSqliteStore(file);
    await first.transaction(async (tx) => tx.insert('tasks', task('t1', { due: { reply: '2024-05-01', returnWindow: '2024-02-06', coOpinion: '2024-03-01' } })));
    // An older file: the column for co-opinion dates did not exist yet.
    first.db.exec('DROP INDEX "tasks_dueCoOpinion"');
    first.db.exec('ALTER TABLE tasks DROP COLUMN "dueCoOpinion"');
    first.close();
    const second = openSqliteStore(file);
    const found = await second.find('tasks', { range: { field: 'dueCoOpinion', lt: '2024-03-02' } });
    expect(found.map((t) => t.id)).toEqual(['t1']);
    second.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
