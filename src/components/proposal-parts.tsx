// The pieces every proposal page shares (docs/proposals.md): a proposal's card in a list, the open
// phase in words, the invitees with their answers, and the text of a proposal to read.
import { Text, View } from '@tarojs/components';
import type { ProposalInvitationView, ProposalSummary, ProposalView, ProposalWindowView } from '../contract';
import { INVITATION_STATE_LABELS, PHASE_LABELS, PROPOSAL_STATE_LABELS } from '../core/labels';
import { formatDate } from './format';

/** The office's phase in words: which one, its dates, and whether proposals may be submitted today. */
export function windowText(window: ProposalWindowView | undefined): string {
  if (!window) return '建议提交期尚未开放';
  const span = `${window.session}${PHASE_LABELS[window.phase]}建议提交期：${window.startDate}至${window.endDate}`;
  if (window.closedAt) return `${span}（已于${formatDate(window.closedAt)}提前结束）`;
  return window.openNow ? `${span}（现在可以提交）` : `${span}（现在不能提交）`;
}

export function ProposalCard({ item, id, onOpen, note }: { item: ProposalSummary; id: string; onOpen: () => void; note?: string }) {
  return (
    <View className="card proposal-item" id={id} onClick={onOpen}>
      <View className="card-head">
        <Text className="card-number">{item.number ? `${item.number}号` : item.author.name}</Text>
        <Text className="tag">{PROPOSAL_STATE_LABELS[item.state]}</Text>
      </View>
      <View className="card-title">{item.title || '（未填写标题）'}</View>
      {item.author.delegation ? <View className="card-meta">领衔代表：{item.author.name}（{item.author.delegation}）</View> : null}
      <View className="card-meta">
        {item.submittedAt ? `提交于 ${formatDate(item.submittedAt)}` : `最近保存 ${formatDate(item.updatedAt)}`}
      </View>
      {item.reason && (item.state === 'returned' || item.state === 'rejected' || item.state === 'draft') ? (
        <View className="blocked-action proposal-reason">
          <Text className="blocked-label">{item.state === 'rejected' ? '转来信处理的理由' : '退回修改的理由'}</Text>
          <Text>：{item.reason}</Text>
        </View>
      ) : null}
      {note ? <View className="card-meta">{note}</View> : null}
    </View>
  );
}

export function InvitationList({ invitations, id }: { invitations: ProposalInvitationView[]; id: string }) {
  if (invitations.length === 0) return null;
  return (
    <View className="list" id={id}>
      {invitations.map((inv) => (
        <View key={inv.userId} className="card invitation-item" id={`${id}-${inv.userId}`}>
          <View className="card-head">
            <Text>
              {inv.name}
              {inv.delegation ? `（${inv.delegation}）` : ''}
            </Text>
            <Text className={inv.state === 'accepted' ? 'tag tag-strong' : 'tag'}>{INVITATION_STATE_LABELS[inv.state]}</Text>
          </View>
          <View className="card-meta">
            {inv.answeredAt ? `答复于 ${formatDate(inv.answeredAt)}` : `请于 ${inv.answerByDate} 前答复`}
          </View>
        </View>
      ))}
    </View>
  );
}

/** A proposal to read: its title, author, the three parts, and who signed it. */
export function ProposalText({ proposal }: { proposal: ProposalView }) {
  const parts: [string, string][] = [
    ['建议内容', proposal.content],
    ['存在的问题', proposal.problem],
    ['建议的措施', proposal.measures],
  ];
  return (
    <View id="proposal-text">
      <View className="card-title">{proposal.title || '（未填写标题）'}</View>
      <View className="card-meta">
        领衔代表：{proposal.author.name}
        {proposal.delegation ? `（${proposal.delegation}）` : ''} · {PROPOSAL_STATE_LABELS[proposal.state]}
        {proposal.number ? ` · ${proposal.number}号` : ''}
      </View>
      {parts.map(([label, text]) => (
        <View key={label} className="section">
          <View className="sub-title">{label}</View>
          <View className="card-text">{text || '（未填写）'}</View>
        </View>
      ))}
      {proposal.coSigners.length > 0 ? (
        <View className="card-meta" id="proposal-cosigners">
          附议代表：{proposal.coSigners.map((p) => p.name).join('、')}
        </View>
      ) : null}
    </View>
  );
}
