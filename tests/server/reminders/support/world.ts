// A small office for the reminder tests: one handling unit with two departments, its staff, a second
// unit, a coordinator and two deputies; tasks are made with the due dates a test needs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Suggestion, Task, TaskState, Unit, User } from '../../../../src/core/model';
import { openSqliteStore, type SqliteStore } from '../../../../src/server/adapters/sqlite/sqlite.store';
import type { Clock, Store } from '../../../../src/server/ports';
import { DEFAULT_REMINDER_CONFIG, type ReminderConfig } from '../../../../src/server/reminders/config';

export const CREATED = '2026-01-01T00:00:00.000Z';

const user = (id: string, name: string, roles: User['roles'], extra: Partial<User> = {}): User => ({
  id,
  openid: `o-${id}`,
  name,
  roles,
  createdAt: CREATED,
  version: 1,
  ...extra,
});

export const UNITS: Unit[] = [
  { id: 'unit-fgw', name: '市发展改革委', departments: ['综合处', '投资处'] },
  { id: 'unit-jt', name: '市交通运输局', departments: ['规划处'] },
];

export const PEOPLE = {
  handler: user('h1', '刘洋', ['handler'], { unitId: 'unit-fgw', department: '综合处' }),
  handler2: user('h2', '陈静', ['handler'], { unitId: 'unit-fgw', department: '投资处' }),
  reviewer: user('r1', '赵磊', ['reviewer'], { unitId: 'unit-fgw', department: '综合处' }),
  reviewer2: user('r2', '孙敏', ['reviewer'], { unitId: 'unit-fgw', department: '投资处' }),
  leader: user('l1', '周强', ['leader'], { unitId: 'unit-fgw' }),
  coordinator: user('c1', '吴芳', ['coordinator']),
  otherHandler: user('x1', '郑伟', ['handler'], { unitId: 'unit-jt', department: '规划处' }),
  otherReviewer: user('x2', '王刚', ['reviewer'], { unitId: 'unit-jt', department: '规划处' }),
  deputy: user('d1', '李代表', ['deputy'], { delegation: '历下区代表团' }),
  coSigner: user('d2', '张代表', ['deputy'], { delegation: '历下区代表团' }),
} satisfies Record<string, User>;

export function suggestion(id: string, title = '关于加快推进城市老旧小区改造的建议'): Suggestion {
  return {
    id,
    number: id.replace(/\D/g, '').padStart(4, '0') || '0001',
    title,
    content: '建议内容',
    leadDeputyId: PEOPLE.deputy.id,
    coSignerIds: [PEOPLE.coSigner.id],
    delegation: '历下区代表团',
    session: '十八届一次',
    phase: 'session',
    tags: [],
    keySupervised: false,
    createdAt: CREATED,
    assignedAt: CREATED,
    version: 1,
  };
}

export function task(id: string, fields: { state?: TaskState; reply: string } & Partial<Omit<Task, 'due'>> & { due?: Partial<Task['due']> }): Task {
  const { reply, due, ...rest } = fields;
  return {
    id,
    suggestionId: 's1',
    unitId: 'unit-fgw',
    role: 'lead',
    responsibleUserId: PEOPLE.handler.id,
    state: 'handling',
    round: 1,
    assignedAt: CREATED,
    claimedAt: CREATED,
    due: { reply, returnWindow: '2026-01-06', ...due },
    updatedAt: CREATED,
    version: 1,
    ...rest,
  };
}

export async function seedWorld(store: Store, extra: { suggestions?: Suggestion[]; tasks?: Task[] } = {}): Promise<void> {
  await store.transaction(async (tx) => {
    for (const unit of UNITS) tx.insert('units', unit);
    for (const person of Object.values(PEOPLE)) tx.insert('users', person);
    for (const s of extra.suggestions ?? [suggestion('s1')]) tx.insert('suggestions', s);
  });
  await insertTasks(store, extra.tasks ?? []);
}

export async function insertTasks(store: Store, tasks: readonly Task[], chunk = 2000): Promise<void> {
  for (let i = 0; i < tasks.length; i += chunk) {
    await store.transaction(async (tx) => {
      for (const t of tasks.slice(i, i + chunk)) tx.insert('tasks', t);
    });
  }
}

/** A clock the test moves; starts at 09:00 Shanghai on the given date. */
export function clockAt(instant: string): Clock & { set(instant: string): void } {
  let current = instant;
  return { now: () => current, set: (next) => void (current = next) };
}

/** 09:00 in Shanghai on a date. */
export const nineAm = (date: string) => `${date}T01:00:00.000Z`;

/** Quiet hours off and no time budget surprises, unless a test says otherwise. */
export function testConfig(overrides: Partial<ReminderConfig> = {}): ReminderConfig {
  return { ...DEFAULT_REMINDER_CONFIG, timeBudgetMs: 600_000, ...overrides };
}

/** A SQLite store in a temp file (WAL), removed after the test. */
export function tempSqlite(): { file: string; open(): SqliteStore; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reminders-'));
  const file = path.join(dir, 'store.db');
  return { file, open: () => openSqliteStore(file), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
