// proposals.list and proposals.get: a deputy's own proposals (mine), those he is invited to co-sign
// (invited), and the office's 待立案 queue (office: submitted ones only). Nobody else reads a draft:
// a proposal the caller may not read is NOT_FOUND.
import * as z from 'zod';
import type { GetProposalData, ListProposalsData, ListProposalsResult, ProposalView } from '../../contract';
import { AppError } from '../../core/errors';
import type { Proposal, User } from '../../core/model';
import { assertCanReadProposal, canReadProposal, isDeputy, isOffice, may } from '../access/permissions';
import type { Reader } from '../ports';
import { caller, defineUseCase } from '../use-case';
import { idField } from '../validation';
import { editable, invitationState } from '../../core/proposals';
import { loadWindow, peopleOf, proposalSummary, proposalView, todayOf, windowView } from './proposal-shared';

/** The home page's counts: a deputy's invitations waiting for his answer, the coordinator's 待立案 queue. */
export async function proposalCounts(reader: Reader, user: User, today: string): Promise<{ invitations?: number; queue?: number } | undefined> {
  const out: { invitations?: number; queue?: number } = {};
  if (isDeputy(user)) {
    const invited = await reader.find('proposals', { where: { inviteeIds: user.id } });
    out.invitations = invited.filter((p) => editable(p) && p.invitations.some((inv) => inv.userId === user.id && invitationState(inv, today) === 'invited')).length;
  }
  if (may(user, 'proposals.decide')) out.queue = await reader.count('proposals', { where: { state: 'submitted' } });
  return Object.keys(out).length > 0 ? out : undefined;
}

const listSchema: z.ZodType<ListProposalsData> = z.object({ box: z.enum(['mine', 'invited', 'office']) });

const newestFirst = (a: Proposal, b: Proposal) => (a.updatedAt === b.updatedAt ? a.id.localeCompare(b.id) : b.updatedAt.localeCompare(a.updatedAt));

export const listProposals = defineUseCase({
  action: 'proposals.list',
  access: 'user',
  schema: listSchema,
  async run(data, ctx): Promise<ListProposalsResult> {
    const user = caller(ctx);
    const store = ctx.deps.store;
    let found: Proposal[] = [];
    if (data.box === 'office') {
      if (!isOffice(user)) throw new AppError('FORBIDDEN', '只有联络员或管理员可以查看待立案的建议');
      found = await store.find('proposals', { where: { state: 'submitted' } });
    } else if (isDeputy(user)) {
      found = await store.find('proposals', { where: data.box === 'mine' ? { authorId: user.id } : { inviteeIds: user.id } });
    }
    const readable = found.filter((p) => canReadProposal(user, p)).sort(newestFirst);
    const today = todayOf(ctx);
    const [people, window] = await Promise.all([peopleOf(store, readable), loadWindow(store)]);
    const view = windowView(window, today);
    return { items: readable.map((p) => proposalSummary(user, p, people, today)), ...(view ? { window: view } : {}) };
  },
});

const getSchema: z.ZodType<GetProposalData> = z.object({ id: idField });

export const getProposal = defineUseCase({
  action: 'proposals.get',
  access: 'user',
  schema: getSchema,
  async run(data, ctx): Promise<ProposalView> {
    const user = caller(ctx);
    const store = ctx.deps.store;
    const proposal = await store.get('proposals', data.id);
    assertCanReadProposal(user, proposal);
    const [people, window] = await Promise.all([peopleOf(store, [proposal]), loadWindow(store)]);
    const view = proposalView(user, proposal, people, window, todayOf(ctx));
    if (!view.actions.includes('proposals.invite')) return view;
    // Co-signers are picked from the roster (any 代表团), never typed by hand.
    const deputies = await store.find('users', { where: { roles: 'deputy' } });
    const candidates = deputies
      .filter((u) => u.id !== proposal.authorId)
      .sort((a, b) => (a.delegation ?? '').localeCompare(b.delegation ?? '') || a.name.localeCompare(b.name))
      .map((u) => ({ userId: u.id, name: u.name, ...(u.delegation ? { delegation: u.delegation } : {}) }));
    return { ...view, candidates };
  },
});
