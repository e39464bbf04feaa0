import type { Task, TaskState, UnitRole } from '../../src/core/model';
import {
  applyTaskAction,
  recordAvailability,
  RECORD_ACTION_TYPES,
  RECORD_ROWS,
  TASK_ACTION_TYPES,
  TASK_STATES,
  TERMINAL_STATES,
  TRANSITIONS,
  UNIT_ROLES,
  rowsFor,
  type TaskAction,
  type TaskActionType,
  type TransitionRow,
} from '../../src/core/workflow';
import { ctx, makeTask } from './fixtures';

// Every arrow of the table is exercised, and every state × action × role without an arrow is refused.

function actionFor(row: TransitionRow): TaskAction {
  switch (row.action) {
    case 'claim':
      return { type: 'claim', userId: 'h1' };
    case 'requestReturn':
      return { type: 'requestReturn', reason: '不属于本单位职责范围' };
    case 'decideReturn':
      return { type: 'decideReturn', approve: row.branch === 'approve' };
    case 'requestExtension':
      return { type: 'requestExtension', requestedDue: '2026-07-15', reason: '需要实地调研' };
    case 'decideExtension':
      return { type: 'decideExtension', approve: row.branch === 'approve' };
    case 'review':
      return { type: 'review', approve: row.branch === 'approve' };
    case 'feedback':
      return row.branch === 'satisfied'
        ? { type: 'feedback', attitude: 'satisfied', result: 'basic' }
        : { type: 'feedback', attitude: 'satisfied', result: 'unsatisfied' };
    case 'overrideCoOpinions':
      return { type: 'overrideCoOpinions', reason: '会办单位逾期未反馈' };
    default:
      return { type: row.action } as TaskAction;
  }
}

function taskFor(row: TransitionRow, role: UnitRole): Task {
  const rehandlingRound = ['rehandling'].includes(row.from) || row.branch === 'rejectRehandling' || row.branch === 'unsatisfiedLastRound' || row.rounds === 'later';
  return makeTask({
    role,
    state: row.from,
    round: rehandlingRound ? 2 : 1,
    claimedAt: row.branch === 'rejectUnclaimed' ? undefined : '2026-03-02T03:00:00Z',
    returnRequest: row.from === 'returnRequested' ? { reason: '职责不符', requestedAt: '2026-03-03T01:00:00Z', requestedBy: 'h1' } : undefined,
    extensionRequest:
      row.action === 'decideExtension'
        ? { reason: '调研', requestedDue: '2026-07-15', requestedAt: '2026-03-03T01:00:00Z', requestedBy: 'h1' }
        : undefined,
    due: { reply: '2026-06-02', returnWindow: '2026-03-07', coOpinion: role === 'co' ? '2026-04-02' : undefined, rehandling: rehandlingRound ? '2026-07-10' : undefined },
  });
}

const ctxFor = (row: TransitionRow) => ctx({ hasDraft: row.action !== 'requestReturn' });

describe('every arrow of the transition table', () => {
  const cases = TRANSITIONS.flatMap((row) => row.roles.map((role) => ({ row, role })));
  it.each(cases.map(({ row, role }) => [`${role}: ${row.from} --${row.action}/${row.branch}--> ${row.to}`, row, role] as const))(
    '%s',
    (_name, row, role) => {
      const task = taskFor(row, role);
      const result = applyTaskAction(task, actionFor(row), ctxFor(row));
      expect(result).toMatchObject({ ok: true, from: row.from, to: row.to });
      if (!result.ok) return;
      expect(result.task.state).toBe(row.to);
      expect(result.task.version).toBe(task.version + 1);
      expect(result.task.updatedAt).toBe(ctxFor(row).now);
      expect(result.effects.map((e) => e.to)).toEqual([...row.notify]);
    },
  );
});

