// One unit's task on a suggestion, with the buttons for exactly the actions the server allows now.
// Claim and submit happen here; the other actions open their form page.
import { Button, Text, View } from '@tarojs/components';
import type { ActionName, TaskView } from '../../../contract';
import { useAction } from '../../../hooks/use-action';
import { FormError } from '../../../components/fields';
import { isOverdueText } from '../../../components/format';
import { open, routes } from '../../routes';

interface PageAction {
  label: string;
  hook: string; // stable class name for end-to-end tests
  url: (suggestionId: string, taskId: string) => string;
}

const PAGE_ACTIONS: Partial<Record<ActionName, PageAction>> = {
  'tasks.requestReturn': { label: '申请退回', hook: 'return-btn', url: (s, t) => routes.request(s, t, 'return') },
  'tasks.requestExtension': { label: '申请延期', hook: 'extension-btn', url: (s, t) => routes.request(s, t, 'extension') },
  'tasks.logContact': { label: '记录面复/沟通', hook: 'contact-btn', url: routes.contact },
  'tasks.saveDraft': { label: '起草答复', hook: 'draft-btn', url: routes.draft },
  'tasks.submitOpinion': { label: '提交会办意见', hook: 'opinion-btn', url: routes.opinion },
  'tasks.review': { label: '审核答复', hook: 'review-btn', url: routes.review },
  'tasks.sign': { label: '签发答复', hook: 'sign-btn', url: routes.review },
  'feedback.submit': { label: '评价办理结果', hook: 'feedback-btn', url: routes.feedback },
  'tasks.decideReturn': { label: '审批退回申请', hook: 'decide-return-btn', url: (s, t) => routes.decide(s, t, 'return') },
  'tasks.decideExtension': { label: '审批延期申请', hook: 'decide-extension-btn', url: (s, t) => routes.decide(s, t, 'extension') },
  'tasks.urge': { label: '催办', hook: 'urge-btn', url: (s, t) => routes.decide(s, t, 'urge') },
};

/** The days left, printed beside the deadline they count down to. */
function DaysLeft({ task, kind }: { task: TaskView; kind: TaskView['activeDeadline'] }) {
  if (!task.daysLeftText || task.activeDeadline !== kind) return null;
  return <Text className={isOverdueText(task.daysLeftText) ? 'overdue' : ''}>（{task.daysLeftText}）</Text>;
}

function TaskDates({ task }: { task: TaskView }) {
  return (
    <View className="card-meta">
      <View>
        答复期限：{task.due.reply}
        <DaysLeft task={task} kind="reply" />
      </View>
      {task.due.coOpinion ? (
        <View>
          会办意见期限：{task.due.coOpinion}
          <DaysLeft task={task} kind="coOpinion" />
        </View>
      ) : null}
      {task.due.rehandling ? (
        <View>
          重新办理期限：{task.due.rehandling}
          <DaysLeft task={task} kind="rehandling" />
        </View>
      ) : null}
      {task.responsibleName ? <View>办理责任人：{task.responsibleName}</View> : null}
      {task.requirements ? <View>办理要求：{task.requirements}</View> : null}
      {task.returnRequest ? (
        <View>
          退回申请：{task.returnRequest.reason}（
          {task.returnRequest.decidedAt ? (task.returnRequest.approved ? '已同意' : '未同意') : '待决定'}）
        </View>
      ) : null}
      {task.extensionRequest ? (
        <View>
          延期申请：至 {task.extensionRequest.requestedDue}，理由：{task.extensionRequest.reason}（
          {task.extensionRequest.decidedAt ? (task.extensionRequest.approved ? '已同意' : '未同意') : '待决定'}）
        </View>
      ) : null}
    </View>
  );
}

export function TaskCard({ suggestionId, task, onChanged }: { suggestionId: string; task: TaskView; onChanged: () => void }) {
  const claim = useAction('tasks.claim');
  const submit = useAction('tasks.submitDraft');
  const pending = claim.pending || submit.pending;
  const ref = { taskId: task.id, version: task.version };

  const runInline = async (run: typeof claim.run) => {
    const response = await run(ref);
    if (response.ok) onChanged();
  };

  return (
    <View className="card task-card" id={`task-card-${task.id}`}>
      <View className="card-head">
        <Text className="card-title">
          {task.unitName}（{task.roleLabel}）
        </Text>
        <Text className="tag task-state">{task.stateLabel}</Text>
      </View>
      {task.round > 1 ? <View className="card-meta">第{task.round}轮办理</View> : null}
      <TaskDates task={task} />
      <View className="actions">
        {task.allowedActions.includes('tasks.claim') ? (
          <Button className="btn btn-primary claim-btn" id="claim-btn" disabled={pending || undefined} onClick={() => void runInline(claim.run)}>
            认领任务
          </Button>
        ) : null}
        {task.allowedActions.includes('tasks.submitDraft') ? (
          <Button className="btn btn-primary submit-btn" id="submit-btn" disabled={pending || undefined} onClick={() => void runInline(submit.run)}>
            提交审核
          </Button>
        ) : null}
        {task.allowedActions.map((action) => {
          const page = PAGE_ACTIONS[action];
          if (!page) return null;
          return (
            <Button key={action} className={`btn btn-default ${page.hook}`} id={page.hook} onClick={() => open(page.url(suggestionId, task.id))}>
              {page.label}
            </Button>
          );
        })}
      </View>
      <FormError message={claim.error?.message ?? submit.error?.message} />
    </View>
  );
}
