// One proposal to read (docs/proposals.md): an invited deputy reads it and accepts (附议) or declines;
// the coordinator reads a submitted one and decides (立案 / 退回修改 / 转来信). What is offered follows
// the server's `actions`; after 立案 the way to the suggestion for 交办. Its files are listed (to add or
// remove them the author opens the draft form).
import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { DecideProposalResult, ProposalView } from '../../../contract';
import { INVITATION_STATE_LABELS } from '../../../core/labels';
import { useAction } from '../../../hooks/use-action';
import { useQuery } from '../../../hooks/use-query';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';
import { announce } from '../../../components/confirm';
import { FormError, SubmitButton } from '../../../components/fields';
import { InvitationList, ProposalText } from '../../../components/proposal-parts';
import { ProposalFiles } from '../../../components/proposal-files';
import { guarded } from '../../../components/page-guard';
import { open, routes } from '../../routes';
import { Decided, DecideForm } from './decide-form';

function Answer({ proposal, onAnswered }: { proposal: ProposalView; onAnswered: (next: ProposalView) => void }) {
  const action = useAction('proposals.respond');
  const respond = async (accept: boolean) => {
    const response = await action.run({ id: proposal.id, accept });
    if (!response.ok) return;
    await announce(accept ? '已同意附议' : '已谢绝');
    onAnswered(response.data);
  };
  return (
    <View className="actions" id="answer-invitation">
      <View className="card-meta">请于 {proposal.myInvitation?.answerByDate} 前答复。同意后，建议提交时您将列为附议代表。</View>
      <FormError message={action.error?.message} />
      <SubmitButton id="accept-invitation-btn" text="同意附议" pending={action.pending} onClick={() => void respond(true)} />
      <SubmitButton id="decline-invitation-btn" kind="default" text="谢绝附议" pending={action.pending} onClick={() => void respond(false)} />
    </View>
  );
}

function Proposal({ initial }: { initial: ProposalView }) {
  const [proposal, setProposal] = useState(initial);
  const [decided, setDecided] = useState<DecideProposalResult | null>(null);
  const mine = proposal.myInvitation;
  return (
    <View className="desk-columns">
      <View className="card">
        <ProposalText proposal={proposal} />
        <ProposalFiles proposalId={proposal.id} canAdd={false} />
      </View>
      <View>
        {mine ? (
          <View className="notice" id="my-invitation">
            我的答复：{INVITATION_STATE_LABELS[mine.state]}
          </View>
        ) : null}
        {proposal.actions.includes('proposals.save') ? (
          <Button className="btn btn-primary" id="edit-proposal-btn" onClick={() => open(routes.proposalEdit(proposal.id))}>
            修改建议
          </Button>
        ) : null}
        {proposal.actions.includes('proposals.respond') ? <Answer proposal={proposal} onAnswered={setProposal} /> : null}
        {proposal.reason ? (
          <View className="notice" id="proposal-reason">
            {proposal.state === 'rejected' ? '转来信处理的理由' : '退回修改的理由'}：{proposal.reason}
          </View>
        ) : null}
        {decided ? (
          <Decided result={decided} onOpenSuggestion={(id) => open(routes.detail(id))} />
        ) : proposal.actions.includes('proposals.decide') ? (
          <DecideForm
            proposal={proposal}
            onDone={(result) => {
              setDecided(result);
              setProposal(result.proposal);
            }}
          />
        ) : null}
        {proposal.invitations.length > 0 && !mine ? (
          <View className="section">
            <View className="section-title">邀请附议</View>
            <InvitationList id="invitees" invitations={proposal.invitations} />
          </View>
        ) : null}
      </View>
    </View>
  );
}

export function ProposalPageView({ id }: { id: string }) {
  const query = useQuery('proposals.get', { id });
  return (
    <Screen id="proposal-view-page">
      <QueryView query={query}>{(proposal) => <Proposal initial={proposal} />}</QueryView>
    </Screen>
  );
}

function ProposalPage() {
  const { params } = useRouter();
  return <ProposalPageView id={params.id ?? ''} />;
}

export default guarded(ProposalPage);
