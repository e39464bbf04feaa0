// suggestions.import: the 交办清单 from CSV and .xlsx, all or nothing, and a re-import changes nothing;
// on SQLite and on the CloudBase adapter against the emulator.
import type { ImportSuggestionsResult } from '../../../src/contract';
import { shanghaiStartOfDay } from '../../../src/core/calendar';
import { computeDue } from '../../../src/core/deadlines';
import { SHANDONG_POLICY } from '../../../src/core/policy';
import { csvFile, HEADER, THREE_ROWS, xlsxFile } from './fixture';
import { closeStores, openOfficeOn, STORE_KINDS, type OfficeOn } from './stores';

/** THREE_ROWS name two deputies the roster does not have: registered as new, as the coordinator decides. */
const NEW_DEPUTIES = [
  { name: '张新民', create: true },
  { name: '赵海燕', create: true },
];
afterAll(() => closeStores());

/** What the store holds after an import, by 建议号: the suggestion and its units with roles and due dates. */
async function imported(office: OfficeOn) {
  const [suggestions, tasks, users, units] = await Promise.all([
    office.store.find('suggestions'),
    office.store.find('tasks'),
    office.store.find('users'),
    office.store.find('units'),
  ]);
  const name = (id: string) => users.find((u) => u.id === id)?.name;
  const unitName = (id: string) => units.find((u) => u.id === id)?.name;
  return Object.fromEntries(
    suggestions.map((s) => [
      s.number,
      {
        title: s.title,
        content: s.content,
        session: s.session,
        phase: s.phase,
        delegation: s.delegation,
        keySupervised: s.keySupervised,
        assignedAt: s.assignedAt,
        lead: name(s.leadDeputyId),
        coSigners: s.coSignerIds.map(name),
        tasks: tasks
          .filter((t) => t.suggestionId === s.id)
          .map((t) => ({ unit: unitName(t.unitId), role: t.role, state: t.state, assignedAt: t.assignedAt, due: t.due }))
          .sort((a, b) => `${a.role}${a.unit}`.localeCompare(`${b.role}${b.unit}`)),
      },
    ]),
  );
}

