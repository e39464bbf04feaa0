// The coordinator's 立案审查 of a submitted proposal: 立案 (it becomes a suggestion with the next 建议号),
// 退回修改 or 转来信, the last two with a reason. The reason is checked before the confirmation that
// precedes the step, which cannot be undone.
import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import type { DecideProposalResult, ProposalDecision, ProposalView } from '../../../contract';
import { useAction } from '../../../hooks/use-action';
import { announce, confirmStep } from '../../../components/confirm';
import { ChoiceField, FormError, SubmitButton, TextField } from '../../../components/fields';

const CHOICES: { value: ProposalDecision; label: string }[] = [
  { value: 'accept', label: '立案' },
  { value: 'return', label: '退回修改' },
  { value: 'reject', label: '转来信处理' },
];

const CONFIRM: Record<ProposalDecision, { title: string; consequence: string; confirmText: string; done: string }> = {
  accept: { title: '立案', consequence: '立案后生成建议号，列入全部建议等待交办；领衔代表和附议代表会收到通知。', confirmText: '立案', done: '已立案' },
  return: { title: '退回修改', consequence: '建议退回领衔代表修改，理由会告知代表；修改后可在提交期内再次提交。', confirmText: '退回', done: '已退回' },
  reject: { title: '转来信处理', consequence: '本件不作为建议立案，转为来信处理，理由会告知代表；此操作不能撤销。', confirmText: '转来信', done: '已转来信' },
};

export function DecideForm({ proposal, onDone }: { proposal: ProposalView; onDone: (result: DecideProposalResult) => void }) {
  const [decision, setDecision] = useState<ProposalDecision | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction('proposals.decide');
  const decide = async () => {
    setProblem(null);
    if (!decision) return setProblem('请先选择审查结果');
    if (decision !== 'accept' && !reason.trim()) return setProblem(decision === 'return' ? '请填写退回修改的理由' : '请填写转来信处理的理由');
    const words = CONFIRM[decision];
    if (!(await confirmStep(words))) return;
    const response = await action.run({ id: proposal.id, version: proposal.version, decision, ...(decision !== 'accept' ? { reason: reason.trim() } : {}) });
    if (!response.ok) return;
    await announce(words.done);
    onDone(response.data);
  };
  return (
    <View className="section" id="decide-form">
      <View className="section-title">立案审查</View>
      <ChoiceField id="decision" label="审查结果" choices={CHOICES} value={decision} onChange={setDecision} />
      {decision && decision !== 'accept' ? (
        <TextField id="decision-reason" label={decision === 'return' ? '退回修改的理由（必填）' : '转来信处理的理由（必填）'} value={reason} onChange={setReason} multiline />
      ) : null}
      <FormError message={problem ?? action.error?.message} />
      <SubmitButton id="decide-submit" text="确定" pending={action.pending} onClick={() => void decide()} />
    </View>
  );
}

/** After 立案: the 建议号 and the way to the suggestion, ready for 交办. */
export function Decided({ result, onOpenSuggestion }: { result: DecideProposalResult; onOpenSuggestion: (id: string) => void }) {
  return (
    <View className="notice" id="decided">
      <View>{result.number ? `已立案，建议号 ${result.number}` : result.proposal.state === 'returned' ? '已退回领衔代表修改' : '已转来信处理'}</View>
      {result.suggestionId ? (
        <Button className="btn btn-primary" id="open-suggestion-btn" onClick={() => onOpenSuggestion(result.suggestionId!)}>
          查看建议（交办）
        </Button>
      ) : null}
    </View>
  );
}
