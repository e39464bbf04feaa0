// Turns the core's effects (who should hear about a transition) into outbox rows, written in the
// same commit as the change; the reminders function or a notifier sends them afterwards.
import { TASK_STATE_LABELS } from '../core/labels';
import type { Notification, Suggestion, Task, User } from '../core/model';
import type { EffectRecipient, WorkflowEffect } from '../core/workflow';
import type { Reader, Tx } from './ports';
import { newId } from './use-case';

const EVENT_TITLES: Record<string, string> = {
  returnRequested: '有单位申请退回建议',
  returnApproved: '退回申请已同意',
  returnRejected: '退回申请未同意',
  extensionRequested: '有单位申请延期',
  extensionApproved: '延期申请已同意',
  extensionRejected: '延期申请未同意',
  coOpinionsOverridden: '联络员已免除未送会办意见',
  draftSubmitted: '有答复稿待审核',
  draftApproved: '有答复待签发',
  draftRejected: '答复稿被退回修改',
  replySigned: '建议已答复',
  opinionSent: '会办单位已送会办意见',
  feedbackSatisfied: '代表已评价：满意',
  feedbackUnsatisfied: '代表评价不满意，请重新办理',
  urged: '建议办理督办提醒',
};

async function unitUsers(reader: Reader, unitId: string, role: 'handler' | 'reviewer' | 'leader'): Promise<User[]> {
  return reader.find('users', { where: { unitId, roles: role } });
}

async function recipients(reader: Reader, to: EffectRecipient, task: Task, suggestion: Suggestion, siblings: Task[]): Promise<string[]> {
  switch (to) {
    case 'handler':
      return task.responsibleUserId ? [task.responsibleUserId] : (await unitUsers(reader, task.unitId, 'handler')).map((u) => u.id);
    case 'reviewer':
    case 'leader':
      return (await unitUsers(reader, task.unitId, to)).map((u) => u.id);
    case 'coordinator':
      return (await reader.find('users', { where: { roles: 'coordinator' } })).map((u) => u.id);
    case 'deputy':
      return [suggestion.leadDeputyId];
    case 'leadUnit':
    case 'coUnits': {
      const role = to === 'leadUnit' ? 'lead' : 'co';
      const targets = siblings.filter((t) => t.role === role && t.id !== task.id && t.state !== 'returned');
      const ids = await Promise.all(
        targets.map(async (t) => (t.responsibleUserId ? [t.responsibleUserId] : (await unitUsers(reader, t.unitId, 'handler')).map((u) => u.id))),
      );
      return ids.flat();
    }
  }
}

export async function queueNotifications(
  tx: Tx,
  effects: readonly WorkflowEffect[],
  task: Task,
  suggestion: Suggestion,
  siblings: Task[],
  now: string,
  body?: string,
): Promise<number> {
  let queued = 0;
  const seen = new Set<string>();
  for (const effect of effects) {
    for (const userId of await recipients(tx, effect.to, task, suggestion, siblings)) {
      const key = `${task.id}:${effect.event}:${task.version}:${userId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const notification: Notification = {
        id: newId(),
        key,
        userId,
        taskId: task.id,
        suggestionId: suggestion.id,
        kind: effect.event,
        title: EVENT_TITLES[effect.event] ?? '建议办理提醒',
        body: body ?? `${suggestion.number}号《${suggestion.title}》：${TASK_STATE_LABELS[task.state]}`,
        page: `pages/work/detail/index?id=${suggestion.id}&taskId=${task.id}`,
        status: 'pending',
        attempts: 0,
        createdAt: now,
      };
      tx.insert('notifications', notification);
      queued += 1;
    }
  }
  return queued;
}
