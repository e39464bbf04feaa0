// Sample data in the shapes of src/contract, for the page tests.
import type { Capability, MeResult, MeUser, ProposalView, ServerClock, SuggestionDetail, SuggestionListItem, TaskListItem, TaskView } from '../../src/contract';

export function task(overrides: Partial<TaskView> = {}): TaskView {
  return {
    id: 't1',
    suggestionId: 's1',
    unitId: 'u-drc',
    unitName: '市发展改革委',
    role: 'lead',
    roleLabel: '主办',
    state: 'handling',
    stateLabel: '办理中',
    round: 1,
    assignedAt: '2026-03-01T02:00:00.000Z',
    assignedDate: '2026-03-01',
    due: { reply: '2026-06-01', returnWindow: '2026-03-06' },
    activeDeadline: 'reply',
    daysLeftText: '剩余 20 天',
    deadlines: [{ kind: 'reply', label: '答复期限', date: '2026-06-01', active: true, daysLeftText: '剩余 20 天', overdue: false, atRisk: false }],
    overdue: false,
    atRisk: false,
    policy: {
      extensionCap: '2026-09-01',
      extensionNote: '现答复期限为 2026-06-01；延期须经交办机关同意，延期后的答复期限最迟为 2026-09-01（交办之日起6个月）。',
      returnNote: '申请退回须在 2026-03-06 前提出，由交办机关决定。',
    },
    version: 3,
    allowedActions: [],
    blockedActions: [],
    canOverrideCoOpinions: false,
    ...overrides,
  };
}

export function detail(overrides: Partial<SuggestionDetail> = {}): SuggestionDetail {
  return {
    id: 's1',
    number: '101',
    title: '关于加快充电桩建设的建议',
    content: '建议在老旧小区加快建设公共充电桩。',
    session: '十八届一次',
    delegation: '历下区代表团',
    phase: 'session',
    phaseLabel: '会期',
    tags: [],
    keySupervised: false,
    status: 'handling',
    statusLabel: '办理中',
    leadDeputyId: 'd1',
    leadDeputyName: '王代表',
    coSignerNames: [],
    assignedAt: '2026-03-01T02:00:00.000Z',
    assignedDate: '2026-03-01',
    version: 1,
    tasks: [task()],
    replies: [],
    opinions: [],
    contacts: [],
    feedback: [],
    commitments: [],
    events: [],
    allowedActions: [],
    ...overrides,
  };
}

export function listItem(overrides: Partial<SuggestionListItem> = {}): SuggestionListItem {
  return {
    id: 's1',
    number: '101',
    title: '关于加快充电桩建设的建议',
    session: '十八届一次',
    status: 'handling',
    statusLabel: '办理中',
    step: '办理中',
    leadDeputyName: '王代表',
    keySupervised: false,
    units: [{ unitId: 'u-drc', unitName: '市发展改革委', role: 'lead', roleLabel: '主办' }],
    replyDue: '2026-06-01',
    deadlineLabel: '答复期限',
    daysLeftText: '剩余 20 天',
    ...overrides,
  };
}

export function taskItem(overrides: Partial<TaskListItem> = {}): TaskListItem {
  return {
    id: 't1',
    suggestionId: 's1',
    number: '101',
    title: '关于加快充电桩建设的建议',
    unitName: '市发展改革委',
    role: 'lead',
    roleLabel: '主办',
    state: 'handling',
    stateLabel: '办理中',
    round: 1,
    replyDue: '2026-06-01',
    daysLeftText: '剩余 20 天',
    deadline: { kind: 'reply', label: '答复期限', date: '2026-06-01', active: true, daysLeftText: '剩余 20 天', overdue: false, atRisk: false },
    overdue: false,
    atRisk: false,
    keySupervised: false,
    version: 3,
    allowedActions: [],
    blockedActions: [],
    ...overrides,
  };
}

export const page = (overrides: { items: unknown[] }) => ({ total: overrides.items.length, page: 1, pageSize: 100, ...overrides });

export const CLOCK = { now: '2026-03-20T01:30:00.000Z', today: '2026-03-20', time: '09:30', year: 2026 };

/** A `me` answer: the user, the capabilities the server gives him or her, the server's clock. */
export function meResult(user: MeUser | null, capabilities: Capability[] = [], clock: ServerClock = CLOCK): MeResult {
  return { user, bound: user !== null, capabilities, clock };
}

/** A deputy's draft proposal as the server shows it to its author. */
export function proposal(overrides: Partial<ProposalView> = {}): ProposalView {
  return {
    id: 'p1',
    title: '关于增设社区食堂的建议',
    content: '建议在老旧小区增设社区食堂。',
    problem: '老年人就餐不便。',
    measures: '利用闲置用房改建社区食堂。',
    state: 'draft',
    author: { userId: 'u1', name: '王建华', delegation: '历下区代表团' },
    updatedAt: '2026-12-01T02:00:00.000Z',
    delegation: '历下区代表团',
    invitations: [],
    coSigners: [],
    actions: ['proposals.save', 'proposals.invite'],
    version: 1,
    ...overrides,
  };
}
