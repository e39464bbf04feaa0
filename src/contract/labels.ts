// The words for every action, in one place: what happened (a timeline entry, an audit record) and,
// for the actions a page offers as a button, what the button says. Values, like names.ts.
import type { ActionName } from './names';

/** Each action as a thing done, e.g. in a suggestion's timeline: 张三 认领. */
export const ACTION_LABELS: Record<ActionName, string> = {
  me: '查看身份',
  'users.bind': '绑定身份',
  'suggestions.import': '导入交办清单',
  'suggestions.create': '登记建议',
  'suggestions.assign': '交办',
  'suggestions.list': '查看建议',
  'suggestions.get': '查看建议',
  'tasks.mine': '查看办理任务',
  'tasks.claim': '认领',
  'tasks.requestReturn': '申请退回',
  'tasks.decideReturn': '审批退回申请',
  'tasks.requestExtension': '申请延期',
  'tasks.decideExtension': '审批延期申请',
  'tasks.logContact': '登记沟通记录',
  'tasks.saveDraft': '保存答复稿',
  'tasks.submitDraft': '提交答复稿',
  'tasks.review': '审核答复稿',
  'tasks.sign': '签发答复',
  'tasks.submitOpinion': '送会办意见',
  'tasks.urge': '催办',
  'feedback.submit': '代表评价',
  'commitments.progress': '登记落实进展',
  'suggestions.disclose': '公开决定',
  'suggestions.archive': '归档',
  'ledger.list': '查看台账',
  'ledger.export': '导出台账',
  'stats.summary': '查看统计',
  'report.annual': '查看年度总结',
  'subscriptions.record': '订阅提醒',
  'notifications.mine': '查看消息',
  'units.list': '查看单位',
  'units.upsert': '维护单位',
  'users.list': '查看人员',
  'users.upsert': '维护人员',
  'users.issueBindCode': '发放绑定码',
  'users.bindCodes': '查看绑定码',
  'users.revokeBindCode': '收回绑定码',
  'users.bindLocks': '查看绑定锁定',
  'users.liftBindLock': '解除绑定锁定',
  'users.import': '导入代表名单',
  'users.firstAdmin': '创建第一个管理员',
  'notifications.read': '阅读消息',
  'contacts.confirm': '代表确认面复记录',
  'public.list': '查看公开建议',
  'public.get': '查看公开建议',
  'letters.get': '查看答复函',
  'attachments.add': '添加附件',
  'attachments.list': '查看附件',
  'attachments.remove': '删除附件',
};

/** Timeline entries that are not API actions (loading the demo data). */
export const OTHER_EVENT_LABELS: Record<string, string> = { 'demo.seed': '载入演示数据', 'letters.generate': '生成答复函' };

/** What a task's button says, for the actions a page offers on a task. */
export const ACTION_BUTTON_LABELS: Partial<Record<ActionName, string>> = {
  'tasks.claim': '认领任务',
  'tasks.submitDraft': '提交审核',
  'tasks.requestReturn': '申请退回',
  'tasks.requestExtension': '申请延期',
  'tasks.logContact': '记录面复/沟通',
  'tasks.saveDraft': '起草答复',
  'tasks.submitOpinion': '提交会办意见',
  'tasks.review': '审核答复',
  'tasks.sign': '签发答复',
  'feedback.submit': '评价办理结果',
  'tasks.decideReturn': '审批退回申请',
  'tasks.decideExtension': '审批延期申请',
  'tasks.urge': '催办',
  'contacts.confirm': '确认',
  'commitments.progress': '登记落实进展',
};

/** The label of a recorded event's action, or the action's name when it has none. */
export function eventLabel(action: string): string {
  return (ACTION_LABELS as Record<string, string>)[action] ?? OTHER_EVENT_LABELS[action] ?? action;
}
