// The sweep's proposal reminders on both stores: an invitation about to lapse reminds its invitee, a
// draft not submitted as the phase closes reminds its author; each once, however many runs.
import type { ProposalView } from '../../../src/contract';
import { createLocalOutboxNotifier } from '../../../src/server/reminders/local-outbox.notifier';
import { runSweep } from '../../../src/server/reminders/sweep';
import { clockAt, testConfig } from '../reminders/support/world';
import { closeStores, openOfficeOn, STORE_KINDS, type OfficeOn } from '../coordinator/stores';

const DRAFT = { title: '关于增设社区食堂的建议', content: '建议在老旧小区增设社区食堂。', problem: '老年人就餐不便。', measures: '利用闲置用房改建社区食堂。' };

describe.each(STORE_KINDS)('proposal reminders in the sweep (%s)', (kind) => {
  let office: OfficeOn;
  beforeEach(async () => {
    office = await openOfficeOn(kind); // the API's day: 2024-04-10
  });
  afterEach(() => office.close());
  afterAll(() => closeStores());

  const kinds = async (userId: string) => (await office.store.find('notifications', { where: { userId } })).map((n) => n.kind).filter((k) => k !== 'proposalInvited').sort();
  const sweepAt = (instant: string) => runSweep({ store: office.store, clock: clockAt(instant), notifier: createLocalOutboxNotifier(), config: testConfig() });

  it('reminds the author of a draft as the phase closes, and an invitee whose invitation lapses tomorrow, once each', async () => {
    await office.ok('coordinator', 'proposals.window', { open: true, session: '十八届三次', phase: 'recess', startDate: '2024-04-01', endDate: '2024-04-12', inviteDays: 5 });
    const draft = await office.ok<ProposalView>('deputy-wang', 'proposals.save', DRAFT);
    await office.ok('deputy-wang', 'proposals.invite', { id: draft.id, version: draft.version, userIds: ['deputy-li'] }); // answer by 2024-04-15

    await sweepAt('2024-04-09T01:00:00.000Z'); // three days before the phase closes: nothing yet
    expect(await kinds('deputy-wang')).toEqual([]);
    await sweepAt('2024-04-10T01:00:00.000Z');
    await sweepAt('2024-04-10T05:00:00.000Z');
    expect(await kinds('deputy-wang')).toEqual(['proposalWindowClosing']);
    const [closing] = (await office.store.find('notifications', { where: { userId: 'deputy-wang' } })).filter((n) => n.kind === 'proposalWindowClosing');
    expect(closing).toMatchObject({ title: '建议提交期即将结束', params: { asks: '提交建议', dueDate: '2024-04-12' } });
    expect(await kinds('deputy-li')).toEqual([]);

    await sweepAt('2024-04-14T01:00:00.000Z');
    await sweepAt('2024-04-14T05:00:00.000Z');
    expect(await kinds('deputy-li')).toEqual(['proposalInviteLapsing']);
    expect(await kinds('deputy-wang')).toEqual(['proposalWindowClosing']);
  });

  it('reminds nobody of a proposal already submitted or an invitation already answered', async () => {
    await office.ok('coordinator', 'proposals.window', { open: true, session: '十八届三次', phase: 'recess', startDate: '2024-04-01', endDate: '2024-04-12', inviteDays: 2 });
    const draft = await office.ok<ProposalView>('deputy-wang', 'proposals.save', DRAFT);
    const invited = await office.ok<ProposalView>('deputy-wang', 'proposals.invite', { id: draft.id, version: draft.version, userIds: ['deputy-li'] });
    await office.ok('deputy-li', 'proposals.respond', { id: draft.id, accept: true });
    await office.ok('deputy-wang', 'proposals.submit', { id: draft.id, version: invited.version });
    await sweepAt('2024-04-11T01:00:00.000Z');
    expect(await kinds('deputy-wang')).toEqual(['proposalAccepted']);
    expect(await kinds('deputy-li')).toEqual([]);
  });
});
