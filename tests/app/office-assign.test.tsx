import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { AssignView } from '../../src/pages/office/assign';
import { DetailView } from '../../src/pages/work/detail';
import { fail, installFakeServer, ok, type FakeServer } from './fake-server';
import { detail, task } from './fixtures';
import { choose, tap, typeInto } from './form-helpers';

let server: FakeServer;
let done: jest.Mock;
beforeEach(() => {
  server = installFakeServer();
  done = jest.fn();
  server.on('units.list', ok({ items: [
    { id: 'u-drc', name: '市发展改革委', departments: [] },
    { id: 'u-jtj', name: '市交通运输局', departments: [] },
    { id: 'u-mzj', name: '市民政局', departments: [] },
  ] }));
});

const pending = (allowedActions: string[]) =>
  server.on('suggestions.get', ok(detail({ tasks: [], status: 'pending', statusLabel: '待交办', allowedActions: allowedActions as never })));

describe('交办', () => {
  it('gives the suggestion to the units with the roles chosen, and the requirements', async () => {
    pending(['suggestions.assign']);
    server.on('suggestions.assign', ok({ taskIds: ['t1', 't2'] }));
    render(<AssignView suggestionId="s1" onDone={done} />);
    await screen.findByText('＋ 市交通运输局');
    tap('确定交办');
    expect(await screen.findByText('请至少选择一个承办单位并选择承办类别')).toBeTruthy();
    choose('pick-u-drc');
    choose('pick-u-jtj');
    tap('确定交办');
    expect(await screen.findByText('请为市发展改革委、市交通运输局选择承办类别')).toBeTruthy();
    choose('assign-u-drc-lead');
    choose('assign-u-jtj-co');
    await typeInto('assign-requirements', '请于三个月内面复代表');
    tap('确定交办');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(server.callsOf('suggestions.assign')[0]!.data).toEqual({
      suggestionId: 's1',
      version: 1,
      units: [
        { unitId: 'u-drc', role: 'lead', requirements: '请于三个月内面复代表' },
        { unitId: 'u-jtj', role: 'co', requirements: '请于三个月内面复代表' },
      ],
    });
  });

  it('shows the server’s judgement of the roles', async () => {
    pending(['suggestions.assign']);
    server.on('suggestions.assign', fail('VALIDATION', '会办单位须与一个主办单位一同交办'));
    render(<AssignView suggestionId="s1" onDone={done} />);
    await screen.findByText('＋ 市民政局');
    choose('pick-u-mzj');
    choose('assign-u-mzj-co');
    tap('确定交办');
    expect(await screen.findByText('会办单位须与一个主办单位一同交办')).toBeTruthy();
    expect(done).not.toHaveBeenCalled();
  });

  it('finds 3 of 200 units by name, gives each its role, and can drop one again', async () => {
    const units = Array.from({ length: 200 }, (_, i) => ({ id: `u${i}`, name: `第${i}区${i % 2 === 0 ? '交通运输局' : '民政局'}`, departments: [] }));
    server.on('units.list', ok({ items: units }));
    pending(['suggestions.assign']);
    server.on('suggestions.assign', ok({ taskIds: ['a', 'b', 'c'] }));
    render(<AssignView suggestionId="s1" onDone={done} />);
    expect(await screen.findByText('选择承办单位（共200个单位）')).toBeTruthy();
    expect(screen.getByText('另有170个单位，请输入名称查找')).toBeTruthy();
    await typeInto('assign-search', '第17区');
    choose('pick-u17');
    await typeInto('assign-search', '第171区');
    choose('pick-u171');
    await typeInto('assign-search', '第4区');
    choose('pick-u4');
    await typeInto('assign-search', '第9区');
    choose('pick-u9');
    choose('unpick-u9');
    choose('assign-u17-lead');
    choose('assign-u171-co');
    choose('assign-u4-co');
    tap('确定交办');
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(server.callsOf('suggestions.assign')[0]!.data).toEqual({
      suggestionId: 's1',
      version: 1,
      units: [
        { unitId: 'u17', role: 'lead' },
        { unitId: 'u171', role: 'co' },
        { unitId: 'u4', role: 'co' },
      ],
    });
  });

  it('另行交办 shows who holds the suggestion already and does not offer those units again', async () => {
    server.on('suggestions.get', ok(detail({ tasks: [task({ unitId: 'u-drc', unitName: '市发展改革委', roleLabel: '主办', stateLabel: '办理中' })], allowedActions: ['suggestions.assign'] as never })));
    render(<AssignView suggestionId="s1" onDone={done} />);
    expect(await screen.findByText('已交办的承办单位')).toBeTruthy();
    expect(document.getElementById('assign-holders')!.textContent).toContain('市发展改革委（主办）· 办理中');
    expect(document.getElementById('pick-u-drc')).toBeNull();
    expect(document.getElementById('pick-u-jtj')).not.toBeNull();
  });

  it('offers no form to someone the server does not allow', async () => {
    pending([]);
    render(<AssignView suggestionId="s1" onDone={done} />);
    expect(await screen.findByText('当前状态下不能进行此操作')).toBeTruthy();
    expect(screen.queryByText('确定交办')).toBeNull();
  });

  it('is offered on the detail as 交办 before any unit has it, and as 另行交办 after', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    pending(['suggestions.assign']);
    const { unmount } = render(<DetailView id="s1" />);
    fireEvent.click(await screen.findByText('交办'));
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/office/assign/index?id=s1' });
    unmount();
    server.on('suggestions.get', ok(detail({ tasks: [task()], allowedActions: ['suggestions.assign'] as never })));
    render(<DetailView id="s1" />);
    expect(await screen.findByText('增加承办单位（另行交办）')).toBeTruthy();
    navigate.mockRestore();
  });
});
