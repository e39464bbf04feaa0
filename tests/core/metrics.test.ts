import fc from 'fast-check';
import { computeMetrics, rate, type Headline } from '../../src/core/metrics';
import type { Task } from '../../src/core/model';
import { SHANDONG_POLICY } from '../../src/core/policy';
import { makeContact, makeFeedback, makeReply, makeSuggestion, makeTask } from './fixtures';
import { DRC, office2022 } from './office-2022';

const empty = { suggestions: [], tasks: [], replies: [], feedbacks: [], contacts: [] };

describe('the office’s 2022 figures', () => {
  const m = computeMetrics(office2022(), { kind: 'unit', unitId: DRC }, '2023-01-12', SHANDONG_POLICY);
  it('counts 82 items by role and phase', () => {
    expect(m).toMatchObject({ received: 82, assigned: 82, done: 82, byRole: { lead: 19, split: 25, co: 38, sole: 0 }, byPhase: { session: 79, recess: 3 } });
  });
  it('all rates are 100%', () => {
    expect([m.completionRate, m.onTimeRate, m.faceToFaceRate, m.satisfactionRate]).toEqual([1, 1, 1, 1]);
  });
  it('adoption counts A and B among the classified replies', () => {
    expect(m.byClass).toEqual({ A: 2, B: 8, C: 34, D: 0 });
    expect(m.adopted).toBe(10);
    expect(m.adoptionRate).toBeCloseTo(10 / 44);
  });
  it('breaks down per unit and per responsible person', () => {
    expect(Object.keys(m.perUnit)).toEqual([DRC]);
    expect(m.perUnit[DRC]!.done).toBe(82);
    expect(m.perPerson['h-li']!.assigned + m.perPerson['h-wang']!.assigned).toBe(82);
  });
});