describe('every state × action × role without an arrow is refused', () => {
  const cases: [TaskState, TaskActionType, UnitRole, 'INVALID_TRANSITION' | 'FORBIDDEN'][] = [];
  for (const state of TASK_STATES)
    for (const action of TASK_ACTION_TYPES)
      for (const role of UNIT_ROLES) {
        const rows = rowsFor(state, action);
        if (rows.length === 0) cases.push([state, action, role, 'INVALID_TRANSITION']);
        else if (!rows.some((r) => r.roles.includes(role))) cases.push([state, action, role, 'FORBIDDEN']);
      }

  it('covers a large share of the combinations', () => {
    expect(cases.length).toBeGreaterThan(300);
  });

  it.each(cases)('%s × %s by a %s task → %s', (state, action, role, code) => {
    const task = makeTask({ state, role, round: state === 'rehandling' ? 2 : 1 });
    const template = TRANSITIONS.find((r) => r.action === action);
    const result = applyTaskAction(task, template ? actionFor(template) : ({ type: action } as TaskAction), ctx());
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

/** What a table leaves out: an action with no row at all can never be taken, which is never what was meant. */
export function actionsWithoutRows(actions: readonly string[], rows: readonly { action: string }[], table: string): string[] {
  return actions
    .filter((action) => !rows.some((r) => r.action === action))
    .map((action) => `workflow action '${action}' has no row in ${table} (src/core/task.table.ts): add the rows that say from which states, for which unit roles, it leads where`);
}

describe('every workflow action has rows', () => {
  it('each transition action in TRANSITIONS, each record action in RECORD_ROWS', () => {
    expect(actionsWithoutRows(TASK_ACTION_TYPES, TRANSITIONS, 'TRANSITIONS')).toEqual([]);
    expect(actionsWithoutRows(RECORD_ACTION_TYPES, RECORD_ROWS, 'RECORD_ROWS')).toEqual([]);
  });
  it('names the action and where to add its rows when they are left out', () => {
    const withoutSign = TRANSITIONS.filter((r) => r.action !== 'sign');
    expect(actionsWithoutRows(TASK_ACTION_TYPES, withoutSign, 'TRANSITIONS')).toEqual([
      "workflow action 'sign' has no row in TRANSITIONS (src/core/task.table.ts): add the rows that say from which states, for which unit roles, it leads where",
    ]);
  });
});

describe('the shape of the table', () => {
  it('returned, opinionSent and closed are terminal', () => {
    expect([...TERMINAL_STATES].sort()).toEqual(['closed', 'opinionSent', 'returned']);
  });
  it('a co task never submits a draft, signs or receives feedback', () => {
    const coRows = TRANSITIONS.filter((r) => r.roles.includes('co'));
    expect(coRows.map((r) => r.action)).not.toEqual(expect.arrayContaining(['submitDraft']));
    expect(coRows.some((r) => ['submitDraft', 'sign', 'feedback', 'review'].includes(r.action))).toBe(false);
  });
  it('every state reached by a row is a known state, and every non-terminal state has a way out', () => {
    for (const row of TRANSITIONS) expect(TASK_STATES).toContain(row.to);
    for (const state of TASK_STATES.filter((s) => !TERMINAL_STATES.includes(s))) {
      expect(TRANSITIONS.some((r) => r.from === state && r.to !== state)).toBe(true);
    }
  });
});

describe('the record actions: rows without a target state', () => {
  const verdict = (task: Task, action: string, over = {}) => recordAvailability(task, ctx(over)).find((v) => v.action === action)!;

  it('are rows of the same table, and none leaves a terminal state but to look back (confirm, progress)', () => {
    for (const row of RECORD_ROWS) expect('to' in row).toBe(false);
    const fromTerminal = RECORD_ROWS.filter((r) => TERMINAL_STATES.includes(r.from)).map((r) => r.action);
    expect([...new Set(fromTerminal)].sort()).toEqual(['commitmentProgress', 'confirmContact']);
  });
  it('an urge presses an open task once a Beijing day, and says why not otherwise', () => {
    expect(verdict(makeTask({ state: 'handling' }), 'urge')).toEqual({ action: 'urge', allowed: true });
    expect(verdict(makeTask({ state: 'closed' }), 'urge')).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION', message: '该任务已办结，无需催办' });
    const urged = makeTask({ state: 'handling', lastUrgedAt: '2026-03-09T16:30:00Z' }); // 00:30 on 03-10 in Beijing
    expect(verdict(urged, 'urge', { now: '2026-03-10T09:00:00Z' })).toMatchObject({ allowed: false, code: 'CONFLICT', guard: 'notUrgedToday' });
    expect(verdict(urged, 'urge', { now: '2026-03-10T16:30:00Z' })).toMatchObject({ allowed: true });
  });
  it('a co task writes no reply draft; every unit records its talks once handling', () => {
    expect(verdict(makeTask({ role: 'co', state: 'handling' }), 'saveDraft')).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
    expect(verdict(makeTask({ role: 'co', state: 'handling' }), 'logContact')).toMatchObject({ allowed: true });
    expect(verdict(makeTask({ state: 'assigned' }), 'logContact')).toMatchObject({ allowed: false, message: '请先认领任务，再登记沟通记录' });
  });
  it('a deputy confirms only when a face-to-face record waits; a promise progresses only while open', () => {
    expect(verdict(makeTask({ state: 'replied' }), 'confirmContact')).toMatchObject({ allowed: false });
    expect(verdict(makeTask({ state: 'replied' }), 'confirmContact', { unconfirmedContact: true })).toMatchObject({ allowed: true });
    expect(verdict(makeTask({ state: 'closed' }), 'commitmentProgress', { openCommitment: true })).toMatchObject({ allowed: true });
    expect(verdict(makeTask({ state: 'closed' }), 'commitmentProgress')).toMatchObject({ allowed: false });
  });
});
