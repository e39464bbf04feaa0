// The demo data set the local stack loads on its first start: a city office, its units, a demo user of
// every role (fixed openids for the dev login) and suggestions at every stage, on the themes of the
// office's 2022 report. Dates are relative to `now`, so deadlines look alive whenever it is loaded.
import { shanghaiDate } from '../../core/calendar';
import { computeDue } from '../../core/deadlines';
import { ROLE_LABELS } from '../../core/labels';
import type {
  AuditEvent,
  Commitment,
  Contact,
  Feedback,
  Opinion,
  Reply,
  Role,
  Suggestion,
  Task,
  TaskState,
  Unit,
  UnitRole,
  User,
} from '../../core/model';
import { SHANDONG_POLICY, type DeadlinePolicy } from '../../core/policy';
import type { Store, Tx } from '../ports';

export interface DemoLogin {
  openid: string;
  name: string;
  roleLabel: string;
}

export const DEMO_UNITS: Unit[] = [
  { id: 'unit-fgw', name: '市发展改革委', departments: ['综合处', '基础设施发展处', '社会发展处', '农村经济处'] },
  { id: 'unit-jtj', name: '市交通运输局', departments: ['综合规划处', '公共交通处'] },
  { id: 'unit-mzj', name: '市民政局', departments: ['养老服务处', '社会救助处'] },
  { id: 'unit-zjj', name: '市住房城乡建设局', departments: ['城市建设处'] },
  { id: 'unit-slj', name: '市水务局', departments: ['河湖管理处'] },
];

interface DemoUser {
  id: string;
  openid?: string;
  name: string;
  roles: Role[];
  unitId?: string;
  department?: string;
  phone?: string;
  delegation?: string;
}

const DEMO_USERS: DemoUser[] = [
  { id: 'user-deputy-wang', openid: 'demo-deputy', name: '王建华', roles: ['deputy'], delegation: '历下区代表团', phone: '13800000001' },
  { id: 'user-deputy-li', openid: 'demo-deputy2', name: '李秀英', roles: ['deputy'], delegation: '章丘区代表团', phone: '13800000002' },
  { id: 'user-deputy-zhang', name: '张立新', roles: ['deputy'], delegation: '天桥区代表团', phone: '13800000003' },
  { id: 'user-deputy-chen', name: '陈静', roles: ['deputy'], delegation: '槐荫区代表团', phone: '13800000004' },
  { id: 'user-handler', openid: 'demo-handler', name: '刘洋', roles: ['handler'], unitId: 'unit-fgw', department: '基础设施发展处', phone: '0531-86000001' },
  { id: 'user-handler-co', openid: 'demo-handler-co', name: '赵敏', roles: ['handler'], unitId: 'unit-jtj', department: '公共交通处', phone: '0531-86000002' },
  { id: 'user-handler-mzj', name: '孙丽', roles: ['handler', 'reviewer'], unitId: 'unit-mzj', department: '养老服务处', phone: '0531-86000003' },
  { id: 'user-reviewer', openid: 'demo-reviewer', name: '周强', roles: ['reviewer'], unitId: 'unit-fgw', department: '综合处', phone: '0531-86000004' },
  { id: 'user-leader', openid: 'demo-leader', name: '吴国栋', roles: ['leader'], unitId: 'unit-fgw', phone: '0531-86000005' },
  { id: 'user-coordinator', openid: 'demo-coordinator', name: '郑晓燕', roles: ['coordinator'], phone: '0531-86000006' },
  { id: 'user-admin', openid: 'demo-admin', name: '系统管理员', roles: ['admin'] },
];

/** The demo users a dev login page offers, one of each role. */
export const DEMO_LOGINS: DemoLogin[] = DEMO_USERS.filter((u) => u.openid).map((u) => ({
  openid: u.openid!,
  name: u.name,
  roleLabel:
    u.roles.map((r) => ROLE_LABELS[r]).join('、') + (u.unitId ? `（${DEMO_UNITS.find((x) => x.id === u.unitId)?.name}）` : ''),
}));

const DAY = 86_400_000;
const daysBefore = (now: string, days: number) => new Date(Date.parse(now) - days * DAY).toISOString();

interface DemoTask {
  unitId: string;
  role: UnitRole;
  state: TaskState;
  requirements?: string;
}

interface DemoSuggestion {
  id: string;
  number: string;
  title: string;
  content: string;
  leadDeputyId: string;
  coSignerIds: string[];
  phase: 'session' | 'recess';
  tags: string[];
  keySupervised?: boolean;
  assignedDaysAgo?: number;
  tasks: DemoTask[];
}

const SESSION = '十八届二次';

