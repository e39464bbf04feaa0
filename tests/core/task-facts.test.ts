// The facts of a task's records the workflow reads, computed once (src/core/task.facts.ts) for the
// writes, the detail page and the work list's read model.
import type { Commitment, Contact, Opinion, Reply } from '../../src/core/model';
import { taskFacts } from '../../src/core/workflow';
import { makeTask } from './fixtures';

const task = makeTask({ id: 't1', role: 'lead', state: 'handling', round: 2 });
const contact = (over: Partial<Contact>): Contact =>
  ({ id: 'c', suggestionId: 's1', taskId: 't1', at: '2026-03-01T02:00:00Z', mode: 'visit', people: '代表', notes: '面谈', faceToFace: true, createdBy: 'h', ...over }) as Contact;
const reply = (over: Partial<Reply>): Reply => ({ id: 'r', suggestionId: 's1', taskId: 't1', round: 2, class: 'A', text: '答复', ...over }) as Reply;
const none = { contacts: [] as Contact[], replies: [] as Reply[], opinions: [] as Opinion[], commitments: [] as Commitment[] };

describe('taskFacts', () => {
  it('has every fact false or empty for a task without records', () => {
    expect(taskFacts(task, { tasks: [task], ...none })).toEqual({ coTasks: [], faceToFace: false, hasDraft: false, unconfirmedContact: false, openCommitment: false });
  });

  it('counts a face-to-face contact of this task only, and whether the deputy has confirmed it', () => {
    const other = contact({ id: 'c0', taskId: 't9' });
    expect(taskFacts(task, { tasks: [task], ...none, contacts: [other] })).toMatchObject({ faceToFace: false, unconfirmedContact: false });
    expect(taskFacts(task, { tasks: [task], ...none, contacts: [contact({})] })).toMatchObject({ faceToFace: true, unconfirmedContact: true });
    const confirmed = contact({ deputyConfirmedAt: '2026-03-02T02:00:00Z' });
    expect(taskFacts(task, { tasks: [task], ...none, contacts: [confirmed] })).toMatchObject({ faceToFace: true, unconfirmedContact: false });
  });

  it('sees a draft of the current round only, not a signed reply or an earlier round', () => {
    const facts = (replies: Reply[]) => taskFacts(task, { tasks: [task], ...none, replies }).hasDraft;
    expect(facts([reply({})])).toBe(true);
    expect(facts([reply({ round: 1 })])).toBe(false);
    expect(facts([reply({ signedAt: '2026-03-02T02:00:00Z' })])).toBe(false);
  });

  it('sees an open promise, not a carried-out one', () => {
    const promise = { id: 'p', suggestionId: 's1', taskId: 't1', progress: [] } as unknown as Commitment;
    expect(taskFacts(task, { tasks: [task], ...none, commitments: [promise] }).openCommitment).toBe(true);
    expect(taskFacts(task, { tasks: [task], ...none, commitments: [{ ...promise, doneAt: '2026-03-02T02:00:00Z' }] }).openCommitment).toBe(false);
  });
});
