// The coordinator's (联络员) decisions on one task: a unit's return or extension request, approved
// or refused with a comment; and 催办, with an optional message and, for a lead task waiting for
// co-handlers' opinions, the recorded override that lets it reply without them.
import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { ACTION_LABELS, type TaskView } from '../../../contract';
import { useAction } from '../../../hooks/use-action';
import { FormError, SubmitButton, TextField } from '../../../components/fields';
import { TaskFormFrame } from '../../../components/task-form-frame';
import { finish, type DecisionKind } from '../../routes';
import { guarded } from '../../../components/page-guard';

function DecisionForm({ task, kind, onDone }: { task: TaskView; kind: 'return' | 'extension'; onDone: () => void }) {
  const [comment, setComment] = useState('');
  const action = useAction(kind === 'return' ? 'tasks.decideReturn' : 'tasks.decideExtension');
  const request = kind === 'return' ? task.returnRequest : task.extensionRequest;
  const decide = async (approve: boolean) => {
    const response = await action.run({ taskId: task.id, version: task.version, approve, ...(comment.trim() ? { comment: comment.trim() } : {}) });
    if (response.ok) onDone();
  };
  return (
    <View>
      <View className="notice" id="request-summary">
        {kind === 'return' ? '申请退回' : `申请延期至 ${task.extensionRequest?.requestedDue ?? ''}（现答复期限 ${task.due.reply}）`}
        {request ? `。理由：${request.reason}` : ''}
      </View>
      <TextField id="decision-comment" label="意见（可不填）" value={comment} onChange={setComment} multiline />
      <FormError message={action.error?.message} />
      <SubmitButton id="approve-request-btn" text={kind === 'return' ? '同意退回' : '同意延期'} pending={action.pending} onClick={() => void decide(true)} />
      <SubmitButton id="refuse-request-btn" kind="default" text="不同意" pending={action.pending} onClick={() => void decide(false)} />
    </View>
  );
}

function UrgeForm({ task, onDone }: { task: TaskView; onDone: () => void }) {
  const [message, setMessage] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [sent, setSent] = useState<number | null>(null);
  const action = useAction('tasks.urge');
  const urge = async () => {
    const response = await action.run({
      taskId: task.id,
      ...(message.trim() ? { message: message.trim() } : {}),
      ...(overrideReason.trim() ? { overrideCoOpinions: { reason: overrideReason.trim() } } : {}),
    });
    if (response.ok) setSent(response.data.notified);
  };
  if (sent !== null) {
    return (
      <View>
        <View className="notice" id="urge-result">
          已催办，已通知 {sent} 人
        </View>
        <SubmitButton id="urge-done-btn" text="返回" pending={false} onClick={onDone} />
      </View>
    );
  }
  return (
    <View>
      <TextField id="urge-message" label="督办意见（可不填）" value={message} onChange={setMessage} multiline placeholder="例如：请于本周内完成答复稿" />
      {task.canOverrideCoOpinions ? (
        <TextField
          id="urge-override"
          label="免除尚未送达的会办意见（可不填）"
          value={overrideReason}
          onChange={setOverrideReason}
          multiline
          hint="填写理由后，主办单位可不再等待会办意见，直接提交答复稿"
        />
      ) : null}
      <FormError message={action.error?.message} />
      <SubmitButton id="urge-submit" text="发送催办" pending={action.pending} onClick={() => void urge()} />
    </View>
  );
}

const ACTIONS = { return: 'tasks.decideReturn', extension: 'tasks.decideExtension', urge: 'tasks.urge' } as const;

export function DecideView({ suggestionId, taskId, kind, onDone }: { suggestionId: string; taskId: string; kind: DecisionKind; onDone: () => void }) {
  return (
    <TaskFormFrame id="decide-page" suggestionId={suggestionId} taskId={taskId} title={ACTION_LABELS[ACTIONS[kind]]} actions={[ACTIONS[kind]]}>
      {(_detail, task) => (kind === 'urge' ? <UrgeForm task={task} onDone={onDone} /> : <DecisionForm task={task} kind={kind} onDone={onDone} />)}
    </TaskFormFrame>
  );
}

function DecidePage() {
  const { params } = useRouter();
  const kind: DecisionKind = params.kind === 'extension' ? 'extension' : params.kind === 'urge' ? 'urge' : 'return';
  return <DecideView suggestionId={params.id ?? ''} taskId={params.taskId ?? ''} kind={kind} onDone={finish} />;
}

export default guarded(DecidePage);
