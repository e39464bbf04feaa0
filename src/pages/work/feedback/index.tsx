// The deputy rates the unit's handling: attitude and result, 满意 / 基本满意 / 不满意; a 不满意
// needs reasons (the server says so). Only the lead deputy is offered the rating (feedback.submit),
// and records the co-signers' views and sees their ratings here.
import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { SuggestionDetail, TaskView } from '../../../contract';
import type { Rating } from '../../../core/model';
import { RATING_LABELS } from '../../../core/labels';
import { useAction } from '../../../hooks/use-action';
import { ChoiceField, FormError, SubmitButton, TextField, type Choice } from '../../../components/fields';
import { announce, confirmStep } from '../../../components/confirm';
import { TaskFormFrame } from '../../../components/task-form-frame';
import { Feedbacks, Replies } from '../detail/record-sections';
import { finish } from '../../routes';
import { guarded } from '../../../components/page-guard';

const RATINGS: Choice<Rating>[] = (['satisfied', 'basic', 'unsatisfied'] as const).map((value) => ({ value, label: RATING_LABELS[value] }));

function FeedbackForm({ detail, task, onDone }: { detail: SuggestionDetail; task: TaskView; onDone: () => void }) {
  const [attitude, setAttitude] = useState<Rating | null>(null);
  const [result, setResult] = useState<Rating | null>(null);
  const [reasons, setReasons] = useState('');
  const [views, setViews] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction('feedback.submit');
  const unsatisfied = attitude === 'unsatisfied' || result === 'unsatisfied';
  const replies = detail.replies.filter((r) => r.taskId === task.id && r.signed);
  const coSigners = detail.feedback.filter((f) => f.taskId === task.id);

  const submit = async () => {
    if (attitude === null || result === null) return setProblem('请对办理态度和办理结果分别作出评价');
    // Checked before the irreversible confirmation, not after it (the server says the same).
    if (unsatisfied && !reasons.trim()) return setProblem('评价不满意时请填写理由');
    setProblem(null);
    const go = await confirmStep({
      title: '确认提交评价？',
      consequence: unsatisfied
        ? '评价提交后不能修改。您选择了“不满意”，承办单位将按规定重新办理并再次答复您（最后一轮仍不满意的，按不满意办结）。'
        : '评价提交后不能修改，这件建议的本次办理将就此办结。',
      confirmText: '提交评价',
    });
    if (!go) return;
    const response = await action.run({
      taskId: task.id,
      attitude,
      result,
      reasons: reasons.trim() || undefined,
      coSignerViews: views.trim() || undefined,
    });
    if (response.ok) {
      await announce('评价已提交');
      onDone();
    }
  };

  return (
    <View>
      <Replies replies={replies} />
      <Feedbacks feedback={coSigners} />
      <ChoiceField id="rate-attitude" label="办理态度" choices={RATINGS} value={attitude} onChange={setAttitude} />
      <ChoiceField id="rate-result" label="办理结果" choices={RATINGS} value={result} onChange={setResult} />
      <TextField
        id="rate-reasons"
        label={unsatisfied ? '不满意的理由（必填）' : '意见和建议（可不填）'}
        value={reasons}
        onChange={setReasons}
        multiline
      />
      {detail.coSignerNames.length > 0 ? (
        <TextField
          id="rate-cosigners"
          label={`附议代表的意见（${detail.coSignerNames.join('、')}）`}
          value={views}
          onChange={setViews}
          multiline
        />
      ) : null}
      <FormError message={problem ?? action.error?.message} />
      <SubmitButton id="feedback-submit" text="提交评价" pending={action.pending} onClick={() => void submit()} />
    </View>
  );
}

export function FeedbackView(props: { suggestionId: string; taskId: string; onDone: () => void }) {
  return (
    <TaskFormFrame id="feedback-page" suggestionId={props.suggestionId} taskId={props.taskId} title="评价办理结果" actions={['feedback.submit']}>
      {(detail, task) => <FeedbackForm detail={detail} task={task} onDone={props.onDone} />}
    </TaskFormFrame>
  );
}

function FeedbackPage() {
  const { params } = useRouter();
  return <FeedbackView suggestionId={params.id ?? ''} taskId={params.taskId ?? ''} onDone={finish} />;
}

export default guarded(FeedbackPage);
