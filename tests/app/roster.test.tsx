import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { UserView } from '../../src/contract';
import { RosterView } from '../../src/pages/roster/index';
import { PersonView } from '../../src/pages/roster/person';
import { spokenGroups } from '../../src/pages/roster/person/bind-code';
import { DeputyImportView } from '../../src/pages/roster/import';
import { SetupView } from '../../src/pages/roster/setup';
import { HomeView } from '../../src/pages/index';
import { fail, installFakeServer, ok, type FakeServer } from './fake-server';
import { choose, tap, typeInto } from './form-helpers';

let server: FakeServer;
beforeEach(() => {
  server = installFakeServer();
});

const person = (id: string, name: string, extra: Partial<UserView> = {}): UserView => ({
  id,
  name,
  roles: ['deputy'],
  roleLabels: ['代表'],
  bound: false,
  version: 1,
  ...extra,
});
const UNITS = [
  { id: 'u1', name: '市发展改革委', departments: ['综合处'] },
  { id: 'u2', name: '市交通运输局', departments: [] },
];

describe('the roster', () => {
  it('lists people with their roles and binding, filters by role on the server and by name on the page', async () => {
    server.on('users.list', (req) =>
      ok({
        items: (req.data as { role?: string }).role === 'handler'
          ? [person('h1', '刘洋', { roles: ['handler'], roleLabels: ['承办人'], unitName: '市发展改革委', bound: true })]
          : [person('d1', '王建华', { delegation: '历下区代表团' }), person('d2', '李秀英'), person('h1', '刘洋', { roles: ['handler'], roleLabels: ['承办人'], bound: true })],
      }),
    );
    render(<RosterView />);
    expect(await screen.findByText('共3人，其中未绑定2人')).toBeTruthy();
    expect(document.getElementById('person-d1')!.textContent).toContain('代表 · 历下区代表团');
    expect(document.getElementById('person-h1')!.textContent).toContain('已绑定');
    await typeInto('roster-search', '李');
    expect(await screen.findByText('共1人，其中未绑定1人')).toBeTruthy();
    await typeInto('roster-search', '');
    choose('roster-role-handler');
    await waitFor(() => expect(server.callsOf('users.list').at(-1)!.data).toEqual({ role: 'handler' }));
    expect(await screen.findByText('共1人，其中未绑定0人')).toBeTruthy();
  });

  it('adds a unit with its departments and shows it in the list', async () => {
    let units = [...UNITS];
    server.on('users.list', ok({ items: [] }));
    server.on('units.list', () => ok({ items: units }));
    server.on('units.upsert', (req) => {
      const data = req.data as { name: string; departments: string[] };
      const unit = { id: 'u3', ...data };
      units = [...units, unit];
      return ok(unit);
    });
    render(<RosterView />);
    choose('roster-tab-units');
    expect(await screen.findByText('共2个单位')).toBeTruthy();
    choose('unit-submit');
    expect(await screen.findByText('请填写单位名称')).toBeTruthy();
    await typeInto('unit-name', '市民政局');
    await typeInto('unit-departments', '养老服务处、社会救助处');
    choose('unit-submit');
    expect(await screen.findByText('已新增单位：市民政局')).toBeTruthy();
    expect(server.callsOf('units.upsert')[0]!.data).toEqual({ name: '市民政局', departments: ['养老服务处', '社会救助处'] });
    expect(await screen.findByText('共3个单位')).toBeTruthy();
  });

  it('opens a unit to correct its name and 处室, saved with its id', async () => {
    let units = [{ id: 'u1', name: '市民证局', departments: ['综合处'] }];
    server.on('users.list', ok({ items: [] }));
    server.on('units.list', () => ok({ items: units }));
    server.on('units.upsert', (req) => {
      const data = req.data as { id: string; name: string; departments: string[] };
      units = [{ ...data }];
      return ok(data);
    });
    render(<RosterView />);
    choose('roster-tab-units');
    expect(await screen.findByText('市民证局')).toBeTruthy();
    choose('unit-open-u1');
    await waitFor(() => expect((document.querySelector('#unit-edit-u1-name input') as HTMLInputElement | null)?.value).toBe('市民证局'));
    await typeInto('unit-edit-u1-name', '市民政局');
    choose('unit-edit-u1-submit');
    expect(await screen.findByText('已保存单位：市民政局')).toBeTruthy();
    expect(server.callsOf('units.upsert')[0]!.data).toEqual({ id: 'u1', name: '市民政局', departments: ['综合处'] });
    await waitFor(() => expect(document.querySelector('#unit-u1 .card-title')!.textContent).toBe('市民政局'));
    expect(document.getElementById('unit-edit-u1')).toBeNull();
  });

  it('keeps the deployment’s name, the summary’s 主送 and the letters’ 抄送 under 本机关, saved with the version read', async () => {
    server.on('users.list', ok({ items: [] }));
    let settings = { name: '', letterCc: [] as string[], letterToCoSigners: false, letterPublicity: 'onRequest', version: 0 };
    server.on('office.settings', () => ok(settings));
    server.on('office.update', (req) => {
      const data = req.data as { name: string; reportTo?: string; letterCc: string[]; version: number };
      settings = { ...settings, name: data.name, letterCc: data.letterCc, ...(data.reportTo ? { reportTo: data.reportTo } : {}), version: data.version + 1 };
      return ok(settings);
    });
    render(<RosterView />);
    choose('roster-tab-office');
    await screen.findByText('本机关名称（年度报告以此署名）');
    choose('office-submit');
    expect(await screen.findByText('请填写本机关名称')).toBeTruthy();
    expect(server.callsOf('office.update')).toEqual([]);
    await typeInto('office-name', '市人民政府办公室');
    await typeInto('office-report-to', '市人大常委会');
    await typeInto('office-cc', '市人大常委会代表工作机构、市政府办公室');
    choose('office-submit');
    expect(await screen.findByText('已保存本机关设置')).toBeTruthy();
    expect(server.callsOf('office.update')[0]!.data).toEqual({ name: '市人民政府办公室', reportTo: '市人大常委会', letterCc: ['市人大常委会代表工作机构', '市政府办公室'], version: 0 });
  });

  it('registers a person with roles and a unit, then issues a bind code shown in groups and as a QR code', async () => {
    server.on('units.list', ok({ items: UNITS }));
    server.on('users.list', ok({ items: [] }));
    server.on('users.upsert', (req) => ok(person('n1', (req.data as { name: string }).name, { roles: ['handler'], roleLabels: ['承办人'], unitId: 'u1' })));
    server.on('users.issueBindCode', ok({ code: '84061937', expiresAt: '2026-12-08T02:00:00.000Z' }));
    render(<PersonView id="" />);
    await screen.findByText('新增人员', { selector: '.section-title' });
    choose('person-save');
    expect(await screen.findByText('请填写姓名')).toBeTruthy();
    await typeInto('person-name', '周敏');
    choose('person-save');
    expect(await screen.findByText('请至少选择一个角色')).toBeTruthy();
    choose('person-role-handler');
    const picker = document.getElementById('person-unit')!.closest('taro-picker-core')!;
    picker.dispatchEvent(new CustomEvent('change', { detail: { value: 1 }, bubbles: true }));
    await screen.findByText('市发展改革委 ▾');
    await typeInto('person-phone', '0531-86000009');
    choose('person-save');
    await waitFor(() => expect(server.callsOf('users.upsert')).toHaveLength(1));
    expect(server.callsOf('users.upsert')[0]!.data).toEqual({ name: '周敏', roles: ['handler'], unitId: 'u1', phone: '0531-86000009' });
    await screen.findByText('周敏', { selector: '.section-title' });
    tap('发放绑定码');
    expect(await screen.findByText('周敏的绑定码')).toBeTruthy();
    expect(server.callsOf('users.issueBindCode')[0]!.data).toEqual({ userId: 'n1' });
    expect(Array.from(document.querySelectorAll('.bind-code-group')).map((g) => g.textContent)).toEqual(['8406', '1937']);
    expect(document.getElementById('bind-code')!.textContent).toContain('有效期至2026-12-08 10:00');
    expect(document.querySelector('#bind-code-qr img, img#bind-code-qr, #bind-code-qr')!.outerHTML).toContain('data:image/gif;base64,');
  });

  it('shows the server refusal when a coordinator sets a role only the admin may set', async () => {
    server.on('units.list', ok({ items: UNITS }));
    server.on('users.list', ok({ items: [person('d1', '王建华')] }));
    server.on('users.upsert', fail('FORBIDDEN', '只有管理员可以设置联络员或管理员'));
    render(<PersonView id="d1" />);
    await screen.findByText('王建华', { selector: '.section-title' });
    choose('person-role-admin');
    choose('person-save');
    expect(await screen.findByText('只有管理员可以设置联络员或管理员')).toBeTruthy();
    expect(server.callsOf('users.upsert')[0]!.data).toMatchObject({ id: 'd1', version: 1, roles: ['deputy', 'admin'] });
  });

  it('lists a person\'s codes not yet used and revokes one after asking', async () => {
    let open = [{ id: 'bc1', userId: 'd1', userName: '王建华', roleLabels: ['代表'], issuedByName: '郑晓燕', issuedAt: '2026-12-01T02:00:00.000Z', expiresAt: '2026-12-04T02:00:00.000Z' }];
    server.on('units.list', ok({ items: UNITS }));
    server.on('users.list', ok({ items: [person('d1', '王建华')] }));
    server.on('users.bindCodes', () => ok({ items: open }));
    server.on('users.revokeBindCode', () => {
      open = [];
      return ok({ id: 'bc1', revokedAt: '2026-12-01T03:00:00.000Z' });
    });
    render(<PersonView id="d1" />);
    expect(await screen.findByText('尚未使用的绑定码（1个）')).toBeTruthy();
    expect(document.getElementById('open-code-bc1')!.textContent).toContain('郑晓燕发放于2026-12-01 10:00，有效期至2026-12-04 10:00');
    choose('revoke-bc1');
    await waitFor(() => expect(server.callsOf('users.revokeBindCode')).toHaveLength(1));
    expect((Taro.showModal as unknown as jest.Mock).mock.calls[0][0]).toMatchObject({ title: '确认收回绑定码？' });
    expect(server.callsOf('users.revokeBindCode')[0]!.data).toEqual({ id: 'bc1' });
    await waitFor(() => expect(document.getElementById('open-codes')).toBeNull());
  });

  it('shows the identities locked for wrong bind codes and lifts one after asking', async () => {
    let locks = [{ id: 'openid:8f3a2c00000000000000000000000000', ref: '8F3A2C', failures: 6, lastFailureAt: '2026-12-01T02:00:00.000Z', lockedUntil: '2026-12-01T02:30:00.000Z' }];
    server.on('users.list', ok({ items: [person('d1', '王建华')] }));
    server.on('users.bindLocks', () => ok({ items: locks }));
    server.on('users.liftBindLock', () => {
      locks = [];
      return ok({ id: 'openid:8f3a2c00000000000000000000000000', liftedAt: '2026-12-01T02:05:00.000Z' });
    });
    render(<RosterView />);
    expect(await screen.findByText('因输错绑定码被锁定的微信（1个）')).toBeTruthy();
    expect(document.getElementById('bind-lock-8F3A2C')!.textContent).toContain('连续输错6次，最后一次在2026-12-01 10:00，锁定至2026-12-01 10:30');
    choose('lift-8F3A2C');
    await waitFor(() => expect(server.callsOf('users.liftBindLock')).toHaveLength(1));
    expect((Taro.showModal as unknown as jest.Mock).mock.calls[0][0]).toMatchObject({ title: '确认解除锁定 8F3A2C？' });
    expect(server.callsOf('users.liftBindLock')[0]!.data).toEqual({ id: 'openid:8f3a2c00000000000000000000000000' });
    await waitFor(() => expect(document.getElementById('bind-locks')).toBeNull());
  });

  it('groups a code for reading aloud, keeping separators the code already has', () => {
    expect(spokenGroups('84061937')).toEqual(['8406', '1937']);
    expect(spokenGroups('K7QM-2XH9-PD4R')).toEqual(['K7QM', '2XH9', 'PD4R']);
  });
});

