// Page paths and the moves between pages. The subpackages keep the main package small.
import Taro from '@tarojs/taro';

const q = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');

export type RequestKind = 'return' | 'extension';
export type DecisionKind = 'return' | 'extension' | 'urge';

export const routes = {
  home: '/pages/index/index',
  detail: (id: string) => `/pages/work/detail/index?${q({ id })}`,
  request: (id: string, taskId: string, kind: RequestKind) => `/pages/work/request/index?${q({ id, taskId, kind })}`,
  contact: (id: string, taskId: string) => `/pages/work/contact/index?${q({ id, taskId })}`,
  draft: (id: string, taskId: string) => `/pages/work/draft/index?${q({ id, taskId })}`,
  opinion: (id: string, taskId: string) => `/pages/work/opinion/index?${q({ id, taskId })}`,
  review: (id: string, taskId: string) => `/pages/work/review/index?${q({ id, taskId })}`,
  feedback: (id: string, taskId: string) => `/pages/work/feedback/index?${q({ id, taskId })}`,
  progress: (id: string, commitmentId: string) => `/pages/work/progress/index?${q({ id, commitmentId })}`,
  decide: (id: string, taskId: string, kind: DecisionKind) => `/pages/office/decide/index?${q({ id, taskId, kind })}`,
  disclose: (id: string) => `/pages/office/disclose/index?${q({ id })}`,
  assign: (id: string) => `/pages/office/assign/index?${q({ id })}`,
  stats: '/pages/office/stats/index',
  ledger: '/pages/office/ledger/index',
  allSuggestions: '/pages/office/suggestions/index',
  import: '/pages/office/import/index',
  messages: '/pages/account/messages/index',
  bind: '/pages/account/bind/index',
  publicList: '/pages/public/list/index',
  roster: '/pages/roster/index/index',
  person: (id: string) => `/pages/roster/person/index?${q({ id })}`,
  deputyImport: '/pages/roster/import/index',
  setup: '/pages/roster/setup/index',
  publicReply: (id: string) => `/pages/public/reply/index?${q({ id })}`,
  myProposals: '/pages/proposals/mine/index',
  /** A deputy's draft form: a new draft without an id. */
  proposalEdit: (id?: string) => (id ? `/pages/proposals/edit/index?${q({ id })}` : '/pages/proposals/edit/index'),
  /** One proposal to read: an invitation to answer, or one the office decides. */
  proposalView: (id: string) => `/pages/proposals/view/index?${q({ id })}`,
  proposalQueue: '/pages/proposals/queue/index',
};

export function open(url: string): void {
  void Taro.navigateTo({ url });
}

/** After a form is done: back to the page that opened it, or home when it was opened directly. */
export function finish(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.reLaunch({ url: routes.home });
}