const SUGGESTIONS: DemoSuggestion[] = [
  {
    id: 'sug-charging',
    number: '1001',
    title: '关于加快推进电动汽车充电桩配置的建议',
    content: '建议加快老旧小区和公共停车场充电桩建设，统一充电平台监管，落实建设运营补贴，方便群众绿色出行。',
    leadDeputyId: 'user-deputy-wang',
    coSignerIds: ['user-deputy-li'],
    phase: 'session',
    tags: ['新能源汽车', '基础设施'],
    keySupervised: true,
    assignedDaysAgo: 40,
    tasks: [
      { unitId: 'unit-fgw', role: 'lead', state: 'handling', requirements: '会同交通、住建部门研究充电设施布局，面复代表。' },
      { unitId: 'unit-jtj', role: 'co', state: 'opinionSent' },
      { unitId: 'unit-zjj', role: 'co', state: 'handling' },
    ],
  },
  {
    id: 'sug-yellow-river',
    number: '1002',
    title: '关于建立黄河滩区长期保障机制的建议',
    content: '建议建立黄河滩区迁建后续发展长效机制，加大产业扶持和基础设施投入，保障滩区群众生产生活。',
    leadDeputyId: 'user-deputy-li',
    coSignerIds: ['user-deputy-wang', 'user-deputy-zhang'],
    phase: 'session',
    tags: ['黄河流域', '乡村振兴'],
    assignedDaysAgo: 75,
    tasks: [
      { unitId: 'unit-fgw', role: 'split', state: 'replied' },
      { unitId: 'unit-slj', role: 'split', state: 'handling' },
    ],
  },
  {
    id: 'sug-elderly-care',
    number: '1003',
    title: '关于加快普惠性养老托育服务体系建设的建议',
    content: '建议扩大普惠性养老托育服务供给，完善社区嵌入式服务设施，减轻年轻家庭负担，进一步解放年轻劳动力。',
    leadDeputyId: 'user-deputy-wang',
    coSignerIds: [],
    phase: 'session',
    tags: ['养老托育', '民生'],
    assignedDaysAgo: 50,
    tasks: [{ unitId: 'unit-fgw', role: 'sole', state: 'inReview' }],
  },
  {
    id: 'sug-community-care',
    number: '1004',
    title: '关于构建以社区为基础的养老及托育模式的建议',
    content: '建议以社区为依托统筹建设养老托育设施，推动“一老一小”服务就近便利。',
    leadDeputyId: 'user-deputy-chen',
    coSignerIds: ['user-deputy-li'],
    phase: 'session',
    tags: ['养老托育'],
    assignedDaysAgo: 2,
    tasks: [
      { unitId: 'unit-mzj', role: 'lead', state: 'handling' },
      { unitId: 'unit-fgw', role: 'co', state: 'handling' },
    ],
  },
  {
    id: 'sug-nev',
    number: '1005',
    title: '关于加快新能源汽车推广普及的建议',
    content: '建议完善新能源汽车推广政策体系、平台监管体系和产业扶持政策，推动新能源汽车全链条发展。',
    leadDeputyId: 'user-deputy-wang',
    coSignerIds: [],
    phase: 'session',
    tags: ['新能源汽车'],
    assignedDaysAgo: 100,
    tasks: [{ unitId: 'unit-fgw', role: 'sole', state: 'closed' }],
  },
  {
    id: 'sug-childcare',
    number: '1006',
    title: '关于加强托育发展助力消费升级的建议',
    content: '建议出台托育机构建设补助政策，培育托育服务市场，带动相关消费。',
    leadDeputyId: 'user-deputy-zhang',
    coSignerIds: ['user-deputy-wang'],
    phase: 'session',
    tags: ['养老托育', '消费'],
    assignedDaysAgo: 60,
    tasks: [{ unitId: 'unit-fgw', role: 'sole', state: 'awaitingSignature' }],
  },
  {
    id: 'sug-floodplain',
    number: '1007',
    title: '关于改善黄河滩区群众生产生活条件的建议',
    content: '建议加快滩区道路、供水和产业配套建设，提升群众生活品质。',
    leadDeputyId: 'user-deputy-zhang',
    coSignerIds: [],
    phase: 'recess',
    tags: ['黄河流域'],
    tasks: [],
  },
  {
    id: 'sug-bus',
    number: '1008',
    title: '关于优化公交线网接驳地铁站点的建议',
    content: '建议优化公交线路与地铁站点接驳，增设微循环公交，缩短换乘距离。',
    leadDeputyId: 'user-deputy-li',
    coSignerIds: [],
    phase: 'session',
    tags: ['公共交通'],
    assignedDaysAgo: 1,
    tasks: [{ unitId: 'unit-jtj', role: 'sole', state: 'assigned' }],
  },
  {
    // Waiting to be claimed at 市发展改革委: a new user can follow one suggestion from claim to rating
    // with the demo handler, reviewer, leader and deputy.
    id: 'sug-canteen',
    number: '1009',
    title: '关于推进社区老年食堂建设的建议',
    content: '建议在老旧小区推广社区老年食堂，统筹场地、补贴和运营，解决老年人就餐难。',
    leadDeputyId: 'user-deputy-wang',
    coSignerIds: [],
    phase: 'recess',
    tags: ['养老服务'],
    assignedDaysAgo: 2,
    tasks: [{ unitId: 'unit-fgw', role: 'sole', state: 'assigned' }],
  },
];

