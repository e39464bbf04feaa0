// Drives a 独办 task of 市民政局 through the real actions to its end: claim, a face-to-face contact,
// draft, review, signature, and the lead deputy's rating.
import type { Rating, ReplyClass } from '../../../src/core/model';
import type { ImportSuggestionsResult, TaskResult } from '../../../src/contract';
import { csvFile, HEADER, type Office } from './fixture';

/** One row of the list: a suggestion of 王建华 handled by 市民政局 alone. */
export function soleRow(number: string, title: string, date = '2024-01-05'): string[] {
  const fields: Record<string, string> = {
    建议号: number,
    标题: title,
    内容: `${title}：建议完善社区服务设施。`,
    领衔代表: '王建华',
    附议代表: '',
    代表团: '历下区代表团',
    届次: '十八届三次',
    提出阶段: '会期',
    主办单位: '市民政局',
    会办单位: '',
    分办单位: '',
    交办日期: date,
    重点督办: '否',
  };
  return HEADER.map((h) => fields[h]!);
}

/** Imports the rows; names the roster does not have are registered as new deputies, as the coordinator would decide. */
export async function importRows(office: Office, rows: string[][]): Promise<Map<string, { suggestionId: string; taskIds: string[] }>> {
  const data = { fileID: await office.upload('coordinator', csvFile(rows)), format: 'csv' };
  const asked = await office.ok<ImportSuggestionsResult>('coordinator', 'suggestions.import', data);
  if (asked.unknownDeputies) {
    await office.ok('coordinator', 'suggestions.import', { ...data, decisions: asked.unknownDeputies.map(({ name }) => ({ name, create: true })) });
  }
  const [suggestions, tasks] = await Promise.all([office.store.find('suggestions'), office.store.find('tasks')]);
  return new Map(
    suggestions.map((s) => [s.number, { suggestionId: s.id, taskIds: tasks.filter((t) => t.suggestionId === s.id).map((t) => t.id) }]),
  );
}

export async function replyAndRate(
  office: Office,
  taskId: string,
  options: { class?: ReplyClass; rating?: Rating; text?: string } = {},
): Promise<void> {
  let version = (await office.ok<TaskResult>('handler-mzj', 'tasks.claim', { taskId, version: 1 })).task.version;
  await office.ok('handler-mzj', 'tasks.logContact', {
    taskId,
    at: '2024-04-01T02:00:00.000Z',
    mode: 'meeting',
    place: '市民政局会议室',
    people: '王建华代表、孙丽',
    notes: '当面听取代表意见并介绍办理情况。',
    faceToFace: true,
  });
  const cls = options.class ?? 'A';
  const draft = {
    taskId,
    version,
    class: cls,
    text: options.text ?? '王建华代表：您提出的建议收悉，现答复如下：一、已纳入年度计划；二、已开工建设。',
    leaderContact: { name: '冯刚', phone: '13912340005' },
    handlerContact: { name: '孙丽', phone: '13912340003' },
    ...(cls === 'B' || cls === 'C' ? { commitment: { promise: '年底前建成服务站', targetDate: '2024-12-31' } } : {}),
  };
  version = (await office.ok<TaskResult>('handler-mzj', 'tasks.saveDraft', draft)).task.version;
  version = (await office.ok<TaskResult>('handler-mzj', 'tasks.submitDraft', { taskId, version })).task.version;
  version = (await office.ok<TaskResult>('reviewer-mzj', 'tasks.review', { taskId, version, decision: 'approve' })).task.version;
  await office.ok<TaskResult>('leader-mzj', 'tasks.sign', { taskId, version });
  const rating = options.rating ?? 'satisfied';
  await office.ok<TaskResult>('deputy-wang', 'feedback.submit', {
    taskId,
    attitude: rating,
    result: rating,
    ...(rating === 'unsatisfied' ? { reasons: '答复未解决实际问题，请重新办理。' } : {}),
  });
}
