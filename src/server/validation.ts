// Request data checks: zod schemas per action, and their failures told in Chinese, naming the field
// in the words of the screens (never an internal name, an English key or the value sent).
import * as z from 'zod';
import { AppError } from '../core/errors';

const FIELD_LABELS: Record<string, string> = {
  id: '记录',
  taskId: '办理任务',
  suggestionId: '建议',
  contactId: '沟通记录',
  commitmentId: '落实事项',
  userId: '人员',
  unitId: '单位',
  version: '版本号',
  code: '绑定码',
  file: '文件',
  format: '文件格式',
  number: '建议号',
  title: '标题',
  content: '内容',
  leadDeputyId: '领衔代表',
  coSignerIds: '附议代表',
  delegation: '代表团',
  session: '届次',
  phase: '提出阶段',
  tags: '领域标签',
  keySupervised: '重点督办',
  units: '承办单位',
  role: '角色',
  roles: '角色',
  requirements: '办理要求',
  assignedDate: '交办日期',
  status: '状态',
  keyword: '关键词',
  page: '页码',
  pageSize: '每页条数',
  scope: '范围',
  responsibleUserId: '办理责任人',
  reason: '理由',
  approve: '审批意见',
  comment: '说明',
  requestedDue: '申请延期至',
  at: '时间',
  mode: '方式',
  place: '地点',
  people: '参加人员',
  notes: '沟通内容',
  faceToFace: '是否面复',
  class: '答复类别',
  text: '正文',
  leaderContact: '负责领导联系方式',
  handlerContact: '承办人联系方式',
  name: '姓名',
  phone: '电话',
  coOpinionIds: '引用的会办意见',
  commitment: '落实承诺',
  promise: '承诺事项',
  targetDate: '计划完成日期',
  decision: '审核结论',
  note: '备注',
  message: '督办内容',
  attitude: '办理态度评价',
  result: '办理结果评价',
  reasons: '不满意的理由',
  coSignerViews: '附议代表意见',
  done: '是否落实完毕',
  finalAnswer: '最终答复',
  summary: '公开摘要',
  year: '年度',
  results: '订阅结果',
  templateId: '消息模板',
  accepted: '是否同意',
  longTerm: '长期订阅',
  unreadOnly: '仅看未读',
  departments: '处室',
  department: '处室',
  requestId: '请求标识',
  target: '附件所属',
  targetId: '所属记录',
  fileName: '文件名',
  practices: '主要做法',
  nextSteps: '下步工作措施',
};

function fieldName(path: readonly PropertyKey[]): string {
  const named = [...path].reverse().find((part): part is string => typeof part === 'string');
  // A field no screen names (a request not made by the app) is not named in the caller's words either.
  const label = named ? (FIELD_LABELS[named] ?? '提交的内容') : '请求数据';
  const index = path.find((part): part is number => typeof part === 'number');
  return index === undefined ? label : `第${index + 1}项的${label}`;
}

/** The value the caller sent at an issue's path (zod's issues do not carry it). */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function issueMessage(issue: z.core.$ZodIssue, data: unknown): string {
  const field = `「${fieldName(issue.path)}」`;
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.path.length === 0) return '请求数据格式不正确';
      const value = valueAt(data, issue.path);
      if (value === undefined || value === null) return `缺少${field}`;
      // JSON reads 1e309 as Infinity: a number, only too large to be one.
      if (typeof value === 'number' && !Number.isFinite(value)) return `${field}超出允许的范围`;
      if (typeof value === 'number' && issue.expected === 'int') return `${field}应为整数`;
      return `${field}的类型不正确`;
    }
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `${field}不能为空` : `${field}太短`;
      if (issue.origin === 'array') return `${field}至少需要${String(issue.minimum)}项`;
      return `${field}不能小于${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `${field}不能超过${String(issue.maximum)}个字`;
      if (issue.origin === 'array') return `${field}最多${String(issue.maximum)}项`;
      return `${field}不能大于${String(issue.maximum)}`;
    case 'invalid_value':
      return `${field}的取值不在允许范围内`;
    case 'invalid_format':
      return `${field}的格式不正确`;
    case 'unrecognized_keys':
      return `${field}包含本操作不需要的内容`;
    case 'custom':
      return issue.message && /[\u4e00-\u9fa5]/.test(issue.message) ? `${field}${issue.message}` : `${field}不正确`;
    default:
      return `${field}不正确`;
  }
}

/**
 * zod reports an integer past 2^53 against the safe-integer bound first; the field's own, lower
 * bound on the same path is the one a person can act on.
 */
function tightest(first: z.core.$ZodIssue, issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue {
  if (first.code !== 'too_big') return first;
  const samePath = (i: z.core.$ZodIssue) => i.code === 'too_big' && i.path.join('.') === first.path.join('.');
  return issues.filter(samePath).reduce((a, b) => (Number((b as { maximum: unknown }).maximum) < Number((a as { maximum: unknown }).maximum) ? b : a));
}

/** Parse request data or throw VALIDATION with the first problem in words. */
export function parseData<T>(schema: z.ZodType<T>, data: unknown): T {
  const input = data ?? {};
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  throw new AppError('VALIDATION', first ? issueMessage(tightest(first, result.error.issues), input) : '提交的内容有误');
}

// Building blocks the schemas share.
export const idField = z.string().min(1).max(64);
/** A fileID an upload answered (cloud://<env>.<bucket>/uploads/… or the local uploads/…): whose it is, the use case checks. */
export const uploadedFileField = z.string().min(1).max(300);
export const versionField = z.number().int().min(0).max(1_000_000_000);
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).optional();
export const dateField = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}, '应为有效日期（如2026-03-01）');
export const instantField = z.string().max(40).refine((value) => !Number.isNaN(Date.parse(value)), '应为有效时间');
export const pageFields = {
  page: z.number().int().min(1).max(100_000).optional(),
  pageSize: z.number().int().min(1).max(100).optional(),
};
export const taskRefFields = { taskId: idField, version: versionField };
export const personContact = z.object({ name: text(40), phone: z.string().trim().regex(/^[0-9+\-() ]{5,30}$/) });
