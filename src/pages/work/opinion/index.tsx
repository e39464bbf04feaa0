// A co-handling unit's written opinion to the lead unit (会办意见); it never replies to the deputy.
import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { TaskView } from '../../../contract';
import { useAction } from '../../../hooks/use-action';
import { FormError, SubmitButton, TextField } from '../../../components/fields';
import { TaskFormFrame } from '../../../components/task-form-frame';
import { finish } from '../../routes';
import { guarded } from '../../../components/page-guard';

function OpinionForm({ task, onDone }: { task: TaskView; onDone: () => void }) {
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction('tasks.submitOpinion');
  const submit = async () => {
    if (text.trim() === '') return setProblem('请填写会办意见');
    if (name.trim() === '' || phone.trim() === '') return setProblem('请填写联系人姓名和电话');
    setProblem(null);
    const response = await action.run({
      taskId: task.id,
      version: task.version,
      text: text.trim(),
      contact: { name: name.trim(), phone: phone.trim() },
    });
    if (response.ok) onDone();
  };
  return (
    <View>
      {task.due.coOpinion ? <View className="notice">请于 {task.due.coOpinion} 前将书面意见送主办单位。</View> : null}
      <TextField id="opinion-text" label="会办意见" value={text} onChange={setText} multiline />
      <TextField id="opinion-name" label="联系人" value={name} onChange={setName} />
      <TextField id="opinion-phone" label="联系电话" value={phone} onChange={setPhone} type="text" />
      <FormError message={problem ?? action.error?.message} />
      <SubmitButton id="opinion-submit" text="送主办单位" pending={action.pending} onClick={() => void submit()} />
    </View>
  );
}

export function OpinionView(props: { suggestionId: string; taskId: string; onDone: () => void }) {
  return (
    <TaskFormFrame id="opinion-page" suggestionId={props.suggestionId} taskId={props.taskId} title="会办意见" actions={['tasks.submitOpinion']}>
      {(_detail, task) => <OpinionForm task={task} onDone={props.onDone} />}
    </TaskFormFrame>
  );
}

function OpinionPage() {
  const { params } = useRouter();
  return <OpinionView suggestionId={params.id ?? ''} taskId={params.taskId ?? ''} onDone={finish} />;
}

export default guarded(OpinionPage);
