// The notices of a deputy's proposal (docs/proposals.md): an invitation to co-sign, its answer, the
// submission, the office's decision, and the two reminders (an invitation about to lapse, a draft not
// submitted before the phase closes). They take the one outbox path: a row keyed by proposal ×
// occasion × recipient, written in the same commit as the step, with its audit event.
import type { Proposal, User } from '../../core/model';
import type { Tx } from '../ports';
import { writeOutbox, type OutboxActor, type OutboxEntry } from './outbox';
import type { ReminderMessage } from './messages';

export type ProposalNoticeKind =
  | 'proposalInvited'
  | 'proposalAccepted'
  | 'proposalDeclined'
  | 'proposalSubmitted'
  | 'proposalFiled'
  | 'proposalReturned'
  | 'proposalRejected'
  | 'proposalInviteLapsing'
  | 'proposalWindowClosing';

/** The office keeps one phase at a time; each opening replaces it (the audit keeps the history). */
export const PROPOSAL_WINDOW_ID = 'current';

/** The page a proposal's notice opens. */
export const proposalPage = (id: string) => `pages/proposals/view/index?id=${id}`;

interface Facts {
  proposal: Proposal;
  author: Pick<User, 'name'>;
  /** The invitee who answered (proposalAccepted/Declined). */
  other?: Pick<User, 'name'>;
  /** The answer-by date of an invitation, the last day of the phase. */
  dueDate?: string;
}

/** What the notice asks of its reader and by when: the first words of its body, and its params. */
function words(kind: ProposalNoticeKind, f: Facts): { title: string; body: string; asks?: string; deadline?: string } {
  const t = `《${f.proposal.title || '未命名建议'}》`;
  switch (kind) {
    case 'proposalInvited':
      return { title: '请答复附议邀请', body: `${f.author.name}代表邀请您附议建议${t}，请在${f.dueDate}前答复是否附议。`, asks: '答复附议邀请', deadline: '答复期限' };
    case 'proposalInviteLapsing':
      return { title: '附议邀请即将过期', body: `${f.author.name}代表邀请您附议建议${t}，答复期限为${f.dueDate}，逾期视为不附议。`, asks: '答复附议邀请', deadline: '答复期限' };
    case 'proposalAccepted':
      return { title: '代表同意附议', body: `${f.other?.name ?? ''}代表同意附议您的建议${t}。` };
    case 'proposalDeclined':
      return { title: '代表谢绝附议', body: `${f.other?.name ?? ''}代表谢绝附议您的建议${t}，您可以不等其答复直接提交。` };
    case 'proposalSubmitted':
      return { title: '有代表建议待立案', body: `${f.author.name}代表提交了建议${t}，请进行立案审查（立案、退回修改或转来信处理）。`, asks: '立案审查' };
    case 'proposalFiled':
      return { title: '建议已立案', body: `建议${t}已立案，建议号${f.proposal.number}，待交办后可查看承办单位和答复期限。` };
    case 'proposalReturned':
      return { title: '建议被退回修改', body: `建议${t}被退回修改，理由：${f.proposal.reason}。请修改后在提交期内重新提交。`, asks: '修改后重新提交建议', ...(f.dueDate ? { deadline: '提交截止' } : {}) };
    case 'proposalRejected':
      return { title: '建议转为来信办理', body: `建议${t}不作为建议立案，转为来信办理，理由：${f.proposal.reason}。` };
    case 'proposalWindowClosing':
      return { title: '建议提交期即将结束', body: `您的建议${t}尚未提交，提交期至${f.dueDate}结束，逾期将不能提交。`, asks: '提交建议', deadline: '提交截止' };
  }
}

export function proposalMessage(kind: ProposalNoticeKind, facts: Facts): ReminderMessage {
  const w = words(kind, facts);
  return {
    title: w.title,
    body: w.body,
    page: proposalPage(facts.proposal.id),
    template: 'deadline',
    params: {
      title: facts.proposal.title,
      stage: w.title,
      note: w.asks ?? w.title,
      ...(w.asks ? { asks: w.asks } : {}),
      ...(w.deadline && facts.dueDate ? { deadline: w.deadline, dueDate: facts.dueDate } : {}),
    },
  };
}

/**
 * Writes one notice of the proposal to each recipient, keyed by the occasion (the step and the
 * proposal's version, or the reminder's day), so the same step never notifies twice. `checked: false`
 * (outbox.ts) where the occasion is a version of the proposal written in the same commit: a notice
 * already there means the step was committed already, and the commit fails on the proposal too.
 */
export function queueProposalNotices(
  tx: Tx,
  kind: ProposalNoticeKind,
  facts: Facts,
  recipients: readonly User[],
  occasion: string,
  now: string,
  actor?: OutboxActor,
  options?: { checked: boolean },
) {
  const message = proposalMessage(kind, facts);
  const entries: OutboxEntry[] = recipients.map((recipient) => ({
    occasionKey: `${facts.proposal.id}:${kind}:${occasion}`,
    kind,
    recipient,
    ...(facts.proposal.suggestionId ? { suggestionId: facts.proposal.suggestionId } : {}),
    message,
  }));
  return writeOutbox(tx, entries, now, actor, options);
}