const RESPONSIBLE: Record<string, string> = {
  'unit-fgw': 'user-handler',
  'unit-jtj': 'user-handler-co',
  'unit-mzj': 'user-handler-mzj',
};

const DEMO_OFFICE = {
  id: 'office' as const,
  name: '市人民政府办公室',
  reportTo: '市人大常委会',
  letterCc: ['市人大常委会代表工作机构', '市政府办公室'],
};

const LEADER_CONTACT = { name: '吴国栋', phone: '0531-86000005' };
const HANDLER_CONTACT = { name: '刘洋', phone: '0531-86000001' };

/** Loads the demo data once; returns false (and changes nothing) when it is already there. */
export async function seedDemo(store: Store, now: string, policy: DeadlinePolicy = SHANDONG_POLICY): Promise<boolean> {
  if (await store.get('users', 'user-coordinator')) return false;
  await store.transaction(async (tx) => {
    if (await tx.get('users', 'user-coordinator')) return;
    const events: AuditEvent[] = [];
    const record = (entity: AuditEvent['entity'], entityId: string, suggestionId?: string, to?: string) =>
      events.push({
        id: `demo-event-${events.length + 1}`,
        at: now,
        actorId: 'system',
        action: 'demo.seed',
        entity,
        entityId,
        ...(suggestionId ? { suggestionId } : {}),
        ...(to ? { to } : {}),
      });

    for (const unit of DEMO_UNITS) {
      tx.insert('units', unit);
      record('unit', unit.id);
    }
    // The demo deployment's own name and what its papers carry (docs/papers.md).
    tx.insert('settings', { ...DEMO_OFFICE, updatedAt: now, updatedBy: 'system', version: 1 });
    record('settings', DEMO_OFFICE.id);
    for (const u of DEMO_USERS) {
      const user: User = { ...u, createdAt: now, version: 1 };
      tx.insert('users', user);
      record('user', user.id);
    }
    for (const demo of SUGGESTIONS) {
      seedSuggestion(tx, demo, now, policy, record);
    }
    for (const e of events) tx.appendEvent(e);
  });
  return true;
}

type Record_ = (entity: AuditEvent['entity'], entityId: string, suggestionId?: string, to?: string) => void;

function seedSuggestion(tx: Tx, demo: DemoSuggestion, now: string, policy: DeadlinePolicy, record: Record_) {
  const createdAt = daysBefore(now, (demo.assignedDaysAgo ?? 3) + 5);
  const assignedAt = demo.assignedDaysAgo !== undefined ? daysBefore(now, demo.assignedDaysAgo) : undefined;
  const deputy = DEMO_USERS.find((u) => u.id === demo.leadDeputyId);
  const suggestion: Suggestion = {
    id: demo.id,
    number: demo.number,
    title: demo.title,
    content: demo.content,
    leadDeputyId: demo.leadDeputyId,
    coSignerIds: demo.coSignerIds,
    delegation: deputy?.delegation ?? '',
    session: SESSION,
    phase: demo.phase,
    tags: demo.tags,
    keySupervised: demo.keySupervised ?? false,
    createdAt,
    ...(assignedAt ? { assignedAt } : {}),
    version: 1,
  };
  if (demo.tasks.some((t) => t.state === 'closed')) {
    suggestion.disclosure = { mode: 'full', decidedAt: daysBefore(now, 5), decidedBy: 'user-coordinator' };
  }
  tx.insert('suggestions', suggestion);
  record('suggestion', suggestion.id, suggestion.id);

  demo.tasks.forEach((spec, index) => {
    if (!assignedAt) return;
    const task = demoTask(demo, spec, index, assignedAt, now, policy);
    tx.insert('tasks', task);
    record('task', task.id, suggestion.id, task.state);
    seedTaskRecords(tx, demo, task, now, record);
  });
}

