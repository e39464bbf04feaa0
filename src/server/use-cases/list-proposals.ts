// proposals.list and proposals.get: a deputy's own proposals (mine), those he is invited to co-sign
// (invited), and the office's 待立案 queue (office: submitted ones only). Nobody else reads a draft:
// a proposal the caller may not read is NOT_FOUND.
import * as z from 'zod';
import type { GetProposalData, ListProposalsData, ListProposalsResult, ProposalView } from '../../contract';
import { AppError } from '../../core/errors';
import type { Proposal } from '../../core/model';
import { assertCanReadProposal, canReadProposal, isDeputy, isOffice } from '../access/permissions';
import { caller, defineUseCase } from '../use-case';
import { idField } from '../validation';
import { loadWindow, peopleOf, proposalSummary, proposalView, todayOf, windowView } from './proposal-shared';

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
    return proposalView(user, proposal, people, window, todayOf(ctx));
  },
});
