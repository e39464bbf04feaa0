// Every page of the mini-program with the person who opens it (a demo user of the role it serves,
// src/server/demo-data.ts), the parameters it is opened with, and the text it must show.
export interface PageVisit {
  route: string;
  openid: string;
  query?: Record<string, string>;
  keys: string[];
}

const charging = { id: 'sug-charging', taskId: 'sug-charging-task-1' };
// The proposals the simulated office holds (simulator/office.ts SIM_PROPOSALS).
const proposal = { invited: 'sim-proposal-invited', queued: 'sim-proposal-queued' };

export const VISITS: PageVisit[] = [
  // The deputy's home lists his suggestions, each with its step.
  { route: 'pages/index/index', openid: 'demo-deputy', keys: ['王建华，您好', '我的建议', '关于加快推进电动汽车充电桩配置的建议', '办理 · 进行中'] },
  { route: 'pages/index/index', openid: 'demo-handler', keys: ['刘洋，您好'] },
  { route: 'pages/index/index', openid: 'demo-coordinator', keys: ['郑晓燕，您好', '办理台账', '全部建议', '待立案（1件）与建议提交期'] },
  { route: 'pages/index/index', openid: 'demo-deputy', keys: ['起草建议与附议（1条附议邀请待答复）'] },
  // A deputy's proposals: his invitations and drafts, the draft form, the invitation; the office's queue.
  { route: 'pages/proposals/mine/index', openid: 'demo-deputy', keys: ['我的建议', '起草新建议', '邀请我附议的建议', '关于在老旧小区增设社区食堂的建议', '十八届二次闭会期间建议提交期：2026-11-01至2026-12-31（现在可以提交）'] },
  { route: 'pages/proposals/edit/index', openid: 'demo-deputy', keys: ['起草建议', '标题', '存在的问题', '建议的措施', '开始填写后自动保存'] },
  { route: 'pages/proposals/view/index', openid: 'demo-deputy', query: { id: proposal.invited }, keys: ['关于在老旧小区增设社区食堂的建议', '老年人就餐不便。', '同意附议', '谢绝附议'] },
  { route: 'pages/proposals/view/index', openid: 'demo-coordinator', query: { id: proposal.queued }, keys: ['关于增设公交夜班线路的建议', '立案审查', '退回修改', '转来信处理'] },
  { route: 'pages/proposals/queue/index', openid: 'demo-coordinator', keys: ['待立案的建议（1件）', '关于增设公交夜班线路的建议', '建议提交期', '开放提交期'] },
  { route: 'pages/index/index', openid: 'demo-admin', keys: ['名册管理'] },
  // The task detail shows its actions.
  { route: 'pages/work/detail/index', openid: 'demo-handler', query: { id: charging.id }, keys: ['关于加快推进电动汽车充电桩配置的建议', '起草答复'] },
  { route: 'pages/work/detail/index', openid: 'demo-deputy', query: { id: charging.id }, keys: ['关于加快推进电动汽车充电桩配置的建议', '建议内容', '承办单位'] },
  { route: 'pages/work/request/index', openid: 'demo-handler', query: { ...charging, kind: 'extension' }, keys: ['延期'] },
  { route: 'pages/work/contact/index', openid: 'demo-handler', query: charging, keys: ['面复'] },
  // The draft form opens.
  { route: 'pages/work/draft/index', openid: 'demo-handler', query: charging, keys: ['答复'] },
  { route: 'pages/work/opinion/index', openid: 'demo-handler', query: { id: 'sug-community-care', taskId: 'sug-community-care-task-2' }, keys: ['意见'] },
  { route: 'pages/work/review/index', openid: 'demo-reviewer', query: { id: 'sug-elderly-care', taskId: 'sug-elderly-care-task-1' }, keys: ['审核'] },
  { route: 'pages/work/review/index', openid: 'demo-leader', query: { id: 'sug-childcare', taskId: 'sug-childcare-task-1' }, keys: ['签发'] },
  { route: 'pages/work/feedback/index', openid: 'demo-deputy', query: { id: 'sug-yellow-river', taskId: 'sug-yellow-river-task-1' }, keys: ['评价'] },
  { route: 'pages/work/progress/index', openid: 'demo-handler', query: { id: 'sug-yellow-river', commitmentId: 'sug-yellow-river-task-1-reply-1-commitment' }, keys: ['进展'] },
  { route: 'pages/account/messages/index', openid: 'demo-deputy', keys: ['消息'] },
  { route: 'pages/account/bind/index', openid: 'wx-new-person', keys: ['绑定'] },
  { route: 'pages/public/list/index', openid: 'demo-deputy', keys: ['建议办理结果公开'] },
  { route: 'pages/public/reply/index', openid: 'demo-deputy', query: { id: 'sug-nev' }, keys: ['关于加快新能源汽车推广普及的建议'] },
  { route: 'pages/roster/index/index', openid: 'demo-admin', keys: ['名册管理', '刘洋'] },
  { route: 'pages/roster/person/index', openid: 'demo-admin', query: { id: 'user-handler' }, keys: ['刘洋', '已绑定微信', '保存修改'] },
  { route: 'pages/roster/import/index', openid: 'demo-admin', keys: ['导入代表名单'] },
  { route: 'pages/roster/setup/index', openid: 'wx-new-person', keys: ['管理员'] },
  { route: 'pages/office/decide/index', openid: 'demo-coordinator', query: { ...charging, kind: 'urge' }, keys: ['催办'] },
  { route: 'pages/office/disclose/index', openid: 'demo-coordinator', query: { id: 'sug-nev' }, keys: ['公开与归档', '关于加快新能源汽车推广普及的建议'] },
  { route: 'pages/office/stats/index', openid: 'demo-coordinator', keys: ['年度总结文档（Word）'] },
  { route: 'pages/office/assign/index', openid: 'demo-coordinator', query: { id: 'sug-floodplain' }, keys: ['交办', '关于改善黄河滩区群众生产生活条件的建议'] },
  // 办理台账 and 全部建议 read the year choices that once needed Intl.
  { route: 'pages/office/ledger/index', openid: 'demo-coordinator', keys: ['办理台账', '关于加快推进电动汽车充电桩配置的建议'] },
  { route: 'pages/office/import/index', openid: 'demo-coordinator', keys: ['导入交办清单'] },
  { route: 'pages/office/suggestions/index', openid: 'demo-coordinator', keys: ['全部建议', '关于加快推进电动汽车充电桩配置的建议'] },
];
