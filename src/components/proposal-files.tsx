// A deputy's proposal's files (docs/proposals.md, Files): listed for whoever reads the proposal, with
// 添加 and 删除 for its author while it is his to edit. The server decides every permission: `canAdd`
// follows the proposal's `actions`, 删除 each file's `removable`.
import { View } from '@tarojs/components';
import { useQuery } from '../hooks/use-query';
import { AttachmentList } from './attachment-list';
import { QueryView } from './query-view';

export function ProposalFiles({ proposalId, canAdd }: { proposalId: string; canAdd: boolean }) {
  const files = useQuery('attachments.list', { target: 'proposal', targetId: proposalId });
  return (
    <View className="section" id="proposal-files">
      <QueryView query={files}>
        {({ items }) => <AttachmentList id="proposal-attachments" target="proposal" targetId={proposalId} items={items} canAdd={canAdd} onChanged={files.reload} />}
      </QueryView>
    </View>
  );
}
