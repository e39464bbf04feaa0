// 统一公开 and 统一归档: once a suggestion is 已办结 the coordinator decides what the public may read
// (full text, a summary, or nothing, with the reason), then archives it (read-only afterwards).
// The server says which of the two is possible now.
import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { SuggestionDetail } from '../../../contract';
import { DISCLOSURE_MODE_LABELS } from '../../../core/labels';
import type { DisclosureMode } from '../../../core/model';
import { useAction } from '../../../hooks/use-action';
import { useSuggestion } from '../../../hooks/use-suggestion';
import { ChoiceField, FormError, SubmitButton, TextField } from '../../../components/fields';
import { announce, confirmStep } from '../../../components/confirm';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';
import { finish } from '../../routes';
import { guarded } from '../../../components/page-guard';

const MODES: DisclosureMode[] = ['full', 'summary', 'none'];

/** What each decision means for the public, said before it is made. */
const DISCLOSE_CONSEQUENCES: Record<DisclosureMode, string> = {
  full: '公众无需登录即可在“建议办理结果公开”中看到建议全文、答复全文和代表评价（电话等个人信息一律不公开）。归档前可以改变公开方式。',
  summary: '公众只能看到您填写的摘要和代表评价，建议全文和答复全文不公开。归档前可以改变公开方式。',
  none: '这件建议和答复都不对外公开，公众看不到。归档前可以改变决定。',
};

function DiscloseForm({ detail, onDone }: { detail: SuggestionDetail; onDone: () => void }) {
  const [mode, setMode] = useState<DisclosureMode | null>(detail.disclosure?.mode ?? null);
  const [summary, setSummary] = useState(detail.disclosure?.summary ?? '');
  const [reason, setReason] = useState(detail.disclosure?.reason ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction('suggestions.disclose');
  const submit = async () => {
    if (!mode) return setProblem('请选择公开方式');
    setProblem(null);
    const go = await confirmStep({ title: '确认统一公开？', consequence: DISCLOSE_CONSEQUENCES[mode], confirmText: '确认公开' });
    if (!go) return;
    const response = await action.run({
      suggestionId: detail.id,
      version: detail.version,
      mode,
      ...(mode === 'summary' ? { summary: summary.trim() } : {}),
      ...(mode !== 'full' ? { reason: reason.trim() } : {}),
    });
    if (response.ok) {
      await announce(mode === 'none' ? '已决定不公开' : '已公开');
      onDone();
    }
  };
  return (
    <View className="section">
      <View className="notice">公开建议内容、答复和代表评价；代表的电话等个人信息一律不公开。</View>
      <ChoiceField
        id="disclose-mode"
        label="公开方式"
        choices={MODES.map((value) => ({ value, label: DISCLOSURE_MODE_LABELS[value] }))}
        value={mode}
        onChange={setMode}
      />
      {mode === 'summary' ? <TextField id="disclose-summary" label="公开的摘要" value={summary} onChange={setSummary} multiline /> : null}
      {mode && mode !== 'full' ? <TextField id="disclose-reason" label="不全文公开的理由" value={reason} onChange={setReason} multiline /> : null}
      <FormError message={problem ?? action.error?.message} />
      <SubmitButton id="disclose-submit" text="确定公开方式" pending={action.pending} onClick={() => void submit()} />
    </View>
  );
}

function ArchiveButton({ detail, onDone }: { detail: SuggestionDetail; onDone: () => void }) {
  const action = useAction('suggestions.archive');
  const archive = async () => {
    const go = await confirmStep({
      title: '确认统一归档？',
      consequence: '归档后，这件建议的全部记录（答复、评价、公开决定）都只能查看，不能再修改，也不能再改变公开方式。',
      confirmText: '确认归档',
    });
    if (!go) return;
    const response = await action.run({ suggestionId: detail.id, version: detail.version });
    if (response.ok) {
      await announce('已归档');
      onDone();
    }
  };
  return (
    <View className="section">
      <View className="notice">归档后，该建议的所有记录只能查看，不能再修改。</View>
      <FormError message={action.error?.message} />
      <SubmitButton id="archive-submit" text="统一归档" kind="default" pending={action.pending} onClick={() => void archive()} />
    </View>
  );
}

export function DiscloseView({ suggestionId, onDone }: { suggestionId: string; onDone: () => void }) {
  const query = useSuggestion(suggestionId);
  return (
    <Screen id="disclose-page">
      <View className="section-title">公开与归档</View>
      <QueryView query={query}>
        {(detail) => {
          const canDisclose = detail.allowedActions.includes('suggestions.disclose');
          const canArchive = detail.allowedActions.includes('suggestions.archive');
          return (
            <View className="desk-columns">
              <View id="disclose-subject">
                <View className="card">
                  {detail.number}号 {detail.title} · {detail.statusLabel}
                </View>
                {detail.disclosure ? (
                  <View className="card-meta" id="disclosure-now">
                    现在的决定：{DISCLOSURE_MODE_LABELS[detail.disclosure.mode]}
                  </View>
                ) : null}
              </View>
              {canDisclose ? <DiscloseForm detail={detail} onDone={onDone} /> : null}
              {canArchive ? <ArchiveButton detail={detail} onDone={onDone} /> : null}
              {!canDisclose && !canArchive ? (
                <View className="notice" id="not-allowed">
                  建议办结后才能公开；作出公开决定后才能归档
                </View>
              ) : null}
            </View>
          );
        }}
      </QueryView>
    </Screen>
  );
}

function DisclosePage() {
  const { params } = useRouter();
  return <DiscloseView suggestionId={params.id ?? ''} onDone={finish} />;
}

export default guarded(DisclosePage);
