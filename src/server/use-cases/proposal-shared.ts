// What the proposal actions share (docs/proposals.md): the open phase, loading a proposal for a
// write, the view a caller reads, and who hears of a step.
import type { ProposalAction, ProposalInvitationView, ProposalPerson, ProposalSummary, ProposalView, ProposalWindowView } from '../../contract';
import { shanghaiDate } from '../../core/calendar';
import { AppError } from '../../core/errors';
import type { Proposal, ProposalInvitation, ProposalWindow, User } from '../../core/model';
import { editable, invitationState, windowOpen, windowRefusal } from '../../core/proposals';
import { assertCanReadProposal, isDeputy, may } from '../access/permissions';
import type { Reader, Tx } from '../ports';
import { PROPOSAL_WINDOW_ID } from '../reminders/proposal-notices';
import type { UseCaseContext } from '../use-case';

export const WINDOW_ID = PROPOSAL_WINDOW_ID;
/** Days an invited deputy has to answer when the office has set none. */
export const DEFAULT_INVITE_DAYS = 5;

export const todayOf = (ctx: UseCaseContext) => shanghaiDate(ctx.now);

export const loadWindow = (reader: Reader) => reader.get('proposalWindows', WINDOW_ID);

export function windowView(window: ProposalWindow | undefined, today: string): ProposalWindowView | undefined {
  if (!window) return undefined;
  return {
    session: window.session,
    phase: window.phase,
    startDate: window.startDate,
    endDate: window.endDate,
    inviteDays: window.inviteDays,
    openNow: windowOpen(window, today),
    ...(window.closedAt ? { closedAt: window.closedAt } : {}),
  };
}

/** A proposal for a write: readable by the caller (else NOT_FOUND), at the version the caller saw (else CONFLICT). */
export async function loadProposal(tx: Tx, user: User, id: string, version?: number): Promise<Proposal> {
  const proposal = await tx.get('proposals', id);
  assertCanReadProposal(user, proposal);
  if (version !== undefined && proposal.version !== version) throw new AppError('CONFLICT', '建议草稿已被修改，请刷新后重试');
  return proposal;
}

/** What the caller can do on the proposal now; each is offered exactly when the call would pass. */
export function proposalActionsFor(user: User, p: Proposal, window: ProposalWindow | undefined, today: string): ProposalAction[] {
  const out: ProposalAction[] = [];
  const target = { proposal: p };
  if (editable(p) && may(user, 'proposals.save', target)) {
    out.push('proposals.save', 'proposals.invite');
    if (windowOpen(window, today)) out.push('proposals.submit');
  }
  const mine = p.invitations.find((inv) => inv.userId === user.id);
  if (editable(p) && mine && invitationState(mine, today) === 'invited' && may(user, 'proposals.respond', target)) out.push('proposals.respond');
  if (p.state === 'submitted' && may(user, 'proposals.decide')) out.push('proposals.decide');
  return out;
}

/** The people a set of proposals names, read at once. */
export async function peopleOf(reader: Reader, proposals: readonly Proposal[]): Promise<Map<string, User>> {
  const ids = new Set<string>();
  for (const p of proposals) {
    ids.add(p.authorId);
    for (const id of p.inviteeIds) ids.add(id);
  }
  const users = ids.size > 0 ? await reader.getMany('users', [...ids]) : [];
  return new Map(users.map((u) => [u.id, u]));
}

const person = (people: Map<string, User>, userId: string): ProposalPerson => {
  const user = people.get(userId);
  return { userId, name: user?.name ?? '', ...(user?.delegation ? { delegation: user.delegation } : {}) };
};

function invitationView(people: Map<string, User>, inv: ProposalInvitation, today: string): ProposalInvitationView {
  return { ...person(people, inv.userId), state: invitationState(inv, today), answerByDate: inv.answerByDate, ...(inv.answeredAt ? { answeredAt: inv.answeredAt } : {}) };
}

export function proposalSummary(user: User, p: Proposal, people: Map<string, User>, today: string): ProposalSummary {
  const mine = p.invitations.find((inv) => inv.userId === user.id);
  return {
    id: p.id,
    title: p.title,
    state: p.state,
    author: person(people, p.authorId),
    updatedAt: p.updatedAt,
    ...(p.submittedAt ? { submittedAt: p.submittedAt } : {}),
    ...(p.number ? { number: p.number } : {}),
    ...(p.suggestionId ? { suggestionId: p.suggestionId } : {}),
    ...(mine && isDeputy(user) ? { myInvitation: invitationView(people, mine, today) } : {}),
    ...(p.reason ? { reason: p.reason } : {}),
    version: p.version,
  };
}

export function proposalView(user: User, p: Proposal, people: Map<string, User>, window: ProposalWindow | undefined, today: string): ProposalView {
  const view = windowView(window, today);
  const actions = proposalActionsFor(user, p, window, today);
  const refusal = actions.includes('proposals.save') && !actions.includes('proposals.submit') ? windowRefusal(window, today) : undefined;
  return {
    ...proposalSummary(user, p, people, today),
    content: p.content,
    problem: p.problem,
    measures: p.measures,
    delegation: p.delegation,
    invitations: p.invitations.map((inv) => invitationView(people, inv, today)),
    coSigners: p.coSignerIds.map((id) => person(people, id)),
    ...(p.session ? { session: p.session } : {}),
    ...(p.phase ? { phase: p.phase } : {}),
    ...(p.decidedAt ? { decidedAt: p.decidedAt } : {}),
    actions,
    ...(view ? { window: view } : {}),
    ...(refusal ? { submitRefusal: refusal } : {}),
  };
}

/** The view of a proposal just written (the people it names read fresh). */
export async function viewAfterWrite(tx: Reader, user: User, p: Proposal, ctx: UseCaseContext): Promise<ProposalView> {
  const today = todayOf(ctx);
  return proposalView(user, p, await peopleOf(tx, [p]), await loadWindow(tx), today);
}

/** The office users who decide proposals (联络员). */
export const coordinators = (reader: Reader) => reader.find('users', { where: { roles: 'coordinator' } });
