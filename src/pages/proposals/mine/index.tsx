// 我的建议 (a deputy's proposals, docs/proposals.md): the invitations to co-sign waiting for his answer,
// then his own proposals by state — drafts and those returned (with the reason, editable again), those
// submitted, those accepted (立案, with the 建议号, opening the suggestion) and those turned into letters.
import { Button, View } from '@tarojs/components';
import type { ProposalSummary } from '../../../contract';
import type { ProposalState } from '../../../core/model';
import { useQuery } from '../../../hooks/use-query';
import { useShowCount } from '../../../hooks/use-show-count';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';
import { Empty } from '../../../components/state-views';
import { ProposalCard, windowText } from '../../../components/proposal-parts';
import { INVITATION_STATE_LABELS } from '../../../core/labels';
import { open, routes } from '../../routes';
import { guarded } from '../../../components/page-guard';

const GROUPS: { id: string; title: string; states: ProposalState[] }[] = [
  { id: 'proposals-drafts', title: '草稿与退回修改', states: ['returned', 'draft'] },
  { id: 'proposals-submitted', title: '已提交，待立案', states: ['submitted'] },
  { id: 'proposals-accepted', title: '已立案', states: ['accepted'] },
  { id: 'proposals-rejected', title: '转来信处理', states: ['rejected'] },
];

function openMine(item: ProposalSummary): void {
  if (item.state === 'draft' || item.state === 'returned') open(routes.proposalEdit(item.id));
  else if (item.state === 'accepted' && item.suggestionId) open(routes.detail(item.suggestionId));
  else open(routes.proposalView(item.id));
}

function Invitations({ refreshKey }: { refreshKey: number }) {
  const invited = useQuery('proposals.list', { box: 'invited' }, refreshKey);
  return (
    <View className="section" id="invitations">
      <View className="section-title">邀请我附议的建议</View>
      <QueryView query={invited}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty text="暂无附议邀请" />
          ) : (
            <View className="list">
              {items.map((item) => (
                <ProposalCard
                  key={item.id}
                  id={`invitation-${item.id}`}
                  item={item}
                  onOpen={() => open(routes.proposalView(item.id))}
                  note={item.myInvitation ? `我的答复：${INVITATION_STATE_LABELS[item.myInvitation.state]}${item.myInvitation.state === 'invited' ? `（请于 ${item.myInvitation.answerByDate} 前答复）` : ''}` : undefined}
                />
              ))}
            </View>
          )
        }
      </QueryView>
    </View>
  );
}

export function MyProposalsView({ refreshKey = 0 }: { refreshKey?: number }) {
  const mine = useQuery('proposals.list', { box: 'mine' }, refreshKey);
  return (
    <Screen id="my-proposals-page">
      <View className="section-title">我的建议</View>
      <Button className="btn btn-primary" id="new-proposal-btn" onClick={() => open(routes.proposalEdit())}>
        起草新建议
      </Button>
      <Invitations refreshKey={refreshKey} />
      <QueryView query={mine}>
        {({ items, window }) => (
          <View>
            <View className="notice" id="proposal-window">
              {windowText(window)}
            </View>
            {items.length === 0 ? <Empty text="您还没有起草建议" /> : null}
            {GROUPS.map((group) => {
              const rows = items.filter((item) => group.states.includes(item.state));
              if (rows.length === 0) return null;
              return (
                <View className="section" key={group.id}>
                  <View className="section-title">{group.title}</View>
                  <View className="list desk-grid" id={group.id}>
                    {rows.map((item) => (
                      <ProposalCard key={item.id} id={`proposal-${item.id}`} item={item} onOpen={() => openMine(item)} />
                    ))}
                  </View>
                </View>
              );
            })}
          </View>
        )}
      </QueryView>
    </Screen>
  );
}

function MyProposalsPage() {
  const shown = useShowCount();
  return <MyProposalsView refreshKey={shown} />;
}

export default guarded(MyProposalsPage);
