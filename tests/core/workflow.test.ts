import { SHANDONG_POLICY } from '../../src/core/policy';
import { actionAvailability, allowedActions, applyTaskAction, taskFacts, type TaskAction, type WorkflowContext } from '../../src/core/workflow';
import type { Task } from '../../src/core/model';
import { ctx, makeTask } from './fixtures';

const run = (task: Task, action: TaskAction, c: Partial<WorkflowContext> = {}) => applyTaskAction(task, action, ctx(c));
function ok(task: Task, action: TaskAction, c: Partial<WorkflowContext> = {}): Task {
  const r = run(task, action, c);
  if (!r.ok) throw new Error(`${action.type} refused: ${r.code} ${r.message}`);
  return r.task;
}

describe('claiming', () => {
  it('names the responsible person and records when', () => {
    const t = ok(makeTask(), { type: 'claim', userId: 'h1' }, { now: '2026-03-02T05:00:00Z' });
    expect(t).toMatchObject({ state: 'handling', responsibleUserId: 'h1', claimedAt: '2026-03-02T05:00:00Z', version: 2 });
  });
  it('needs a person', () => {
    expect(run(makeTask(), { type: 'claim', userId: ' ' })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
});

describe('asking to return an assignment', () => {
  const reason = { type: 'requestReturn', reason: '不属于本单位职责' } as const;
  it('is possible within 5 days of receipt', () => {
    const t = ok(makeTask(), reason, { now: '2026-03-07T10:00:00Z', hasDraft: false });
    expect(t.state).toBe('returnRequested');
    expect(t.returnRequest).toMatchObject({ reason: '不属于本单位职责', requestedBy: 'actor' });
  });
  it('is refused with DEADLINE once the window has closed', () => {
    const r = run(makeTask(), reason, { now: '2026-03-07T16:00:00Z', hasDraft: false }); // Mar 8 in Shanghai
    expect(r).toMatchObject({ ok: false, code: 'DEADLINE' });
  });
  it('is refused once a draft exists', () => {
    expect(run(makeTask({ state: 'handling' }), reason, { hasDraft: true })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(run(makeTask({ state: 'handling', submittedAt: '2026-03-03T00:00:00Z' }), reason, { hasDraft: false })).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
    });
  });
  it('needs a reason', () => {
    expect(run(makeTask(), { type: 'requestReturn', reason: '' }, { hasDraft: false })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
  it('approved, ends the task', () => {
    const asked = ok(makeTask(), reason, { hasDraft: false });
    const t = ok(asked, { type: 'decideReturn', approve: true, comment: '同意' }, { actorId: 'coord', now: '2026-03-04T01:00:00Z' });
    expect(t).toMatchObject({ state: 'returned', returnedAt: '2026-03-04T01:00:00Z' });
    expect(t.returnRequest).toMatchObject({ approved: true, decidedBy: 'coord' });
  });
  it('rejected, puts an unclaimed task back to be claimed and a claimed one back to handling, and cannot be asked again', () => {
    const unclaimed = ok(ok(makeTask(), reason, { hasDraft: false }), { type: 'decideReturn', approve: false });
    expect(unclaimed.state).toBe('assigned');
    const claimed = ok(makeTask(), { type: 'claim', userId: 'h1' });
    const back = ok(ok(claimed, reason, { hasDraft: false }), { type: 'decideReturn', approve: false });
    expect(back.state).toBe('handling');
    expect(run(back, reason, { hasDraft: false })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });
});

describe('extensions (延期)', () => {
  const handling = makeTask({ state: 'handling' }); // reply due 2026-06-02, cap 2026-09-02
  it('are granted up to the 6-month cap and move the reply due date', () => {
    const asked = ok(handling, { type: 'requestExtension', requestedDue: '2026-09-02', reason: '需要调研' });
    expect(asked.extensionRequest).toMatchObject({ requestedDue: '2026-09-02' });
    expect(asked.due.reply).toBe('2026-06-02');
    const granted = ok(asked, { type: 'decideExtension', approve: true }, { actorId: 'coord' });
    expect(granted.due.reply).toBe('2026-09-02');
    expect(granted.extensionRequest).toMatchObject({ approved: true, decidedBy: 'coord' });
  });
  it('never past the cap', () => {
    expect(run(handling, { type: 'requestExtension', requestedDue: '2026-09-03', reason: '需要调研' })).toMatchObject({ ok: false, code: 'DEADLINE' });
  });
  it('must move the date later', () => {
    expect(run(handling, { type: 'requestExtension', requestedDue: '2026-06-01', reason: '需要调研' })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(run(handling, { type: 'requestExtension', requestedDue: '2026-6-30', reason: '需要调研' })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
  it('one at a time, and a decision needs a request', () => {
    const asked = ok(handling, { type: 'requestExtension', requestedDue: '2026-07-01', reason: '需要调研' });
    expect(run(asked, { type: 'requestExtension', requestedDue: '2026-08-01', reason: '再延' })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    const refused = ok(asked, { type: 'decideExtension', approve: false });
    expect(refused.due.reply).toBe('2026-06-02');
    expect(run(refused, { type: 'decideExtension', approve: true })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });
  it('a co-handler cannot ask for one', () => {
    expect(run(makeTask({ role: 'co', state: 'handling' }), { type: 'requestExtension', requestedDue: '2026-07-01', reason: 'x' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });
});

describe('the lead unit and its co-handlers', () => {
  const lead = makeTask({ id: 'lead', role: 'lead', state: 'handling' });
  const co = (state: Task['state'], id = 'co1') => makeTask({ id, role: 'co', state });
  it('a lead draft waits for every co-handler opinion', () => {
    const r = run(lead, { type: 'submitDraft' }, { coTasks: [co('opinionSent'), co('handling', 'co2')] });
    expect(r).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    if (!r.ok) expect(r.message).toContain('1家会办单位');
  });
  it('goes ahead when every co-handler has sent its opinion or returned the task', () => {
    expect(ok(lead, { type: 'submitDraft' }, { coTasks: [co('opinionSent'), co('returned', 'co2')] }).state).toBe('inReview');
  });
  it("goes ahead after the coordinator's recorded override", () => {
    const overridden = ok(lead, { type: 'overrideCoOpinions', reason: '会办单位逾期' }, { actorId: 'coord' });
    expect(overridden.coOpinionOverride).toMatchObject({ by: 'coord', reason: '会办单位逾期' });
    expect(ok(overridden, { type: 'submitDraft' }, { coTasks: [co('handling')] }).state).toBe('inReview');
  });
  it('takes the co tasks from the facts of the suggestion\'s records, so a lead draft waits for an open one', () => {
    const records = { tasks: [lead, co('handling'), co('opinionSent', 'co2')], contacts: [], replies: [], opinions: [], commitments: [] };
    const facts = taskFacts(lead, records);
    expect(facts.coTasks.map((t) => t.id)).toEqual(['co1', 'co2']);
    expect(taskFacts(co('handling'), records).coTasks).toEqual([]);
    expect(run(lead, { type: 'submitDraft' }, { ...facts, hasDraft: true })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });
  it('a co-handler cannot reply to the deputy: it sends its opinion to the lead unit', () => {
    expect(run(co('handling'), { type: 'submitDraft' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(run(co('awaitingSignature'), { type: 'sign' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const sent = ok(co('handling'), { type: 'submitOpinion' }, { now: '2026-03-20T01:00:00Z' });
    expect(sent).toMatchObject({ state: 'opinionSent', opinionSentAt: '2026-03-20T01:00:00Z' });
    const r = run(sent, { type: 'submitOpinion' });
    expect(r).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });
});

describe('drafting, review and signing', () => {
  const handling = makeTask({ state: 'handling' });
  it('a draft must be saved before it is submitted', () => {
    expect(run(handling, { type: 'submitDraft' }, { hasDraft: false })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
  it('a rejected draft goes back to the handler', () => {
    const inReview = ok(handling, { type: 'submitDraft' });
    expect(ok(inReview, { type: 'review', approve: false, comment: '请补充' }).state).toBe('handling');
  });
  it('only an approved draft can be signed', () => {
    expect(run(ok(handling, { type: 'submitDraft' }), { type: 'sign' })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });
  it('signing needs a face-to-face record when the policy requires 面复 (the guard sits on sign)', () => {
    const approved = ok(ok(handling, { type: 'submitDraft' }), { type: 'review', approve: true });
    expect(approved.approvedAt).toBeDefined();
    expect(run(approved, { type: 'sign' }, { faceToFace: false })).toMatchObject({ ok: false, code: 'VALIDATION' });
    const noF2f = { ...SHANDONG_POLICY, faceToFaceRequired: false };
    expect(run(approved, { type: 'sign' }, { faceToFace: false, policy: noF2f })).toMatchObject({ ok: true });
    const signed = ok(approved, { type: 'sign' }, { now: '2026-04-01T02:00:00Z' });
    expect(signed).toMatchObject({ state: 'replied', repliedAt: '2026-04-01T02:00:00Z', firstRepliedAt: '2026-04-01T02:00:00Z' });
  });
});

describe("the deputy's feedback", () => {
  const replied = makeTask({ state: 'replied', repliedAt: '2026-04-01T02:00:00Z', firstRepliedAt: '2026-04-01T02:00:00Z' });
  it('satisfied or basically satisfied closes the task', () => {
    const t = ok(replied, { type: 'feedback', attitude: 'basic', result: 'satisfied' }, { now: '2026-04-10T02:00:00Z', actorIsSuggestionDeputy: true });
    expect(t).toMatchObject({ state: 'closed', closedAt: '2026-04-10T02:00:00Z', round: 1 });
  });
  it('an unsatisfied rating starts round 2 with a one-month re-handling deadline, run through the same path', () => {
    const again = ok(replied, { type: 'feedback', attitude: 'satisfied', result: 'unsatisfied' }, { now: '2026-04-10T02:00:00Z' });
    expect(again).toMatchObject({ state: 'rehandling', round: 2 });
    expect(again.due.rehandling).toBe('2026-05-10');
    const inReview = ok(again, { type: 'submitDraft' });
    expect(ok(inReview, { type: 'review', approve: false }).state).toBe('rehandling');
    const signed = ok(ok(inReview, { type: 'review', approve: true }), { type: 'sign' }, { now: '2026-05-05T02:00:00Z' });
    expect(signed).toMatchObject({ state: 'replied', round: 2, repliedAt: '2026-05-05T02:00:00Z', firstRepliedAt: '2026-04-01T02:00:00Z' });
    const closed = ok(signed, { type: 'feedback', attitude: 'unsatisfied', result: 'unsatisfied' });
    expect(closed).toMatchObject({ state: 'closed', round: 2 });
  });
  it('only a deputy of the suggestion may rate', () => {
    expect(run(replied, { type: 'feedback', attitude: 'satisfied', result: 'satisfied' }, { actorIsSuggestionDeputy: false })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });
  it('both ratings must be valid', () => {
    const bad = { type: 'feedback', attitude: 'great', result: 'satisfied' } as unknown as TaskAction;
    expect(run(replied, bad)).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
});

describe('asking what is allowed', () => {
  it('a new sole task may be claimed, returned or extended', () => {
    expect(allowedActions(makeTask(), ctx({ hasDraft: false }))).toEqual(['claim', 'requestReturn', 'requestExtension']);
  });
  it('after the return window only claiming and extension remain', () => {
    expect(allowedActions(makeTask(), ctx({ now: '2026-03-20T00:00:00Z', hasDraft: false }))).toEqual(['claim', 'requestExtension']);
  });
  it('a co task in handling may send its opinion but never submit a draft', () => {
    const actions = allowedActions(makeTask({ role: 'co', state: 'handling' }), ctx({ hasDraft: false }));
    expect(actions).toContain('submitOpinion');
    expect(actions).not.toContain('submitDraft');
  });
  it('explains why signing is blocked without a face-to-face record', () => {
    const list = actionAvailability(makeTask({ state: 'awaitingSignature' }), ctx({ faceToFace: false }));
    expect(list.find((a) => a.action === 'sign')).toMatchObject({ allowed: false, code: 'VALIDATION' });
    expect(list.find((a) => a.action === 'requestExtension')).toMatchObject({ allowed: true });
    const handling = actionAvailability(makeTask({ state: 'handling' }), ctx());
    expect(handling.find((a) => a.action === 'submitOpinion')).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
    expect(list.find((a) => a.action === 'claim')).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
  });
  it('a lead task in handling offers the override, and the draft only once co opinions are in', () => {
    const lead = makeTask({ role: 'lead', state: 'handling' });
    const waiting = allowedActions(lead, ctx({ coTasks: [makeTask({ id: 'c', role: 'co', state: 'handling' })] }));
    expect(waiting).toContain('overrideCoOpinions');
    expect(waiting).not.toContain('submitDraft');
    expect(allowedActions(lead, ctx({ coTasks: [] }))).toContain('submitDraft');
  });
});
