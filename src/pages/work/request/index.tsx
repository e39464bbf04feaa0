// A unit's request to return (or adjust) an assignment inside the return window, or to extend
// the reply deadline; the office decides either.
import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { TaskView } from '../../../contract';
import { useAction } from '../../../hooks/use-action';
import { FormError, SubmitButton, TextField } from '../../../components/fields';
import { TaskFormFrame } from '../../../components/task-form-frame';
import { finish, type RequestKind } from '../../routes';
import { guarded } from '../../../components/page-guard';

interface Props {
  suggestionId: string;
  taskId: string;
  kind: RequestKind;
  onDone: () => void;
}

function ReturnForm({ task, onDone }: { task: TaskView; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction('tasks.requestReturn');
  const submit = async () => {
    if (reason.trim() === '') return setProblem('请填写申请退回的理由');
    setProblem(null);
    const response = await action.run({ taskId: task.id, version: task.version, reason: reason.trim() });
    if (response.ok) onDone();
  };
  return (
    <View>
      <View className="notice" id="return-note">{task.policy.returnNote}</View>
      <TextField id="return-reason" label="退回理由" value={reason} onChange={setReason} multiline placeholder="请说明该建议不属于本单位职责的理由" />
      <FormError message={problem ?? action.error?.message} />
      <SubmitButton id="return-submit" text="提交退回申请" pending={action.pending} onClick={() => void submit()} />
    </View>
  );
}

function ExtensionForm({ task, onDone }: { task: TaskView; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [due, setDue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction('tasks.requestExtension');
  const submit = async () => {
    if (reason.trim() === '') return setProblem('请填写申请延期的理由');
    if (due.trim() === '') return setProblem('请填写延期后的答复日期');
    setProblem(null);
    const response = await action.run({ taskId: task.id, version: task.version, reason: reason.trim(), requestedDue: due.trim() });
    if (response.ok) onDone();
  };
  return (
    <View>
      <View className="notice" id="extension-note">{task.policy.extensionNote}</View>
      <TextField id="extension-due" label="延期至（年-月-日）" value={due} onChange={setDue} placeholder="例如 2026-09-30" />
      <TextField id="extension-reason" label="延期理由" value={reason} onChange={setReason} multiline />
      <FormError message={problem ?? action.error?.message} />
      <SubmitButton id="extension-submit" text="提交延期申请" pending={action.pending} onClick={() => void submit()} />
    </View>
  );
}

export function RequestView({ suggestionId, taskId, kind, onDone }: Props) {
  const isReturn = kind === 'return';
  return (
    <TaskFormFrame
      id="request-page"
      suggestionId={suggestionId}
      taskId={taskId}
      title={isReturn ? '申请退回' : '申请延期'}
      actions={[isReturn ? 'tasks.requestReturn' : 'tasks.requestExtension']}
    >
      {(_detail, task) => (isReturn ? <ReturnForm task={task} onDone={onDone} /> : <ExtensionForm task={task} onDone={onDone} />)}
    </TaskFormFrame>
  );
}

function RequestPage() {
  const { params } = useRouter();
  const kind: RequestKind = params.kind === 'extension' ? 'extension' : 'return';
  return <RequestView suggestionId={params.id ?? ''} taskId={params.taskId ?? ''} kind={kind} onDone={finish} />;
}

export default guarded(RequestPage);
