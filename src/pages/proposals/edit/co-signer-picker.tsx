// Inviting co-signers (附议): deputies picked from the roster of every 代表团 (the server's
// `candidates`), never names typed by hand; a search narrows the list by name or 代表团.
import { useState } from 'react';
import { Button, Input, View } from '@tarojs/components';
import type { ProposalView } from '../../../contract';
import { call } from '../../../api/client';
import { useQuery } from '../../../hooks/use-query';
import { QueryView } from '../../../components/query-view';
import { Empty } from '../../../components/state-views';
import { FormError, SubmitButton } from '../../../components/fields';

export function CoSignerPicker(props: {
  proposalId: string;
  /** Saves what is typed first; resolves with the version to invite at, or null when the save failed. */
  ready: () => Promise<number | null>;
  onInvited: (view: ProposalView) => void;
  onClose: () => void;
}) {
  const { proposalId, ready, onInvited, onClose } = props;
  const roster = useQuery('proposals.get', { id: proposalId });
  const [chosen, setChosen] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = (userId: string) => setChosen((now) => (now.includes(userId) ? now.filter((x) => x !== userId) : [...now, userId]));
  const invite = async () => {
    if (chosen.length === 0) {
      setError('请先选择要邀请的代表');
      return;
    }
    setPending(true);
    setError(null);
    const version = await ready();
    const response = version === null ? null : await call('proposals.invite', { id: proposalId, version, userIds: chosen });
    setPending(false);
    if (!response) setError('建议草稿尚未保存，请稍后再邀请');
    else if (!response.ok) setError(response.error.message);
    else onInvited(response.data);
  };
  return (
    <View className="section" id="co-signer-picker">
      <View className="sub-title">从代表名册中选择附议代表（可选多位，不限代表团）</View>
      <Input id="co-signer-search" className="input" value={search} placeholder="输入姓名或代表团查找" onInput={(e) => setSearch(e.detail.value)} />
      <QueryView query={roster}>
        {(view) => {
          const asked = new Set(view.invitations.filter((inv) => inv.state === 'invited' || inv.state === 'accepted').map((inv) => inv.userId));
          const shown = (view.candidates ?? []).filter((p) => !asked.has(p.userId) && (!search.trim() || `${p.name}${p.delegation ?? ''}`.includes(search.trim())));
          if (shown.length === 0) return <Empty text="没有可邀请的代表" />;
          return (
            <View className="choices" id="co-signer-choices">
              {shown.map((p) => (
                <Button key={p.userId} id={`co-signer-${p.userId}`} className={chosen.includes(p.userId) ? 'choice choice-on' : 'choice'} onClick={() => toggle(p.userId)}>
                  {chosen.includes(p.userId) ? '✓ ' : ''}
                  {p.name}
                  {p.delegation ? `（${p.delegation}）` : ''}
                </Button>
              ))}
            </View>
          );
        }}
      </QueryView>
      <FormError message={error} />
      <SubmitButton id="invite-submit" text={chosen.length > 0 ? `邀请所选的${chosen.length}位代表附议` : '邀请所选代表附议'} pending={pending} onClick={() => void invite()} />
      <Button className="btn btn-default" id="invite-cancel" onClick={onClose}>
        取消
      </Button>
    </View>
  );
}
