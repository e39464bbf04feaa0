// The wire contract: identity. Types, and the words of each action; see docs/architecture.md.
import { said, type WordsOf } from './words';
import type { Empty } from './common';
import type { Role } from '../core/model';

export interface MeUser {
  id: string;
  name: string;
  roles: Role[];
  roleLabels: string[];
  unitId?: string;
  unitName?: string;
}
/**
 * What the home page offers the caller, decided by the server's permissions: 我的建议, 我的办理任务,
 * 待我审核, 待我签发, 全部建议, 统计与年度总结, 办理台账, 导入交办清单; a deputy's own proposals (我的建议
 * drafts and invitations) and the office's 待立案 queue with its phase control (docs/proposals.md).
 */
export type Capability =
  | 'mySuggestions'
  | 'myProposals'
  | 'proposalQueue'
  | 'unitTasks'
  | 'reviewQueue'
  | 'signQueue'
  | 'allSuggestions'
  | 'stats'
  | 'ledger'
  | 'import'
  | 'roster';

/** The server's clock at the request, in Beijing time: pages never read the phone's clock. */
export interface ServerClock {
  now: string; // ISO instant
  today: string; // YYYY-MM-DD, Asia/Shanghai
  time: string; // HH:mm, Asia/Shanghai
  year: number; // this year in Beijing time
}

export interface MeResult {
  user: MeUser | null;
  bound: boolean;
  /** The home page's menus and queues (empty while unbound). */
  capabilities: Capability[];
  clock: ServerClock;
  /** A bound caller's unread messages, for the count on the home page. */
  unreadMessages?: number;
  /** For myProposals: invitations to co-sign still waiting for his answer; for proposalQueue: proposals waiting for 立案. */
  proposalCounts?: { invitations?: number; queue?: number };
  /**
   * Only for an unbound caller while the deployment has no administrator yet (a fresh start without
   * demo data): the app offers the one-time creation of the first administrator (users.firstAdmin).
   */
  firstAdminOpen?: boolean;
  /** Subscribe-message template ids the app asks the user to accept (at most 3 a tap). */
  subscribeTemplateIds?: string[];
  /**
   * The templates to ask for at the caller's next tap that the app makes anyway (claim, draft, review,
   * sign, 面复, rating, opening a message): those whose remaining count is low, never one refused
   * (at most 3). Empty when nothing needs asking.
   */
  subscribeAsk?: string[];
  /**
   * The caller's folder in cloud storage (uploads/<hash of the openid>): in WeChat the app uploads a
   * file there (wx.cloud.uploadFile) before passing its fileID to an action (docs/security.md, Uploads).
   */
  uploadFolder?: string;
}
export interface BindUserData {
  code: string;
}
export interface FirstAdminData {
  name: string;
  /** The deployment's own name, e.g. 市人民政府办公室: asked once, here, when nobody has named it yet. */
  officeName?: string;
}

/** The identity actions: each one's request data and result. */
export interface IdentityActions {
  me: { data: Empty; result: MeResult };
  'users.bind': { data: BindUserData; result: MeResult };
  'users.firstAdmin': { data: FirstAdminData; result: MeResult };
}

/** The words of each of them (docs/architecture.md, Adding an action). */
export const IDENTITY_ACTIONS = {
  me: said('查看身份'),
  'users.bind': said('绑定身份'),
  'users.firstAdmin': said('创建第一个管理员'),
} as const satisfies WordsOf<IdentityActions>;
