// The draft form's save state (已保存 / 保存中 / not saved, with the reason and 重试) and its foot:
// 提交建议 when the server offers it, else the server's reason in its place (the phase's dates).
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { ProposalView } from '../../../contract';
import { call } from '../../../api/client';
import type { SaveState } from '../../../hooks/use-autosave';
import { announce, confirmStep } from '../../../components/confirm';
import { FormError, SubmitButton } from '../../../components/fields';

const SAVE_WORDS: Record<SaveState, string> = {
  saved: '已保存',
  pending: '有改动，稍后自动保存',
  saving: '保存中…',
  failed: '未保存',
};

export function SaveStateLine(props: { state: SaveState; error: string | null; started: boolean; onRetry: () => void; bottom?: boolean }) {
  const { state, error, started, onRetry, bottom } = props;
  const id = bottom ? 'save-state-bottom' : 'save-state';
  if (!started && state === 'saved') {
    return (
      <View className="card-meta save-state" id={id}>
        开始填写后自动保存
      </View>
    );
  }
  return (
    <View className={state === 'failed' ? 'form-error save-state' : 'card-meta save-state'} id={id}>
      <Text>{SAVE_WORDS[state]}</Text>
      {state === 'failed' && error ? <Text>：{error}</Text> : null}
      {state === 'failed' ? (
        <Button className="btn btn-default btn-small" id={`${id}-retry`} onClick={onRetry}>
          重试保存
        </Button>
      ) : null}
    </View>
  );
}

export function SubmitBar({ view, ready, onSubmitted }: { view: ProposalView; ready: () => Promise<number | null>; onSubmitted: () => void }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!view.actions.includes('proposals.submit')) {
    if (!view.submitRefusal) return null;
    return (
      <View className="blocked-action" id="submit-refusal">
        <Text className="blocked-label">提交建议</Text>
        <Text>：{view.submitRefusal}</Text>
      </View>
    );
  }
  const waiting = view.invitations.filter((inv) => inv.state === 'invited').length;
  const submit = async () => {
    setError(null);
    const confirmed = await confirmStep({
      title: '提交建议',
      consequence: `提交后由联络员立案审查，不能再修改${waiting > 0 ? `；尚未答复的${waiting}位代表不再列为附议代表` : ''}。`,
      confirmText: '提交',
    });
    if (!confirmed) return;
    setPending(true);
    const version = await ready();
    const response = version === null ? null : await call('proposals.submit', { id: view.id, version });
    setPending(false);
    if (!response) setError('建议草稿尚未保存，请稍后再提交');
    else if (!response.ok) setError(response.error.message);
    else {
      await announce('已提交');
      onSubmitted();
    }
  };
  return (
    <View className="actions" id="submit-bar">
      <FormError message={error} />
      <SubmitButton id="submit-proposal-btn" text="提交建议" pending={pending} onClick={() => void submit()} />
    </View>
  );
}
