// 回头看: the unit reports progress on a B/C reply's promise, and finally what was done.
import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { CommitmentView } from '../../../contract';
import { useAction } from '../../../hooks/use-action';
import { useSuggestion } from '../../../hooks/use-suggestion';
import { ChoiceField, FormError, SubmitButton, TextField, type Choice } from '../../../components/fields';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';
import { Empty } from '../../../components/state-views';
import { Commitments } from '../detail/record-sections';
import { finish } from '../../routes';
import { guarded } from '../../../components/page-guard';

const DONE: Choice<'no' | 'yes'>[] = [
  { value: 'no', label: '仍在落实' },
  { value: 'yes', label: '已全部落实' },
];

function ProgressForm({ commitment, onDone }: { commitment: CommitmentView; onDone: () => void }) {
  const [text, setText] = useState('');
  const [done, setDone] = useState<'no' | 'yes'>('no');
  const [answer, setAnswer] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction('commitments.progress');
  const submit = async () => {
    if (text.trim() === '') return setProblem('请填写本次落实进展');
    setProblem(null);
    const response = await action.run({
      commitmentId: commitment.id,
      text: text.trim(),
      done: done === 'yes',
      finalAnswer: done === 'yes' ? answer.trim() : undefined,
    });
    if (response.ok) onDone();
  };
  return (
    <View>
      <TextField id="progress-text" label="本次落实进展" value={text} onChange={setText} multiline />
      <ChoiceField id="progress-done" label="落实情况" choices={DONE} value={done} onChange={setDone} />
      {done === 'yes' ? <TextField id="progress-answer" label="最终答复" value={answer} onChange={setAnswer} multiline /> : null}
      <FormError message={problem ?? action.error?.message} />
      <SubmitButton id="progress-submit" text="提交进展" pending={action.pending} onClick={() => void submit()} />
    </View>
  );
}

export function ProgressView(props: { suggestionId: string; commitmentId: string; onDone: () => void }) {
  const query = useSuggestion(props.suggestionId);
  return (
    <Screen id="progress-page">
      <View className="section-title">落实进展</View>
      <QueryView query={query}>
        {(detail) => {
          const commitment = detail.commitments.find((c) => c.id === props.commitmentId);
          if (!commitment) return <Empty text="没有找到该承诺事项" />;
          const task = detail.tasks.find((t) => t.id === commitment.taskId);
          const allowed = task?.allowedActions.includes('commitments.progress') === true && !commitment.doneAt;
          return (
            <View>
              <Commitments commitments={[commitment]} canProgress={() => false} onProgress={() => undefined} />
              {allowed ? (
                <ProgressForm commitment={commitment} onDone={props.onDone} />
              ) : (
                <View className="notice" id="not-allowed">当前状态下不能进行此操作</View>
              )}
            </View>
          );
        }}
      </QueryView>
    </Screen>
  );
}

function ProgressPage() {
  const { params } = useRouter();
  return <ProgressView suggestionId={params.id ?? ''} commitmentId={params.commitmentId ?? ''} onDone={finish} />;
}

export default guarded(ProgressPage);
