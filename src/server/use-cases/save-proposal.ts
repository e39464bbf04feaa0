// proposals.save: a deputy starts a draft (no id) or saves it as he types. Only the author edits, and
// only a draft or a proposal returned for revision; a returned one becomes a draft again (its reason kept).
import * as z from 'zod';
import type { ProposalView, SaveProposalData } from '../../contract';
import type { Proposal } from '../../core/model';
import { authorize } from '../access/permissions';
import { AppError } from '../../core/errors';
import { newId } from '../ports/ids';
import { caller, defineUseCase, event } from '../use-case';
import { idField, versionField } from '../validation';
import { editable } from '../../core/proposals';
import { loadProposal, viewAfterWrite } from './proposal-shared';

const draftText = (max: number) => z.string().trim().max(max);

const schema: z.ZodType<SaveProposalData> = z.object({
  id: idField.optional(),
  version: versionField.optional(),
  title: draftText(200),
  content: draftText(20000),
  problem: draftText(10000),
  measures: draftText(10000),
});

export const saveProposal = defineUseCase({
  action: 'proposals.save',
  access: 'user',
  schema,
  run: (data, ctx) =>
    ctx.write(async (tx): Promise<ProposalView> => {
      const user = caller(ctx);
      const fields = { title: data.title, content: data.content, problem: data.problem, measures: data.measures };
      if (data.id === undefined) {
        authorize(user, 'proposals.save');
        const proposal: Proposal = {
          id: newId(),
          authorId: user.id,
          delegation: user.delegation ?? '',
          ...fields,
          state: 'draft',
          invitations: [],
          inviteeIds: [],
          coSignerIds: [],
          createdAt: ctx.now,
          updatedAt: ctx.now,
          version: 1,
        };
        tx.insert('proposals', proposal);
        tx.appendEvent(event(ctx, { action: 'proposals.save', entity: 'proposal', entityId: proposal.id, to: 'draft' }));
        return viewAfterWrite(tx, user, proposal, ctx);
      }
      if (data.version === undefined) throw new AppError('VALIDATION', '「版本」不能为空');
      const current = await loadProposal(tx, user, data.id, data.version);
      authorize(user, 'proposals.save', { proposal: current });
      if (!editable(current)) throw new AppError('INVALID_TRANSITION', '建议已提交，不能再修改');
      const next: Proposal = { ...current, ...fields, state: 'draft', updatedAt: ctx.now, version: current.version + 1 };
      tx.update('proposals', next);
      tx.appendEvent(event(ctx, { action: 'proposals.save', entity: 'proposal', entityId: next.id, from: current.state, to: 'draft' }));
      return viewAfterWrite(tx, user, next, ctx);
    }),
});
