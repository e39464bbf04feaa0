import fc from 'fast-check';
import { addDays, shanghaiDate } from '../../src/core/calendar';
import { replyCap } from '../../src/core/deadlines';
import type { Task, UnitRole } from '../../src/core/model';
import { SHANDONG_POLICY } from '../../src/core/policy';
import { applyTaskAction, TASK_STATES, TRANSITIONS, UNIT_ROLES, type TaskAction } from '../../src/core/workflow';
import { ctx, makeTask } from './fixtures';

const rating = fc.constantFrom('satisfied' as const, 'basic' as const, 'unsatisfied' as const);
const offset = fc.integer({ min: -30, max: 250 });

const actionArb: fc.Arbitrary<TaskAction> = fc.oneof(
  fc.constant<TaskAction>({ type: 'claim', userId: 'h1' }),
  fc.constant<TaskAction>({ type: 'requestReturn', reason: '职责不符' }),
  fc.boolean().map<TaskAction>((approve) => ({ type: 'decideReturn', approve })),
  offset.map<TaskAction>((d) => ({ type: 'requestExtension', requestedDue: addDays('2026-06-02', d), reason: '调研' })),
  fc.boolean().map<TaskAction>((approve) => ({ type: 'decideExtension', approve })),
  fc.constant<TaskAction>({ type: 'submitDraft' }),
  fc.boolean().map<TaskAction>((approve) => ({ type: 'review', approve })),
  fc.constant<TaskAction>({ type: 'sign' }),
  fc.constant<TaskAction>({ type: 'submitOpinion' }),
  fc.tuple(rating, rating).map<TaskAction>(([attitude, result]) => ({ type: 'feedback', attitude, result })),
  fc.constant<TaskAction>({ type: 'overrideCoOpinions', reason: '逾期' }),
);

const stepArb = fc.record({
  action: actionArb,
  daysLater: fc.integer({ min: 0, max: 20 }),
  hasDraft: fc.boolean(),
  faceToFace: fc.integer({ min: 0, max: 2 }),
});

const roleArb = fc.constantFrom<UnitRole>(...UNIT_ROLES);

describe('random sequences of actions', () => {
  it('never leave the transition table, and every accepted step bumps the version once', () => {
    fc.assert(
      fc.property(roleArb, fc.array(stepArb, { maxLength: 40 }), (role, steps) => {
        let task: Task = makeTask({ role });
        let now = Date.parse(task.assignedAt);
        for (const step of steps) {
          now += step.daysLater * 86_400_000;
          const result = applyTaskAction(
            task,
            step.action,
            ctx({ now: new Date(now).toISOString(), actorId: 'a', policy: SHANDONG_POLICY, coTasks: [], hasDraft: step.hasDraft, faceToFace: step.faceToFace > 0 }),
          );
          if (!result.ok) continue;
          const row = TRANSITIONS.find((r) => r.from === task.state && r.action === step.action.type && r.to === result.to && r.roles.includes(role));
          expect(row).toBeDefined();
          expect(TASK_STATES).toContain(result.task.state);
          expect(result.task.version).toBe(task.version + 1);
          expect(result.task.round).toBeLessThanOrEqual(SHANDONG_POLICY.maxRounds);
          task = result.task;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never move the reply due date past assignment + 6 months', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * 365 }),
        fc.array(fc.tuple(fc.integer({ min: -10, max: 300 }), fc.boolean()), { maxLength: 12 }),
        (startOffset, requests) => {
          const assignedAt = new Date(Date.parse('2025-01-01T02:00:00Z') + startOffset * 86_400_000).toISOString();
          let task = makeTask({ assignedAt, state: 'handling', due: { reply: addDays(shanghaiDate(assignedAt), 90), returnWindow: shanghaiDate(assignedAt) } });
          const cap = replyCap(task, SHANDONG_POLICY);
          const c = ctx({ now: assignedAt, actorId: 'a', policy: SHANDONG_POLICY });
          for (const [days, approve] of requests) {
            const asked = applyTaskAction(task, { type: 'requestExtension', requestedDue: addDays(task.due.reply, days), reason: '调研' }, c);
            if (asked.ok) task = asked.task;
            const decided = applyTaskAction(task, { type: 'decideExtension', approve }, c);
            if (decided.ok) task = decided.task;
            expect(task.due.reply <= cap).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