function demoTask(demo: DemoSuggestion, spec: DemoTask, index: number, assignedAt: string, now: string, policy: DeadlinePolicy): Task {
  const started = spec.state !== 'assigned';
  const between = (fraction: number) => new Date(Date.parse(assignedAt) + (Date.parse(now) - Date.parse(assignedAt)) * fraction).toISOString();
  const reached = (...states: TaskState[]) => states.includes(spec.state);
  const task: Task = {
    id: `${demo.id}-task-${index + 1}`,
    suggestionId: demo.id,
    unitId: spec.unitId,
    role: spec.role,
    ...(spec.requirements ? { requirements: spec.requirements } : {}),
    state: spec.state,
    round: 1,
    assignedAt,
    due: computeDue(spec.role, assignedAt, policy),
    updatedAt: between(0.9),
    version: 1,
  };
  if (started) {
    task.responsibleUserId = RESPONSIBLE[spec.unitId] ?? 'user-handler';
    task.claimedAt = between(0.1);
  }
  if (reached('inReview', 'awaitingSignature', 'replied', 'closed')) task.submittedAt = between(0.5);
  if (reached('awaitingSignature', 'replied', 'closed')) task.approvedAt = between(0.6);
  if (reached('replied', 'closed')) {
    task.repliedAt = between(0.7);
    task.firstRepliedAt = task.repliedAt;
  }
  if (reached('closed')) task.closedAt = between(0.8);
  if (reached('opinionSent')) task.opinionSentAt = between(0.4);
  return task;
}

function seedTaskRecords(tx: Tx, demo: DemoSuggestion, task: Task, now: string, record: Record_) {
  const at = (field: keyof Task) => (task[field] as string | undefined) ?? now;
  if (task.state === 'opinionSent') {
    const opinion: Opinion = {
      id: `${task.id}-opinion`,
      taskId: task.id,
      suggestionId: demo.id,
      text: '我局支持在公交场站和枢纽配建公共充电设施，已将充电桩布局纳入场站改造计划。',
      contact: { name: '赵敏', phone: '0531-86000002' },
      createdBy: 'user-handler-co',
      createdAt: at('opinionSentAt'),
    };
    tx.insert('opinions', opinion);
    record('opinion', opinion.id, demo.id);
  }
  const drafted = ['inReview', 'awaitingSignature', 'replied', 'closed'].includes(task.state);
  if (!drafted) return;

  const contact: Contact = {
    id: `${task.id}-contact`,
    taskId: task.id,
    suggestionId: demo.id,
    at: at('claimedAt'),
    mode: 'meeting',
    place: '市发展改革委会议室',
    people: '代表本人；承办处室负责同志',
    notes: '当面了解建议背景，介绍已开展的工作和下一步打算，代表表示认可。',
    faceToFace: true,
    ...(task.state === 'replied' || task.state === 'closed' ? { deputyConfirmedAt: at('submittedAt') } : {}),
    createdBy: task.responsibleUserId ?? 'user-handler',
    createdAt: at('claimedAt'),
  };
  tx.insert('contacts', contact);
  record('contact', contact.id, demo.id);

  const signed = task.state === 'replied' || task.state === 'closed';
  const replyClass = demo.id === 'sug-yellow-river' ? 'B' : 'A';
  const reply: Reply = {
    id: `${task.id}-reply-1`,
    taskId: task.id,
    suggestionId: demo.id,
    round: 1,
    class: replyClass,
    text: `${demo.title.replace(/^关于/, '您提出的“').replace(/的建议$/, '')}”的建议收悉。经认真研究，现答复如下：一、已将相关工作纳入年度重点任务；二、会同有关部门细化措施、明确责任；三、持续跟踪落实并及时向您反馈。感谢您对我市发展改革工作的关心和支持。`,
    leaderContact: LEADER_CONTACT,
    handlerContact: HANDLER_CONTACT,
    coOpinionIds: [],
    reviews: ['awaitingSignature', 'replied', 'closed'].includes(task.state)
      ? [{ by: 'user-reviewer', at: at('approvedAt'), decision: 'approve' }]
      : [],
    ...(signed ? { signerId: 'user-leader', signedAt: at('repliedAt') } : {}),
    createdBy: task.responsibleUserId ?? 'user-handler',
    createdAt: at('claimedAt'),
    updatedAt: at('submittedAt'),
    version: 1,
  };
  tx.insert('replies', reply);
  record('reply', reply.id, demo.id);

  if (signed && replyClass === 'B') {
    const commitment: Commitment = {
      id: `${reply.id}-commitment`,
      replyId: reply.id,
      taskId: task.id,
      suggestionId: demo.id,
      promise: '编制滩区迁建后续发展规划，争取年内出台产业扶持政策。',
      targetDate: shanghaiDate(new Date(Date.parse(now) + 120 * DAY).toISOString()),
      progress: [],
    };
    tx.insert('commitments', commitment);
    record('commitment', commitment.id, demo.id);
  }
  if (task.state === 'closed') {
    const feedback: Feedback = {
      id: `${task.id}-feedback-1`,
      replyId: reply.id,
      taskId: task.id,
      suggestionId: demo.id,
      round: 1,
      deputyId: demo.leadDeputyId,
      attitude: 'satisfied',
      result: 'satisfied',
      at: at('closedAt'),
    };
    tx.insert('feedback', feedback);
    record('feedback', feedback.id, demo.id);
  }
}
