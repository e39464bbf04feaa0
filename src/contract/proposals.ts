// The wire contract of deputies' proposals: drafting, co-signing (附议), submitting in an open phase,
// and the office's 立案 (docs/proposals.md). Types, and the words of each action.
import type { Phase, ProposalInvitation, ProposalState } from '../core/model';
import { said, type WordsOf } from './words';

/** Create a draft (no id) or save the author's draft as he types (id and the version he saw). */
export interface SaveProposalData {
  id?: string;
  version?: number;
  title: string;
  content: string;
  problem: string;
  measures: string;
}

export interface InviteCoSignersData {
  id: string;
  version: number;
  /** Deputies of the roster (any 代表团). */
  userIds: string[];
}

export interface RespondInvitationData {
  id: string;
  accept: boolean;
}

export interface ProposalRef {
  id: string;
  version: number;
}

export type ProposalBox = 'mine' | 'invited' | 'office';

export interface ListProposalsData {
  box: ProposalBox;
}

export interface GetProposalData {
  id: string;
}

export type ProposalDecision = 'accept' | 'return' | 'reject';

export interface DecideProposalData {
  id: string;
  version: number;
  decision: ProposalDecision;
  /** Required to return it or to turn it into a letter. */
  reason?: string;
}

/** Open a phase (会期 or 闭会期间, first and last day), or close the open one early. */
export type ProposalWindowData =
  | { open: true; session: string; phase: Phase; startDate: string; endDate: string; inviteDays?: number }
  | { open: false };

export interface ProposalWindowView {
  session: string;
  phase: Phase;
  startDate: string;
  endDate: string;
  inviteDays: number;
  /** Proposals may be submitted today. */
  openNow: boolean;
  closedAt?: string;
}

export interface ProposalPerson {
  userId: string;
  name: string;
  delegation?: string;
}

export interface ProposalInvitationView extends ProposalPerson {
  state: ProposalInvitation['state'];
  answerByDate: string;
  answeredAt?: string;
}

export interface ProposalSummary {
  id: string;
  title: string;
  state: ProposalState;
  author: ProposalPerson;
  updatedAt: string;
  submittedAt?: string;
  number?: string;
  suggestionId?: string;
  /** For the caller's invitation (box 'invited'). */
  myInvitation?: ProposalInvitationView;
  /** Why the office returned it for revision or turned it into a letter (the last decision). */
  reason?: string;
  version: number;
}

/** What the caller can do on a proposal now (the server's permissions decide; the page shows them). */
export type ProposalAction = 'proposals.save' | 'proposals.invite' | 'proposals.submit' | 'proposals.respond' | 'proposals.decide';

export interface ProposalView extends ProposalSummary {
  content: string;
  problem: string;
  measures: string;
  delegation: string;
  invitations: ProposalInvitationView[];
  coSigners: ProposalPerson[];
  session?: string;
  phase?: Phase;
  decidedAt?: string;
  reason?: string;
  actions: ProposalAction[];
  window?: ProposalWindowView;
  /** To the author of a draft, when it cannot be submitted today: why, naming the phase's dates. */
  submitRefusal?: string;
  /** To the author who may invite (proposals.get only): the roster's deputies of every 代表团 but himself. */
  candidates?: ProposalPerson[];
}

export interface ListProposalsResult {
  items: ProposalSummary[];
  window?: ProposalWindowView;
}

export interface DecideProposalResult {
  /** The proposal as decided, for the office (without the phase: \`window\` is on proposals.list and proposals.get). */
  proposal: ProposalView;
  suggestionId?: string;
  number?: string;
}

/** The proposals actions: each one's request data and result. */
export interface ProposalActions {
  'proposals.save': { data: SaveProposalData; result: ProposalView };
  'proposals.invite': { data: InviteCoSignersData; result: ProposalView };
  'proposals.respond': { data: RespondInvitationData; result: ProposalView };
  'proposals.submit': { data: ProposalRef; result: ProposalView };
  'proposals.list': { data: ListProposalsData; result: ListProposalsResult };
  'proposals.get': { data: GetProposalData; result: ProposalView };
  'proposals.decide': { data: DecideProposalData; result: DecideProposalResult };
  'proposals.window': { data: ProposalWindowData; result: { window?: ProposalWindowView } };
}

/** The words of each of them (docs/architecture.md, Adding an action). */
export const PROPOSAL_ACTIONS = {
  'proposals.save': said('保存建议草稿'),
  'proposals.invite': said('邀请附议'),
  'proposals.respond': said('答复附议邀请'),
  'proposals.submit': said('提交建议'),
  'proposals.list': said('查看建议草稿'),
  'proposals.get': said('查看建议草稿'),
  'proposals.decide': said('立案审查'),
  'proposals.window': said('设置建议提交期'),
} as const satisfies WordsOf<ProposalActions>;