describe.each(STORE_KINDS)('importing a 交办清单 (%s)', (kind) => {
  let office: OfficeOn;
  beforeEach(async () => {
    office = await openOfficeOn(kind);
  });
  afterEach(() => office.close());

  it('creates three suggestions from a CSV and assigns their units with their roles and due dates', async () => {
    const result = await office.ok<ImportSuggestionsResult>('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', csvFile(THREE_ROWS)), format: 'csv', decisions: NEW_DEPUTIES });
    expect(result).toEqual({ created: 3, unchanged: 0, numbers: ['2024001', '2024002', '2024003'], remaining: 0 });

    const byNumber = await imported(office);
    const march1 = shanghaiStartOfDay('2024-03-01');
    expect(byNumber['2024001']).toMatchObject({
      title: '关于加快充电桩建设的建议',
      session: '十八届三次',
      phase: 'session',
      delegation: '历下区代表团',
      keySupervised: true,
      assignedAt: march1,
      lead: '王建华',
      coSigners: ['李秀英', '张新民'],
    });
    expect(byNumber['2024001']!.tasks).toEqual([
      { unit: '市交通运输局', role: 'co', state: 'assigned', assignedAt: march1, due: computeDue('co', march1, SHANDONG_POLICY) },
      { unit: '市住房城乡建设局', role: 'co', state: 'assigned', assignedAt: march1, due: computeDue('co', march1, SHANDONG_POLICY) },
      { unit: '市发展改革委', role: 'lead', state: 'assigned', assignedAt: march1, due: computeDue('lead', march1, SHANDONG_POLICY) },
    ]);
    expect(byNumber['2024001']!.tasks[0]!.due).toMatchObject({ reply: '2024-06-01', coOpinion: '2024-04-01' });
    expect(byNumber['2024002']!.tasks.map((t) => [t.unit, t.role])).toEqual([
      ['市发展改革委', 'split'],
      ['市水务局', 'split'],
    ]);
    expect(byNumber['2024002']!.content).toBe('建议建立滩区长效保障机制，"产业扶持"与基础设施并重，\n分步实施。');
    expect(byNumber['2024003']).toMatchObject({ phase: 'recess', lead: '赵海燕', tasks: [{ unit: '市民政局', role: 'sole' }] });
  });

  it('matches registered deputies and registers the unknown names as new deputies of their 代表团 when told to', async () => {
    await office.ok('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', csvFile(THREE_ROWS)), format: 'csv', decisions: NEW_DEPUTIES });
    const deputies = await office.store.find('users', { where: { roles: 'deputy' } });
    expect(deputies.filter((d) => d.name === '王建华').map((d) => d.id)).toEqual(['deputy-wang']);
    expect(deputies.filter((d) => d.name === '李秀英').map((d) => d.id)).toEqual(['deputy-li']);
    const newcomer = deputies.find((d) => d.name === '赵海燕');
    expect(newcomer).toMatchObject({ roles: ['deputy'], delegation: '天桥区代表团' });
    expect(newcomer?.openid).toBeUndefined();
    expect(deputies.filter((d) => d.name === '张新民')).toHaveLength(1);
  });

  it('reads a real .xlsx exactly as the same list in CSV', async () => {
    await office.ok('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', csvFile(THREE_ROWS)), format: 'csv', decisions: NEW_DEPUTIES });
    const fromCsv = await imported(office);
    await office.close();
    office = await openOfficeOn(kind);
    const result = await office.ok<ImportSuggestionsResult>('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', await xlsxFile(THREE_ROWS)), format: 'xlsx', decisions: NEW_DEPUTIES });
    expect(result).toEqual({ created: 3, unchanged: 0, numbers: ['2024001', '2024002', '2024003'], remaining: 0 });
    expect(await imported(office)).toEqual(fromCsv);
  });

  it('writes every suggestion, task and new deputy with an audit event', async () => {
    await office.ok('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', csvFile(THREE_ROWS)), format: 'csv', decisions: NEW_DEPUTIES });
    const suggestions = await office.store.find('suggestions');
    for (const s of suggestions) {
      const events = await office.store.events({ suggestionId: s.id });
      const tasks = await office.store.find('tasks', { where: { suggestionId: s.id } });
      expect(events.every((e) => e.actorId === 'coordinator' && e.action === 'suggestions.import')).toBe(true);
      expect(events.filter((e) => e.entity === 'task').map((e) => e.entityId).sort()).toEqual(tasks.map((t) => t.id).sort());
    }
  });

  it('changes nothing when the same file is imported again, and says the rows were there already', async () => {
    const fileID = await office.upload('coordinator', csvFile(THREE_ROWS));
    await office.ok('coordinator', 'suggestions.import', { fileID, format: 'csv', decisions: NEW_DEPUTIES });
    const before = office.dump();
    const again = await office.ok<ImportSuggestionsResult>('coordinator', 'suggestions.import', { fileID, format: 'csv', decisions: NEW_DEPUTIES });
    expect(again).toEqual({ created: 0, unchanged: 3, numbers: [], remaining: 0 });
    const asXlsx = await office.ok<ImportSuggestionsResult>('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', await xlsxFile(THREE_ROWS)), format: 'xlsx', decisions: NEW_DEPUTIES });
    expect(asXlsx).toMatchObject({ created: 0, unchanged: 3 });
    expect(office.dump()).toBe(before);
  });

  it('adds only the new rows of a longer list', async () => {
    await office.ok('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', csvFile(THREE_ROWS.slice(0, 2))), format: 'csv', decisions: [NEW_DEPUTIES[0]!] });
    const result = await office.ok<ImportSuggestionsResult>('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', csvFile(THREE_ROWS)), format: 'csv', decisions: NEW_DEPUTIES });
    expect(result).toEqual({ created: 1, unchanged: 2, numbers: ['2024003'], remaining: 0 });
    expect(await office.store.count('suggestions')).toBe(3);
  });

  it('reports every bad row with its row number and reason, and writes nothing of the file', async () => {
    const rows = [
      THREE_ROWS[0]!,
      ['2024002', '关于黄河滩区保障的建议', '内容', '李秀英', '', '章丘区代表团', '十八届三次', '会期', '', '', '市发展改革委、市交通局', '2024-03-01', '否'],
      ['2024003', '关于社区养老服务的建议', '内容', '赵海燕', '', '天桥区代表团', '十八届三次', '大会以后', '市民政局', '', '', '2024-03-05', '否'],
      ['2024004', '关于公交接驳的建议', '内容', '王建华', '', '历下区代表团', '十八届三次', '会期', '市交通运输局', '', '', '2024-02-30', '否'],
      ['', '没有建议号的建议', '内容', '王建华', '', '历下区代表团', '十八届三次', '会期', '市交通运输局', '', '', '2024-03-01', '否'],
      ['2024006', '主办与分办混用', '内容', '王建华', '', '历下区代表团', '十八届三次', '会期', '市交通运输局', '', '市水务局', '2024-03-01', '否'],
    ];
    const before = office.dump();
    const response = await office.call('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', csvFile(rows)), format: 'csv' });
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('VALIDATION');
    const message = response.error.message;
    expect(message).not.toMatch(/第2行/);
    // A unit no unit on the roster has is not a bad row: it is asked about once every row is sound (import-units.test.ts).
    expect(message).not.toMatch(/第3行/);
    expect(message).toMatch(/第4行[^；]*提出阶段/);
    expect(message).toMatch(/第5行[^；]*交办日期/);
    expect(message).toMatch(/第6行[^；]*建议号/);
    expect(message).toMatch(/第7行/);
    expect(office.dump()).toBe(before);
  });

  it('refuses a 建议号 already used in the session for a different suggestion', async () => {
    await office.ok('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', csvFile(THREE_ROWS)), format: 'csv', decisions: NEW_DEPUTIES });
    const changed = [['2024001', '另一件建议', '另一内容', '王建华', '', '历下区代表团', '十八届三次', '会期', '市发展改革委', '', '', '2024-03-01', '否']];
    const before = office.dump();
    const response = await office.call('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', csvFile(changed)), format: 'csv' });
    expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/第2行.*2024001/) } });
    expect(office.dump()).toBe(before);
  });

  it('refuses the same 建议号 twice in one file', async () => {
    const response = await office.call('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', csvFile([THREE_ROWS[0]!, THREE_ROWS[0]!])), format: 'csv' });
    expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/第3行/) } });
    expect(await office.store.count('suggestions')).toBe(0);
  });

  it('refuses a file without the required headers', async () => {
    const header = HEADER.filter((h) => h !== '届次');
    const rows = THREE_ROWS.map((row) => row.filter((_, i) => HEADER[i] !== '届次'));
    const response = await office.call('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', csvFile(rows, header)), format: 'csv' });
    expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('届次') } });
    expect(await office.store.count('suggestions')).toBe(0);
  });

  it('lets only the 联络员 import', async () => {
    const before = office.dump();
    const data = { fileID: await office.upload('coordinator', csvFile(THREE_ROWS)), format: 'csv', decisions: NEW_DEPUTIES };
    for (const openid of ['handler-fgw', 'reviewer-mzj', 'leader-mzj', 'deputy-wang']) {
      expect(await office.call(openid, 'suggestions.import', data)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await office.call(undefined, 'suggestions.import', data)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await office.call('somebody-unbound', 'suggestions.import', data)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(office.dump()).toBe(before);
  });

  it('answers a bad payload with VALIDATION and changes nothing', async () => {
    const before = office.dump();
    const payloads: unknown[] = [
      undefined,
      {},
      { fileID: await office.upload('coordinator', csvFile(THREE_ROWS)) },
      { fileID: await office.upload('coordinator', csvFile(THREE_ROWS)), format: 'pdf' },
      { file: csvFile(THREE_ROWS).toString('base64'), format: 'csv' }, // the file inside the call: no longer taken
      { fileID: 42, format: 'csv' },
      { fileID: '', format: 'csv' },
      { fileID: await office.upload('coordinator', csvFile(THREE_ROWS)), format: 'xlsx' },
      { fileID: await office.upload('coordinator', Buffer.from('PK\u0003\u0004 not really a zip')), format: 'xlsx' },
      { fileID: await office.upload('coordinator', Buffer.from('建议号\r\n')), format: 'csv' },
      { fileID: await office.upload('coordinator', Buffer.alloc(0)), format: 'csv' },
    ];
    for (const data of payloads) {
      const response = await office.call('coordinator', 'suggestions.import', data);
      expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    }
    // A file that is not there, or is another person's upload (a 联络员's colleague), is not found for the caller.
    const theirs = await office.upload('admin', csvFile(THREE_ROWS));
    for (const fileID of [theirs, `${theirs.replace(/\.csv$/, '')}0.csv`, (await office.upload('coordinator', csvFile(THREE_ROWS))).replace(/\.csv$/, 'x.csv')]) {
      expect(await office.call('coordinator', 'suggestions.import', { fileID, format: 'csv', decisions: NEW_DEPUTIES })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', message: '没有找到您上传的文件，请重新选择文件上传' },
      });
    }
    expect(office.dump()).toBe(before);
  });

  it('answers a repeated requestId with the first result and imports nothing twice', async () => {
    const data = { fileID: await office.upload('coordinator', csvFile(THREE_ROWS)), format: 'csv', decisions: NEW_DEPUTIES };
    const first = await office.call('coordinator', 'suggestions.import', data, 'req-import-1');
    const before = office.dump();
    const second = await office.call('coordinator', 'suggestions.import', data, 'req-import-1');
    expect(second).toEqual(first);
    expect(first).toMatchObject({ ok: true, data: { created: 3 } });
    expect(office.dump()).toBe(before);
  });
});
