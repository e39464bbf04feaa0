// Review and signature: the reviewer approves the draft or sends it back with a comment; the
// unit's leader signs the approved reply. Each button appears only when the server allows it.
import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { SuggestionDetail, TaskView } from '../../../contract';
import { useAction } from '../../../hooks/use-action';
import { call } from '../../../api/client';
import { FormError, SubmitButton, TextField } from '../../../components/fields';
import { announce, confirmStep } from '../../../components/confirm';
import { Empty } from '../../../components/state-views';
import { TaskFormFrame } from '../../../components/task-form-frame';
import { Opinions, Replies } from '../detail/record-sections';
import { finish } from '../../routes';
import { latestDraft } from '../draft/reply-form-state';
import { guarded } from '../../../components/page-guard';

function ReviewForm({ detail, task, onDone }: { detail: SuggestionDetail; task: TaskView; onDone: () => void }) {
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const review = useAction('tasks.review');
  const sign = useAction('tasks.sign');
  const draft = latestDraft(detail, task);
  const pending = review.pending || sign.pending;

  const decide = async (decision: 'approve' | 'reject') => {
    const response = await review.run({ taskId: task.id, version: task.version, decision, comment: comment.trim() || undefined });
    if (response.ok) onDone();
  };
  const signReply = async () => {
    setProblem(null);
    const go = await confirmStep({
      title: '确认签发答复？',
      consequence: '签发后答复即正式送达代表，不能撤回或修改；代表将收到通知，并对办理情况作出评价。',
      confirmText: '确认签发',
    });
    if (!go) return;
    const response = await sign.run({ taskId: task.id, version: task.version, note: comment.trim() || undefined });
    if (response.ok) {
      // The letter's file is made at the first ask (its content was fixed by the signature): ask now,
      // so that it is ready when the deputy or the unit opens it. Nothing to wait for or to show.
      void call('letters.get', { taskId: task.id });
      await announce('答复已签发');
      onDone();
    }
  };

  return (
    <View>
      {draft ? <Replies replies={[draft]} /> : <Empty text="没有找到答复稿" />}
      <Opinions opinions={detail.opinions} />
      <TextField id="review-comment" label={task.allowedActions.includes('tasks.review') ? '审核意见' : '签发备注（可不填）'} value={comment} onChange={setComment} multiline />
      <FormError message={problem ?? review.error?.message ?? sign.error?.message} />
      {task.allowedActions.includes('tasks.review') ? (
        <View className="actions">
          <SubmitButton id="approve-btn" text="审核通过" pending={pending} onClick={() => void decide('approve')} />
          <SubmitButton id="reject-btn" kind="warn" text="退回修改" pending={pending} onClick={() => void decide('reject')} />
        </View>
      ) : null}
      {task.allowedActions.includes('tasks.sign') ? (
        <SubmitButton id="sign-submit" text="签发答复" pending={pending} onClick={() => void signReply()} />
      ) : null}
    </View>
  );
}

export function ReviewView(props: { suggestionId: string; taskId: string; onDone: () => void }) {
  return (
    <TaskFormFrame
      id="review-page"
      suggestionId={props.suggestionId}
      taskId={props.taskId}
      title="审核与签发"
      actions={['tasks.review', 'tasks.sign']}
    >
      {(detail, task) => <ReviewForm detail={detail} task={task} onDone={props.onDone} />}
    </TaskFormFrame>
  );
}

function ReviewPage() {
  const { params } = useRouter();
  return <ReviewView suggestionId={params.id ?? ''} taskId={params.taskId ?? ''} onDone={finish} />;
}

export default guarded(ReviewPage);
