// The proposal screens (我的建议, the invitations, the 待立案 queue, one proposal, the draft form with the
// roster to invite from, and the home page's `me` with its proposal counts) each cost at most 5
// CloudBase requests, whatever the number of proposals: counted on the emulator at 2 and at 8 proposals.
import type { ProposalView } from '../../../src/contract';
import { sharedEmulator } from '../../support/cloudbase-emulator/sdk';
import { closeStores, openOfficeOn, type OfficeOn } from '../coordinator/stores';

const LIMIT = 5;
const DRAFT = { title: '关于增设社区食堂的建议', content: '建议在老旧小区增设社区食堂。', problem: '老年人就餐不便。', measures: '利用闲置用房改建社区食堂。' };

afterAll(() => closeStores());

it.each([2, 8])('opens each proposal screen in at most 5 requests with %i proposals', async (count) => {
  const office: OfficeOn = await openOfficeOn('cloudbase');
  const emulator = await sharedEmulator();
  await office.ok('coordinator', 'proposals.window', { open: true, session: '十八届三次', phase: 'recess', startDate: '2024-04-01', endDate: '2024-04-30' });
  let last: ProposalView | undefined;
  for (let i = 0; i < count; i += 1) {
    const p = await office.ok<ProposalView>('deputy-wang', 'proposals.save', { ...DRAFT, title: `${DRAFT.title}${i}` });
    const invited = await office.ok<ProposalView>('deputy-wang', 'proposals.invite', { id: p.id, version: p.version, userIds: ['deputy-li'] });
    last = await office.ok<ProposalView>('deputy-wang', 'proposals.submit', { id: p.id, version: invited.version });
  }
  const draft = await office.ok<ProposalView>('deputy-wang', 'proposals.save', DRAFT);
  const screens: [string, string, unknown][] = [
    ['deputy-wang', 'proposals.get', { id: draft.id }],
    ['deputy-wang', 'me', {}],
    ['deputy-li', 'me', {}],
    ['coordinator', 'me', {}],
    ['deputy-wang', 'proposals.list', { box: 'mine' }],
    ['deputy-li', 'proposals.list', { box: 'invited' }],
    ['coordinator', 'proposals.list', { box: 'office' }],
    ['coordinator', 'proposals.get', { id: last!.id }],
  ];
  const costs: string[] = [];
  for (const [openid, action, data] of screens) {
    emulator.resetCounter();
    const items = await office.ok<{ items?: unknown[] }>(openid, action, data);
    if (items.items) expect(items.items).toHaveLength((data as { box?: string }).box === 'mine' ? count + 1 : count);
    expect(emulator.requests).toBeGreaterThan(1); // counted: the caller and the proposals at least
    if (emulator.requests > LIMIT) costs.push(`${action} ${JSON.stringify(data)}: ${emulator.requests}`);
  }
  expect(costs).toEqual([]);
  await office.close();
}, 120_000);
