// One unit's task on a suggestion, with the buttons for exactly the actions the server allows now
// and, for the next steps that must wait, the server's reason. Claim and submit happen here; the
// other actions open their form page.
import { Button, Text, View } from '@tarojs/components';
import { ACTION_BUTTON_LABELS, type ActionName, type TaskView } from '../../../contract';
import { useAction } from '../../../hooks/use-action';
import { FormError } from '../../../components/fields';
import { open, routes } from '../../routes';

interface PageAction {
  hook: string; // stable class name for end-to-end tests
  url: (suggestionId: string, taskId: string) => string;
}

const PAGE_ACTIONS: Partial<Record<ActionName, PageAction>> = {
  'tasks.requestReturn': { hook: 'return-btn', url: (s, t) => routes.request(s, t, 'return') },
  'tasks.requestExtension': { hook: 'extension-btn', url: (s, t) => routes.request(s, t, 'extension') },
  'tasks.logContact': { hook: 'contact-btn', url: routes.contact },
  'tasks.saveDraft': { hook: 'draft-btn', url: routes.draft },
  'tasks.submitOpinion': { hook: 'opinion-btn', url: routes.opinion },
  'tasks.review': { hook: 'review-btn', url: routes.review },
  'tasks.sign': { hook: 'sign-btn', url: routes.review },
  'feedback.submit': { hook: 'feedback-btn', url: routes.feedback },
  'tasks.decideReturn': { hook: 'decide-return-btn', url: (s, t) => routes.decide(s, t, 'return') },
  'tasks.decideExtension': { hook: 'decide-extension-btn', url: (s, t) => routes.decide(s, t, 'extension') },
  'tasks.urge': { hook: 'urge-btn', url: (s, t) => routes.decide(s, t, 'urge') },
};

function TaskDates({ task }: { task: TaskView }) {
  return (
    <View className="card-meta">
      {task.deadlines.map((line) => (
        <View key={line.kind} className={`deadline deadline-${line.kind}`}>
          {line.label}：{line.date}
          {line.daysLeftText ? <Text className={line.overdue ? 'overdue' : ''}>（{line.daysLeftText}）</Text> : null}
        </View>
      ))}
      {task.responsibleName ? (
        <View>
          办理责任人：{task.responsibleName}
          {task.responsibleReach ? (
            <Text className="nowrap responsible-reach">
              （微信提醒：{task.responsibleReach.label}
              {task.responsibleReach.unreachable ? '，收不到' : ''}）
            </Text>
          ) : null}
        </View>
      ) : null}
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
      {task.waitingFor ? (
        <View className="notice task-waiting" id={`waiting-${task.id}`}>
          {task.waitingFor}
        </View>
      ) : null}
      {task.blockedActions.map((b) => (
        <View key={b.action} className="blocked-action" id={`blocked-${b.action.replace('.', '-')}`}>
          <Text className="blocked-label">{b.label}</Text>
          <Text>：{b.reason}</Text>
        </View>
      ))}
      <View className="actions">
        {task.allowedActions.includes('tasks.claim') ? (
          <Button className="btn btn-primary claim-btn" id="claim-btn" disabled={pending || undefined} onClick={() => void runInline(claim.run)}>
            {ACTION_BUTTON_LABELS['tasks.claim']}
          </Button>
        ) : null}
        {task.allowedActions.includes('tasks.submitDraft') ? (
          <Button className="btn btn-primary submit-btn" id="submit-btn" disabled={pending || undefined} onClick={() => void runInline(submit.run)}>
            {ACTION_BUTTON_LABELS['tasks.submitDraft']}
          </Button>
        ) : null}
        {task.allowedActions.map((action) => {
          const page = PAGE_ACTIONS[action];
          if (!page) return null;
          return (
            <Button key={action} className={`btn btn-default ${page.hook}`} id={page.hook} onClick={() => open(page.url(suggestionId, task.id))}>
              {ACTION_BUTTON_LABELS[action]}
            </Button>
          );
        })}
      </View>
      {task.blockedActions.map((blocked) => (
        <View key={blocked.action} className="notice blocked-action" id={`blocked-${blocked.action.replace('.', '-')}`}>
          {blocked.label}：{blocked.reason}
        </View>
      ))}
      <FormError message={claim.error?.message ?? submit.error?.message} />
    </View>
  );
}
