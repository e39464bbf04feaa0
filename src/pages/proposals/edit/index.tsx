// The deputy's draft form (docs/proposals.md): title, content, the problem and the proposed measures,
// saved as he types (proposals.save after a pause, 已保存 / 保存中 shown, what is unsaved sent when he
// leaves); co-signers invited from the roster with each one's answer; 提交 in the open phase, or the
// server's reason, with the phase's dates, where the button would be. A returned one shows why.
// Photos and scans go with it through the attachments (ProposalFiles) once it has been saved.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { ProposalView } from '../../../contract';
import { call, newRequestId } from '../../../api/client';
import { useQuery } from '../../../hooks/use-query';
import { useAutosave, type SaveOutcome } from '../../../hooks/use-autosave';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';
import { TextField } from '../../../components/fields';
import { InvitationList, ProposalText } from '../../../components/proposal-parts';
import { ProposalFiles } from '../../../components/proposal-files';
import { finish } from '../../routes';
import { guarded } from '../../../components/page-guard';
import { CoSignerPicker } from './co-signer-picker';
import { SaveStateLine, SubmitBar } from './submit-bar';
import { dropUnsaved, keepUnsaved, unsavedOf, type DraftFields } from './draft-backup';

const EMPTY: DraftFields = { title: '', content: '', problem: '', measures: '' };

const same = (a: DraftFields, b: DraftFields) => a.title === b.title && a.content === b.content && a.problem === b.problem && a.measures === b.measures;

export function DraftForm({ initial, onSubmitted }: { initial?: ProposalView; onSubmitted: () => void }) {
  const [server] = useState<DraftFields>(() => (initial ? { title: initial.title, content: initial.content, problem: initial.problem, measures: initial.measures } : EMPTY));
  // Text typed earlier that the server never confirmed comes back, and is saved.
  const [restored] = useState(() => {
    const copy = unsavedOf(initial?.id);
    return copy && !same(copy, server) ? copy : undefined;
  });
  const [fields, setFields] = useState<DraftFields>(restored ?? server);
  const [view, setView] = useState<ProposalView | undefined>(initial);
  const [picking, setPicking] = useState(false);
  const ref = useRef<{ id?: string; version?: number }>(initial ? { id: initial.id, version: initial.version } : {});
  // A new draft keeps its request id until it is created, so that a retry never makes a second one.
  const createId = useRef(newRequestId());

  const save = useCallback(async (sent: DraftFields): Promise<SaveOutcome> => {
    const { id, version } = ref.current;
    const response = await call('proposals.save', { ...(id ? { id, version } : {}), ...sent }, id ? {} : { requestId: createId.current });
    if (!response.ok) return { ok: false, message: response.error.message };
    ref.current = { id: response.data.id, version: response.data.version };
    setView(response.data);
    return { ok: true };
  }, []);
  const autosave = useAutosave(fields, save, server);
  useEffect(() => {
    if (autosave.state === 'saved') {
      dropUnsaved(ref.current.id);
      if (ref.current.id !== initial?.id) dropUnsaved(initial?.id);
    } else keepUnsaved(ref.current.id, fields);
  }, [autosave.state, fields, initial?.id]);
  const set = (key: keyof DraftFields) => (value: string) => setFields((now) => ({ ...now, [key]: value }));
  /** What is typed, saved; then the version to act at. */
  const ready = async () => ((await autosave.flush()) && ref.current.version !== undefined ? ref.current.version : null);
  const changed = (next: ProposalView) => {
    ref.current = { id: next.id, version: next.version };
    setView(next);
  };

  return (
    <View id="proposal-form">
      {view?.reason ? (
        <View className="notice" id="proposal-returned">
          联络员退回修改的理由：{view.reason}
        </View>
      ) : null}
      {restored ? (
        <View className="notice" id="proposal-restored">
          已恢复上次未保存的内容
        </View>
      ) : null}
      <SaveStateLine state={autosave.state} error={autosave.error} started={ref.current.id !== undefined} onRetry={() => void autosave.flush()} />
      <TextField id="proposal-title" label="标题" value={fields.title} onChange={set('title')} placeholder="例如：关于……的建议" />
      <TextField id="proposal-content" label="建议内容" value={fields.content} onChange={set('content')} multiline />
      <TextField id="proposal-problem" label="存在的问题" value={fields.problem} onChange={set('problem')} multiline />
      <TextField id="proposal-measures" label="建议的措施" value={fields.measures} onChange={set('measures')} multiline />
      <SaveStateLine state={autosave.state} error={autosave.error} started={ref.current.id !== undefined} onRetry={() => void autosave.flush()} bottom />
      {view ? <ProposalFiles proposalId={view.id} canAdd={view.actions.includes('proposals.save')} /> : <View className="card-meta">开始填写后即可添加照片或扫描件</View>}

      <View className="section" id="proposal-invitees">
        <View className="section-title">附议代表</View>
        {view && view.invitations.length > 0 ? <InvitationList id="invitees" invitations={view.invitations} /> : <View className="card-meta">尚未邀请代表附议</View>}
        {!view ? (
          <View className="card-meta">开始填写后即可邀请代表附议</View>
        ) : picking ? (
          <CoSignerPicker
            proposalId={view.id}
            ready={ready}
            onClose={() => setPicking(false)}
            onInvited={(next) => {
              changed(next);
              setPicking(false);
            }}
          />
        ) : view.actions.includes('proposals.invite') ? (
          <Button className="btn btn-default" id="invite-btn" onClick={() => setPicking(true)}>
            邀请代表附议
          </Button>
        ) : null}
      </View>
      {view ? <SubmitBar view={view} ready={ready} onSubmitted={onSubmitted} /> : null}
      {view ? null : (
        <View className="card-meta">
          <Text>填写的内容会自动保存，离开本页也不会丢失。</Text>
        </View>
      )}
    </View>
  );
}

export function ProposalEditView({ id, onSubmitted }: { id?: string; onSubmitted: () => void }) {
  return (
    <Screen id="proposal-edit-page">
      <View className="section-title">{id ? '修改建议' : '起草建议'}</View>
      {id ? <Loaded id={id} onSubmitted={onSubmitted} /> : <DraftForm onSubmitted={onSubmitted} />}
    </Screen>
  );
}

function Loaded({ id, onSubmitted }: { id: string; onSubmitted: () => void }) {
  const proposal = useQuery('proposals.get', { id });
  return (
    <QueryView query={proposal}>
      {(view) => (view.actions.includes('proposals.save') ? <DraftForm initial={view} onSubmitted={onSubmitted} /> : <ProposalText proposal={view} />)}
    </QueryView>
  );
}

function ProposalEditPage() {
  const { params } = useRouter();
  return <ProposalEditView id={params.id || undefined} onSubmitted={finish} />;
}

export default guarded(ProposalEditPage);
