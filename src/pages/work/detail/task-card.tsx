// One unit's task on a suggestion, with the buttons for exactly the actions the server allows now
// and, for the next steps that must wait, the server's reason (once). Each task action has one entry in
// BUTTONS: a tap that acts at once (claim, submit) or a form page to open.
import { Button, Text, View } from '@tarojs/components';
import { ACTION_BUTTON_LABELS, type ActionData, type TaskActionName, type TaskRef, type TaskView } from '../../../contract';
import { useAction } from '../../../hooks/use-action';
import { FormError } from '../../../components/fields';
import { open, routes } from '../../routes';

type Route = (suggestionId: string, taskId: string) => string;
/** An action whose data is the task and the version seen, taken at once by a tap. */
type ActNow = { [A in TaskActionName]: TaskRef extends ActionData<A> ? A : never }[TaskActionName];

/**
 * How the card offers an action the server allows: `page`, a form page to open; none, a tap that acts at
 * once (only for an action whose data is the task and its version); `elsewhere`, offered beside the
 * record it concerns. `hook` is a stable id for tests. Every task action needs an entry (the type
 * requires it), so a new one cannot be left without a button.
 */
type CardButton<A extends TaskActionName> = { hook: string } & (A extends ActNow ? { page?: Route } : { page: Route } | { elsewhere: string });

const BUTTONS: { [A in TaskActionName]: CardButton<A> } = {
  'tasks.claim': { hook: 'claim-btn' },
  'tasks.submitDraft': { hook: 'submit-btn' },
  'tasks.withdrawDraft': { hook: 'withdraw-btn' },
  'tasks.requestReturn': { hook: 'return-btn', page: (s, t) => routes.request(s, t, 'return') },
  'tasks.requestExtension': { hook: 'extension-btn', page: (s, t) => routes.request(s, t, 'extension') },
  'tasks.logContact': { hook: 'contact-btn', page: routes.contact },
  'tasks.saveDraft': { hook: 'draft-btn', page: routes.draft },
  'tasks.submitOpinion': { hook: 'opinion-btn', page: routes.opinion },
  'tasks.review': { hook: 'review-btn', page: routes.review },
  'tasks.sign': { hook: 'sign-btn', page: routes.review },
  'feedback.submit': { hook: 'feedback-btn', page: routes.feedback },
  'tasks.decideReturn': { hook: 'decide-return-btn', page: (s, t) => routes.decide(s, t, 'return') },
  'tasks.decideExtension': { hook: 'decide-extension-btn', page: (s, t) => routes.decide(s, t, 'extension') },
  'tasks.urge': { hook: 'urge-btn', page: (s, t) => routes.decide(s, t, 'urge') },
  'contacts.confirm': { hook: 'confirm-btn', elsewhere: 'beside the contact record (record-sections.tsx)' },
  'commitments.progress': { hook: 'progress-btn', elsewhere: 'beside the promise (record-sections.tsx)' },
};

const buttonOf = (action: TaskActionName) => BUTTONS[action] as { hook: string; page?: Route; elsewhere?: string };

/** A button that takes its action at once on the task at the version shown. */
function ActNowButton({ action, task, onChanged }: { action: ActNow; task: TaskView; onChanged: () => void }) {
  const act = useAction(action);
  const run = async () => {
    const response = await act.run({ taskId: task.id, version: task.version });
    if (response.ok) onChanged();
  };
  const { hook } = buttonOf(action);
  return (
    <View className="act-now">
      <Button className={`btn btn-primary ${hook}`} id={hook} disabled={act.pending || undefined} onClick={() => void run()}>
        {ACTION_BUTTON_LABELS[action]}
      </Button>
      <FormError message={act.error?.message} />
    </View>
  );
}

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
  const offered = task.allowedActions.filter((action) => !buttonOf(action).elsewhere);
  const actNow = offered.filter((action) => !buttonOf(action).page) as ActNow[];
  const pages = offered.filter((action) => buttonOf(action).page);
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
      {task.blockedActions.map((blocked) => (
        <View key={blocked.action} className="notice blocked-action" id={`blocked-${blocked.action.replace('.', '-')}`}>
          {blocked.label}：{blocked.reason}
        </View>
      ))}
      <View className="actions">
        {actNow.map((action) => (
          <ActNowButton key={action} action={action} task={task} onChanged={onChanged} />
        ))}
        {pages.map((action) => {
          const { hook, page } = buttonOf(action);
          return (
            <Button key={action} className={`btn btn-default ${hook}`} id={hook} onClick={() => open(page!(suggestionId, task.id))}>
              {ACTION_BUTTON_LABELS[action]}
            </Button>
          );
        })}
      </View>
    </View>
  );
}
