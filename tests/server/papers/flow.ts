// A lead (主办) task of 市民政局 with 市水务局 as co-handler, driven to a signed reply: the
// coordinator waives the missing co-opinion, the handler meets the deputy, drafts, the reviewer
// approves and the leader signs.
import type { ReplyClass } from '../../../src/core/model';
import type { IdResult, TaskResult } from '../../../src/contract';
import { HEADER, type Office } from '../coordinator/fixture';

export function leadRow(number: string, title: string): string[] {
  const fields: Record<string, string> = {
    建议号: number,
    标题: title,
    内容: `${title}：建议加快建设。`,
    领衔代表: '王建华',
    附议代表: '',
    代表团: '历下区代表团',
    届次: '十八届三次',
    提出阶段: '会期',
    主办单位: '市民政局',
    会办单位: '市水务局',
    分办单位: '',
    交办日期: '2024-03-01',
    重点督办: '否',
  };
  return HEADER.map((h) => fields[h]!);
}

/** Claim and log a face-to-face contact; answers the contact's id and the task's version. */
export async function claimAndMeet(office: Office, taskId: string): Promise<{ contactId: string; version: number }> {
  const task = (await office.store.get('tasks', taskId))!;
  let version = (await office.ok<TaskResult>('handler-mzj', 'tasks.claim', { taskId, version: task.version })).task.version;
  const contact = await office.ok<IdResult>('handler-mzj', 'tasks.logContact', {
    taskId,
    at: '2024-04-01T02:00:00.000Z',
    mode: 'meeting',
    place: '市民政局会议室',
    people: '王建华代表、孙丽',
    notes: '当面听取代表意见并介绍办理情况。',
    faceToFace: true,
  });
  version = (await office.store.get('tasks', taskId))!.version;
  return { contactId: contact.id, version };
}

export const REPLY_TEXT = '您提出的建议收悉，现答复如下：\n一、已将社区服务站纳入年度计划；\n二、已完成选址。';

/** Draft, submit, approve and sign; a B or C reply carries a promise. */
export async function draftAndSign(
  office: Office,
  taskId: string,
  cls: ReplyClass,
  options: { sign?: boolean; text?: string; files?: { fileName: string; content: Buffer }[] } = {},
): Promise<void> {
  let version = (await office.store.get('tasks', taskId))!.version;
  const task = (await office.store.get('tasks', taskId))!;
  if (task.role === 'lead' && !task.coOpinionOverride) {
    await office.ok('coordinator', 'tasks.urge', { taskId, message: '请抓紧答复', overrideCoOpinions: { reason: '会办单位已口头反馈意见' } });
    version = (await office.store.get('tasks', taskId))!.version;
  }
  version = (
    await office.ok<TaskResult>('handler-mzj', 'tasks.saveDraft', {
      taskId,
      version,
      class: cls,
      text: options.text ?? REPLY_TEXT,
      leaderContact: { name: '冯刚', phone: '13912340005' },
      handlerContact: { name: '孙丽', phone: '13912340003' },
      ...(cls === 'B' || cls === 'C' ? { commitment: { promise: '年底前建成服务站', targetDate: '2024-12-31' } } : {}),
    })
  ).task.version;
  if (options.files) {
    const draft = (await office.store.find('replies', { where: { taskId } })).find((r) => !r.signedAt)!;
    for (const f of options.files) {
      await office.ok('handler-mzj', 'attachments.add', { target: 'reply', targetId: draft.id, fileName: f.fileName, fileID: await office.upload('handler-mzj', f.content) });
    }
  }
  version = (await office.ok<TaskResult>('handler-mzj', 'tasks.submitDraft', { taskId, version })).task.version;
  version = (await office.ok<TaskResult>('reviewer-mzj', 'tasks.review', { taskId, version, decision: 'approve' })).task.version;
  if (options.sign !== false) await office.ok<TaskResult>('leader-mzj', 'tasks.sign', { taskId, version });
}
