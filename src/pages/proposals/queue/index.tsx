// 待立案 (the office's queue, docs/proposals.md): the proposals deputies submitted, oldest first, each
// opened to read and decide; below them (at desk width, beside them) the phase control (proposals.window).
import { View } from '@tarojs/components';
import { useQuery } from '../../../hooks/use-query';
import { useShowCount } from '../../../hooks/use-show-count';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';
import { Empty } from '../../../components/state-views';
import { ProposalCard } from '../../../components/proposal-parts';
import { guarded } from '../../../components/page-guard';
import { open, routes } from '../../routes';
import { WindowForm } from './window-form';

const oldestFirst = (a: { submittedAt?: string }, b: { submittedAt?: string }) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '');

export function ProposalQueueView({ refreshKey = 0 }: { refreshKey?: number }) {
  const queue = useQuery('proposals.list', { box: 'office' }, refreshKey);
  return (
    <Screen id="proposal-queue-page">
      <QueryView query={queue}>
        {({ items, window }) => (
          <View className="desk-columns">
            <View className="section" id="queue-section">
              <View className="section-title">待立案的建议（{items.length}件）</View>
              {items.length === 0 ? (
                <Empty text="暂无待立案的建议" />
              ) : (
                <View className="list" id="proposal-queue">
                  {[...items].sort(oldestFirst).map((item) => (
                    <ProposalCard key={item.id} id={`queued-${item.id}`} item={item} onOpen={() => open(routes.proposalView(item.id))} />
                  ))}
                </View>
              )}
            </View>
            <WindowForm key={JSON.stringify(window ?? null)} current={window} onChanged={queue.reload} />
          </View>
        )}
      </QueryView>
    </Screen>
  );
}

function ProposalQueuePage() {
  const shown = useShowCount();
  return <ProposalQueueView refreshKey={shown} />;
}

export default guarded(ProposalQueuePage);
