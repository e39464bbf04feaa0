// Drafting the reply letter: class A–D, the text answered point by point, the leader's and the
// handler's names and phones, and for B/C the promise. Saving keeps the draft; 保存并提交审核
// submits it when the server then allows submission. While the server holds submission up (co-units'
// opinions missing …), its reason stands where that button would be, before and after saving.
import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { SuggestionDetail, TaskView } from '../../../contract';
import type { ReplyClass } from '../../../core/model';
import { REPLY_CLASS_LABELS } from '../../../core/labels';
import { DRAFT_NOT_SAVED } from '../../../core/task.guards';
import { useAction } from '../../../hooks/use-action';
import { ChoiceField, FormError, SubmitButton, TextField, type Choice } from '../../../components/fields';
import { TaskFormFrame } from '../../../components/task-form-frame';
import { finish } from '../../routes';
import { initialValues, isPromise, missing, type ReplyFormValues } from './reply-form-state';
import { CoOpinionPicker } from './co-opinion-picker';
import { guarded } from '../../../components/page-guard';

const CLASSES: Choice<ReplyClass>[] = (['A', 'B', 'C', 'D'] as const).map((value) => ({
  value,
  label: `${value}类 ${REPLY_CLASS_LABELS[value].meaning}`,
}));

/** Why the server holds up 提交审核 now (e.g. co-units' opinions missing), unless only the draft is missing. */
function submitHeldUp(task: TaskView): string | null {
  const blocked = task.blockedActions.find((b) => b.action === 'tasks.submitDraft');
  return blocked && blocked.reason !== DRAFT_NOT_SAVED ? blocked.reason : null;
}

function DraftForm({ detail, task, onDone }: { detail: SuggestionDetail; task: TaskView; onDone: () => void }) {
  const [values, setValues] = useState<ReplyFormValues>(() => initialValues(detail, task));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [version, setVersion] = useState(task.version); // a saved draft moves the task's version on
  const [heldUp, setHeldUp] = useState<string | null>(() => submitHeldUp(task));
  const save = useAction('tasks.saveDraft');
  const submit = useAction('tasks.submitDraft');
  const set = <K extends keyof ReplyFormValues>(key: K) => (value: ReplyFormValues[K]) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const opinions = detail.opinions.filter((o) => o.taskId !== task.id);

  const saveDraft = async (): Promise<TaskView | null> => {
    const gap = missing(values);
    if (gap) {
      setProblem(gap);
      return null;
    }
    setProblem(null);
    const response = await save.run({
      taskId: task.id,
      version,
      class: values.replyClass as ReplyClass,
      text: values.text.trim(),
      leaderContact: { name: values.leaderName.trim(), phone: values.leaderPhone.trim() },
      handlerContact: { name: values.handlerName.trim(), phone: values.handlerPhone.trim() },
      coOpinionIds: values.coOpinionIds.length > 0 ? values.coOpinionIds : undefined,
      commitment: isPromise(values.replyClass) ? { promise: values.promise.trim(), targetDate: values.targetDate.trim() } : undefined,
    });
    if (!response.ok) return null;
    setSaved(true);
    setVersion(response.data.task.version);
    setHeldUp(submitHeldUp(response.data.task));
    return response.data.task;
  };

  const saveAndSubmit = async () => {
    const savedTask = await saveDraft();
    if (!savedTask) return;
    if (!savedTask.allowedActions.includes('tasks.submitDraft')) {
      // The server's reason, when it gave one, stands where the button was (shown once).
      if (!submitHeldUp(savedTask)) setProblem('草稿已保存，但当前还不能提交审核');
      return;
    }
    const response = await submit.run({ taskId: savedTask.id, version: savedTask.version });
    if (response.ok) onDone();
  };

  const pending = save.pending || submit.pending;
  return (
    <View>
      <ChoiceField id="reply-class" label="答复类别" choices={CLASSES} value={values.replyClass} onChange={set('replyClass')} />
      <TextField id="reply-text" label="答复正文（逐条答复）" value={values.text} onChange={set('text')} multiline />
      {isPromise(values.replyClass) ? (
        <View>
          <TextField id="reply-promise" label="承诺事项" value={values.promise} onChange={set('promise')} multiline />
          <TextField id="reply-target" label="承诺完成日期（年-月-日）" value={values.targetDate} onChange={set('targetDate')} />
        </View>
      ) : null}
      <TextField id="leader-name" label="分管领导姓名" value={values.leaderName} onChange={set('leaderName')} />
      <TextField id="leader-phone" label="分管领导电话" value={values.leaderPhone} onChange={set('leaderPhone')} type="text" />
      <TextField id="handler-name" label="承办人姓名" value={values.handlerName} onChange={set('handlerName')} />
      <TextField id="handler-phone" label="承办人电话" value={values.handlerPhone} onChange={set('handlerPhone')} type="text" />
      {opinions.length > 0 ? (
        <CoOpinionPicker opinions={opinions} chosen={values.coOpinionIds} onChange={set('coOpinionIds')} />
      ) : null}
      {saved ? <View className="notice" id="draft-saved">草稿已保存</View> : null}
      <FormError message={problem ?? save.error?.message ?? submit.error?.message} />
      <SubmitButton id="save-draft-btn" kind="default" text="保存草稿" pending={pending} onClick={() => void saveDraft()} />
      {heldUp ? (
        <View className="notice blocked-action" id="submit-held-up">
          提交审核：{heldUp}
        </View>
      ) : (
        <SubmitButton id="submit-draft-btn" text="保存并提交审核" pending={pending} onClick={() => void saveAndSubmit()} />
      )}
    </View>
  );
}

export function DraftView(props: { suggestionId: string; taskId: string; onDone: () => void }) {
  return (
    <TaskFormFrame id="draft-page" suggestionId={props.suggestionId} taskId={props.taskId} title="起草答复" actions={['tasks.saveDraft']}>
      {(detail, task) => <DraftForm detail={detail} task={task} onDone={props.onDone} />}
    </TaskFormFrame>
  );
}

function DraftPage() {
  const { params } = useRouter();
  return <DraftView suggestionId={params.id ?? ''} taskId={params.taskId ?? ''} onDone={finish} />;
}

export default guarded(DraftPage);
