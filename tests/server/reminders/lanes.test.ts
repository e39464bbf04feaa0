// The sweep reads only some tasks (by state and due date); every reminder the core's schedule can
// produce must be among them, or it would be missed.
import fc from 'fast-check';
import { addDays } from '../../../src/core/calendar';
import type { Task, TaskState, UnitRole } from '../../../src/core/model';
import { SHANDONG_POLICY } from '../../../src/core/policy';
import { dueReminders } from '../../../src/core/reminders';
import { indexPath, valueAtPath } from '../../../src/server/adapters/index-values';
import { LANES, laneQuery } from '../../../src/server/reminders/lanes';

const STATES: TaskState[] = ['assigned', 'handling', 'returnRequested', 'returned', 'inReview', 'awaitingSignature', 'replied', 'opinionSent', 'rehandling', 'closed'];
const ROLES: UnitRole[] = ['lead', 'co', 'split', 'sole'];
const TODAY = '2026-05-20';
const offset = fc.integer({ min: -120, max: 120 });

const taskArb = fc
  .record({
    state: fc.constantFrom(...STATES),
    role: fc.constantFrom(...ROLES),
    round: fc.constantFrom(1, 2),
    reply: offset,
    returnWindow: offset,
    coOpinion: fc.option(offset),
    rehandling: fc.option(offset),
    submitted: fc.boolean(),
    repliedDaysAgo: fc.option(fc.integer({ min: 0, max: 60 })),
  })
  .map(
    (r): Task => ({
      id: 't1',
      suggestionId: 's1',
      unitId: 'u1',
      role: r.role,
      state: r.state,
      round: r.round,
      assignedAt: '2026-01-01T00:00:00Z',
      due: {
        reply: addDays(TODAY, r.reply),
        returnWindow: addDays(TODAY, r.returnWindow),
        ...(r.coOpinion !== null ? { coOpinion: addDays(TODAY, r.coOpinion) } : {}),
        ...(r.rehandling !== null ? { rehandling: addDays(TODAY, r.rehandling) } : {}),
      },
      ...(r.submitted ? { submittedAt: '2026-02-01T00:00:00Z' } : {}),
      ...(r.repliedDaysAgo !== null ? { repliedAt: `${addDays(TODAY, -r.repliedDaysAgo)}T02:00:00.000Z` } : {}),
      updatedAt: '2026-01-01T00:00:00Z',
      version: 1,
    }),
  );

function readByLane(task: Task, kind: string): boolean {
  return LANES.some((lane) => {
    if (lane.kind !== kind) return false;
    const query = laneQuery(lane, TODAY, SHANDONG_POLICY, undefined, 1000);
    if (query.where?.state !== task.state) return false;
    if (!query.range) return true;
    const value = valueAtPath(task, indexPath('tasks', query.range.field)) as string | undefined;
    if (value === undefined) return false;
    return (query.range.gte === undefined || value >= query.range.gte) && (query.range.lt === undefined || value < query.range.lt);
  });
}

describe('the lanes the sweep reads', () => {
  it('hold every task for which the core has a reminder due', () => {
    fc.assert(
      fc.property(taskArb, (task) => {
        for (const reminder of dueReminders(task, TODAY, SHANDONG_POLICY)) {
          expect(readByLane(task, reminder.kind)).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('ask the store for at most 1000 tasks a query, through an index', () => {
    for (const lane of LANES) {
      const query = laneQuery(lane, TODAY, SHANDONG_POLICY, 'x', 5000);
      expect(query.where).toEqual({ state: lane.state });
      expect(query.afterId).toBe('x');
      expect(query.limit).toBe(1000);
    }
  });
});