describe('importing deputies', () => {
  it('sends the chosen file and says who was registered; a refusal lists the bad rows', async () => {
    server.on('users.import', ok({ created: 2, unchanged: 1, names: ['张立新', '陈静'] }));
    const pick = async () => ({ name: '代表名单.xlsx', fileID: 'uploads/x/list.xlsx' });
    render(<DeputyImportView pick={pick} />);
    tap('选择文件并导入');
    expect(await screen.findByText('新登记代表2人，已登记过（未变）1人：张立新、陈静')).toBeTruthy();
    expect(server.callsOf('users.import')[0]!.data).toEqual({ fileID: 'uploads/x/list.xlsx', format: 'xlsx' });
    server.on('users.import', fail('VALIDATION', '导入未完成，共1行有误，本次没有写入任何数据。第3行：「姓名」不能为空'));
    tap('选择文件并导入');
    expect(await screen.findByText(/第3行：「姓名」不能为空/)).toBeTruthy();
  });

  it('shows new names near registered ones before writing, and imports them only once confirmed', async () => {
    const answers = [
      ok({ created: 0, unchanged: 0, names: [], nearNames: [{ line: 2, name: '李秀珍', delegation: '章丘区代表团', near: [{ userId: 'u-li', name: '李秀英', delegation: '章丘区代表团' }] }] }),
      ok({ created: 1, unchanged: 0, names: ['李秀珍'] }),
    ];
    server.on('users.import', () => answers.shift()!);
    render(<DeputyImportView pick={async () => ({ name: '代表名单.csv', fileID: 'uploads/x/a.csv' })} />);
    tap('选择文件并导入');
    expect(await screen.findByText('第2行「李秀珍」（章丘区代表团）')).toBeTruthy();
    expect(document.getElementById('deputy-near-2')!.textContent!.replace(/\u200b/g, '')).toContain('名册中相近的代表：李秀英（章丘区代表团）');
    const modal = Taro.showModal as unknown as jest.Mock;
    modal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    tap('仍然全部导入');
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1));
    expect(modal.mock.calls[0][0]).toMatchObject({ title: '确认都是新代表？', content: expect.stringContaining('「李秀珍」登记为新的代表') });
    expect(server.callsOf('users.import')).toHaveLength(1);
    tap('仍然全部导入');
    expect(await screen.findByText('新登记代表1人，已登记过（未变）0人：李秀珍')).toBeTruthy();
    expect(server.callsOf('users.import')[1]!.data).toEqual({ fileID: 'uploads/x/a.csv', format: 'csv', confirmNear: true });
    expect(screen.queryByText('仍然全部导入')).toBeNull();
  });

  it('refuses a file of another kind before sending it', async () => {
    render(<DeputyImportView pick={async () => ({ name: '名单.doc', fileID: 'uploads/x/a.csv' })} />);
    tap('选择文件并导入');
    expect(await screen.findByText('请选择 .xlsx 或 .csv 格式的代表名单')).toBeTruthy();
    expect(server.callsOf('users.import')).toHaveLength(0);
  });
});