describe('rates with nothing to count', () => {
  it('are null, never NaN', () => {
    const m = computeMetrics(empty, { kind: 'all' }, '2026-06-01', SHANDONG_POLICY);
    expect([m.completionRate, m.onTimeRate, m.faceToFaceRate, m.satisfactionRate, m.adoptionRate, m.attitude.satisfiedRate]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(rate(0, 0)).toBeNull();
  });
});

describe('on time, face to face and satisfaction', () => {
  const s = makeSuggestion();
  const late = makeTask({ state: 'closed', firstRepliedAt: '2026-06-02T16:30:00Z', repliedAt: '2026-06-02T16:30:00Z' }); // Jun 3 in Shanghai
  it('a first reply after the due date (Shanghai day) is not on time; an approved extension makes it so', () => {
    const m = computeMetrics({ ...empty, suggestions: [s], tasks: [late] }, { kind: 'all' }, '2026-07-01', SHANDONG_POLICY);
    expect(m).toMatchObject({ done: 1, onTimeDone: 0, onTimeRate: 0 });
    const extended = { ...late, due: { ...late.due, reply: '2026-07-01' } };
    expect(computeMetrics({ ...empty, suggestions: [s], tasks: [extended] }, { kind: 'all' }, '2026-07-01', SHANDONG_POLICY).onTimeRate).toBe(1);
  });
  it('a reply without a face-to-face contact lowers 面复率; a phone call that is not face to face does not count', () => {
    const phone = makeContact({ faceToFace: false, mode: 'phone' });
    const m = computeMetrics({ ...empty, suggestions: [s], tasks: [late], contacts: [phone] }, { kind: 'all' }, '2026-07-01', SHANDONG_POLICY);
    expect(m).toMatchObject({ replied: 1, faceToFace: 0, faceToFaceRate: 0 });
    // An old record of a phone call flagged 面复 still is not one.
    const flagged = makeContact({ faceToFace: true, mode: 'phone' });
    expect(computeMetrics({ ...empty, suggestions: [s], tasks: [late], contacts: [flagged] }, { kind: 'all' }, '2026-07-01', SHANDONG_POLICY).faceToFace).toBe(0);
    const visit = makeContact({ faceToFace: true, mode: 'visit' });
    expect(computeMetrics({ ...empty, suggestions: [s], tasks: [late], contacts: [visit] }, { kind: 'all' }, '2026-07-01', SHANDONG_POLICY).faceToFace).toBe(1);
  });
  it('satisfaction uses the latest round and reports attitude and result separately', () => {
    const feedbacks = [
      makeFeedback({ id: 'f1', round: 1, attitude: 'satisfied', result: 'unsatisfied' }),
      makeFeedback({ id: 'f2', round: 2, attitude: 'satisfied', result: 'basic' }),
    ];
    const m = computeMetrics({ ...empty, suggestions: [s], tasks: [late], feedbacks }, { kind: 'all' }, '2026-07-01', SHANDONG_POLICY);
    expect(m.rated).toBe(1);
    expect(m.satisfactionRate).toBe(1);
    expect(m.attitude).toMatchObject({ satisfied: 1, satisfiedRate: 1, basicRate: 0 });
    expect(m.result).toMatchObject({ basic: 1, satisfiedRate: 0, basicRate: 1, satisfactionRate: 1 });
  });
  it('an unsigned reply is not classified', () => {
    const m = computeMetrics({ ...empty, suggestions: [s], tasks: [late], replies: [makeReply({ signedAt: undefined })] }, { kind: 'all' }, '2026-07-01', SHANDONG_POLICY);
    expect(m.adoptionRate).toBeNull();
  });
});

describe('overdue and at-risk lists', () => {
  const s = makeSuggestion();
  const tasks: Task[] = [
    makeTask({ id: 'late', state: 'handling', responsibleUserId: 'h1' }), // due 2026-06-02
    makeTask({ id: 'soon', state: 'handling', due: { reply: '2026-06-08', returnWindow: '2026-03-07' } }),
    makeTask({ id: 'far', state: 'handling', due: { reply: '2026-08-08', returnWindow: '2026-03-07' } }),
    makeTask({ id: 'gone', state: 'returned' }),
  ];
  const m = computeMetrics({ ...empty, suggestions: [s], tasks }, { kind: 'all' }, '2026-06-04', SHANDONG_POLICY);
  it('lists the overdue task with its days overdue and the one due within 7 days', () => {
    expect(m.overdue).toEqual([{ taskId: 'late', suggestionId: 's1', unitId: 'u1', responsibleUserId: 'h1', kind: 'reply', dueDate: '2026-06-02', daysLeft: -2 }]);
    expect(m.atRisk.map((d) => d.taskId)).toEqual(['soon']);
  });
  it('a unit scope sees only its own tasks', () => {
    const other = computeMetrics({ ...empty, suggestions: [s], tasks }, { kind: 'unit', unitId: 'elsewhere' }, '2026-06-04', SHANDONG_POLICY);
    expect(other).toMatchObject({ received: 0, assigned: 0, overdue: [] });
  });
});

describe('metrics on random data (property)', () => {
  const stateArb = fc.constantFrom<Task['state']>('assigned', 'handling', 'inReview', 'replied', 'closed', 'opinionSent', 'returned', 'rehandling');
  const taskArb = fc.record({
    role: fc.constantFrom<Task['role']>('lead', 'co', 'split', 'sole'),
    state: stateArb,
    unit: fc.constantFrom('u1', 'u2'),
    suggestion: fc.integer({ min: 1, max: 8 }),
    late: fc.boolean(),
    f2f: fc.boolean(),
    attitude: fc.constantFrom('satisfied' as const, 'basic' as const, 'unsatisfied' as const),
    result: fc.constantFrom('satisfied' as const, 'basic' as const, 'unsatisfied' as const),
    cls: fc.constantFrom('A' as const, 'B' as const, 'C' as const, 'D' as const),
  });

  const inUnit = (h: Headline) => {
    const rates: [number | null, number, number][] = [
      [h.completionRate, h.done, h.assigned],
      [h.onTimeRate, h.onTimeDone, h.done],
      [h.faceToFaceRate, h.faceToFace, h.replied],
      [h.adoptionRate, h.adopted, h.byClass.A + h.byClass.B + h.byClass.C + h.byClass.D],
      [h.attitude.satisfactionRate, h.attitude.satisfied + h.attitude.basic, h.attitude.total],
    ];
    for (const [r, n, d] of rates) {
      expect(n).toBeLessThanOrEqual(d);
      if (d === 0) expect(r).toBeNull();
      else {
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(1);
        expect(r).toBeCloseTo(n / d);
      }
    }
    expect(h.byPhase.session + h.byPhase.recess).toBe(h.received);
  };

  it('stay in [0, 1], are null exactly when the denominator is 0, and agree with their counts', () => {
    fc.assert(
      fc.property(fc.array(taskArb, { maxLength: 30 }), fc.constantFrom('all', 'u1', 'u2'), (rows, scopeName) => {
        const suggestions = Array.from({ length: 8 }, (_, i) => makeSuggestion({ id: `s${i + 1}`, phase: i % 3 === 0 ? 'recess' : 'session' }));
        const tasks = rows.map((r, i) => {
          const replied = ['replied', 'closed'].includes(r.state) && r.role !== 'co';
          const at = r.late ? '2026-07-01T02:00:00Z' : '2026-04-01T02:00:00Z';
          return makeTask({
            id: `t${i}`,
            role: r.role,
            state: r.state,
            unitId: r.unit,
            suggestionId: `s${r.suggestion}`,
            responsibleUserId: `h${i % 3}`,
            firstRepliedAt: replied ? at : undefined,
            opinionSentAt: r.state === 'opinionSent' ? at : undefined,
          });
        });
        const replyRows = rows.flatMap((r, i) => (['replied', 'closed'].includes(r.state) && r.role !== 'co' ? [makeReply({ id: `r${i}`, taskId: `t${i}`, class: r.cls })] : []));
        const feedbacks = rows.flatMap((r, i) => (r.state === 'closed' && r.role !== 'co' ? [makeFeedback({ id: `f${i}`, taskId: `t${i}`, attitude: r.attitude, result: r.result })] : []));
        const contacts = rows.flatMap((r, i) => (r.f2f ? [makeContact({ id: `c${i}`, taskId: `t${i}` })] : []));
        const scope = scopeName === 'all' ? ({ kind: 'all' } as const) : ({ kind: 'unit', unitId: scopeName } as const);
        const m = computeMetrics({ suggestions, tasks, replies: replyRows, feedbacks, contacts }, scope, '2026-06-15', SHANDONG_POLICY);
        inUnit(m);
        for (const h of [...Object.values(m.perUnit), ...Object.values(m.perPerson)]) inUnit(h);
        // A unit's line in the per-unit table is the headline of that unit's own scope.
        for (const [unitId, h] of Object.entries(m.perUnit)) {
          const own = computeMetrics({ suggestions, tasks, replies: replyRows, feedbacks, contacts }, { kind: 'unit', unitId }, '2026-06-15', SHANDONG_POLICY);
          const { scope: _s, today: _t, overdue: _o, atRisk: _a, perUnit: _u, perPerson: _p, ...headline } = own;
          expect(h).toEqual(headline);
        }
        expect(m.byRole.lead + m.byRole.co + m.byRole.split + m.byRole.sole).toBe(tasks.filter((t) => t.state !== 'returned' && (scope.kind === 'all' || t.unitId === scope.unitId)).length);
      }),
      { numRuns: 300 },
    );
  });
});
