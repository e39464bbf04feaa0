// The office's phase control (proposals.window): open a phase for deputies to submit proposals — 届次,
// 会期 or 闭会期间, first and last day, the days an invited deputy has to answer — or close it early.
import { useState } from 'react';
import { View } from '@tarojs/components';
import type { ProposalWindowView } from '../../../contract';
import type { Phase } from '../../../core/model';
import { useAction } from '../../../hooks/use-action';
import { announce, confirmStep } from '../../../components/confirm';
import { ChoiceField, FormError, SubmitButton, TextField } from '../../../components/fields';
import { windowText } from '../../../components/proposal-parts';

const PHASES: { value: Phase; label: string }[] = [
  { value: 'session', label: '会期' },
  { value: 'recess', label: '闭会期间' },
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function WindowForm({ current, onChanged }: { current: ProposalWindowView | undefined; onChanged: () => void }) {
  const [session, setSession] = useState(current?.session ?? '');
  const [phase, setPhase] = useState<Phase | null>(current?.phase ?? null);
  const [startDate, setStartDate] = useState(current?.startDate ?? '');
  const [endDate, setEndDate] = useState(current?.endDate ?? '');
  const [inviteDays, setInviteDays] = useState(String(current?.inviteDays ?? 5));
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction('proposals.window');
  const openPhase = async () => {
    setProblem(null);
    if (!session.trim()) return setProblem('请填写届次，例如：十八届二次');
    if (!phase) return setProblem('请选择会期或闭会期间');
    if (!DATE.test(startDate.trim()) || !DATE.test(endDate.trim())) return setProblem('请按“2026-12-01”的格式填写开始和结束日期');
    const days = Number(inviteDays);
    if (!Number.isInteger(days) || days < 1) return setProblem('附议答复天数须是正整数');
    const response = await action.run({ open: true, session: session.trim(), phase, startDate: startDate.trim(), endDate: endDate.trim(), inviteDays: days });
    if (!response.ok) return;
    await announce('已开放');
    onChanged();
  };
  const close = async () => {
    const ok = await confirmStep({ title: '结束提交期', consequence: '结束后代表不能再提交建议，已提交的建议仍可立案审查。', confirmText: '结束' });
    if (!ok) return;
    const response = await action.run({ open: false });
    if (!response.ok) return;
    await announce('已结束');
    onChanged();
  };
  return (
    <View className="section" id="window-form">
      <View className="section-title">建议提交期</View>
      <View className="notice" id="window-now">
        {windowText(current)}
      </View>
      {current?.openNow ? (
        <SubmitButton id="close-window-btn" kind="warn" text="提前结束提交期" pending={action.pending} onClick={() => void close()} />
      ) : null}
      <View className="sub-title">{current?.openNow ? '重新设置提交期' : '开放提交期'}</View>
      <TextField id="window-session" label="届次" value={session} onChange={setSession} placeholder="例如：十八届二次" />
      <ChoiceField id="window-phase" label="阶段" choices={PHASES} value={phase} onChange={setPhase} />
      <TextField id="window-start" label="开始日期" value={startDate} onChange={setStartDate} placeholder="2026-12-01" />
      <TextField id="window-end" label="结束日期" value={endDate} onChange={setEndDate} placeholder="2026-12-31" />
      <TextField id="window-invite-days" label="附议答复天数" value={inviteDays} onChange={setInviteDays} type="number" hint="被邀请的代表须在此天数内答复" />
      <FormError message={problem ?? action.error?.message} />
      <SubmitButton id="open-window-btn" text="开放提交期" pending={action.pending} onClick={() => void openPhase()} />
    </View>
  );
}