describe('the first administrator', () => {
  it('is offered on the home page of an empty deployment, and created with a name', async () => {
    server.on('me', ok({ user: null, bound: false, firstAdminOpen: true }));
    render(<HomeView />);
    expect(await screen.findByText('创建第一个管理员')).toBeTruthy();
    expect(screen.queryByText('查看公开的建议答复')).toBeNull();
  });

  it('sends the name and goes on when the server agrees', async () => {
    const done = jest.fn();
    server.on('me', ok({ bound: false, firstAdminOpen: true }));
    server.on('users.firstAdmin', ok({ bound: true, user: { id: 'a', name: '张主任', roles: ['admin'], roleLabels: ['系统管理员'] } }));
    render(<SetupView onDone={done} />);
    await screen.findByText('成为管理员');
    tap('成为管理员');
    expect(await screen.findByText('请填写您的姓名')).toBeTruthy();
    await typeInto('setup-name', '张主任');
    tap('成为管理员');
    expect(await screen.findByText('请填写本机关名称')).toBeTruthy();
    expect(server.callsOf('users.firstAdmin')).toEqual([]);
    await typeInto('setup-office', '市人民政府办公室');
    tap('成为管理员');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(server.callsOf('users.firstAdmin')[0]!.data).toEqual({ name: '张主任', officeName: '市人民政府办公室' });
  });

  it('says that an administrator exists, with no form, where the creation is no longer open', async () => {
    const done = jest.fn();
    server.on('me', ok({ bound: true, capabilities: ['roster'], user: { id: 'a', name: '系统管理员', roles: ['admin'], roleLabels: ['系统管理员'] } }));
    render(<SetupView onDone={done} />);
    expect(await screen.findByText(/本系统已有管理员/)).toBeTruthy();
    expect(screen.queryByText('成为管理员')).toBeNull();
    tap('返回首页');
    expect(done).toHaveBeenCalled();
    expect(server.callsOf('users.firstAdmin')).toEqual([]);
  });
});

describe('the home page of the office', () => {
  it('shows the unread count on the messages button and leads the admin to the roster', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    server.on('me', ok({ bound: true, unreadMessages: 3, capabilities: ['allSuggestions', 'roster'], clock: { now: '2026-12-01T02:00:00.000Z', today: '2026-12-01', time: '10:00', year: 2026 }, user: { id: 'a', name: '系统管理员', roles: ['admin'], roleLabels: ['系统管理员'] } }));
    server.on('suggestions.list', ok({ items: [], total: 0, page: 1, pageSize: 20 }));
    render(<HomeView />);
    expect(await screen.findByText('消息与提醒（3条未读）')).toBeTruthy();
    tap('名册管理（单位、人员、绑定码）');
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/roster/index/index' });
  });
});
