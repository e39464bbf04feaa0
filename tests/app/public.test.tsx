import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { PublicListResult, PublicSuggestionDetail } from '../../src/contract';
import { PublicListView } from '../../src/pages/public/list';
import { PublicReplyView } from '../../src/pages/public/reply';
import { HomeView } from '../../src/pages/index';
import { installFakeServer, ok, type FakeServer } from './fake-server';
import { act, fireEvent } from '@testing-library/react';
import { choose } from './form-helpers';

/** Chooses the n-th entry of the Taro picker around the element with this id, as the picker itself reports it. */
function pick(id: string, index: number): void {
  const picker = document.getElementById(id)!.closest('taro-picker-core')!;
  act(() => {
    picker.dispatchEvent(new CustomEvent('change', { detail: { value: index }, bubbles: true }));
  });
}

async function typeIntoInput(id: string, value: string): Promise<void> {
  const field = await waitFor(() => {
    const found = document.querySelector(`#${id} input, input#${id}`);
    if (!found) throw new Error(`no input #${id}`);
    return found;
  });
  fireEvent.input(field, { target: { value } });
}

let server: FakeServer;
beforeEach(() => {
  server = installFakeServer();
});

const item = (n: number, year = 2026) => ({
  id: `s${n}`,
  number: `${1000 + n}`,
  title: `第${n}件公开建议`,
  session: '十八届一次',
  leadDeputyName: '王建华',
  disclosedAt: '2026-10-02T02:00:00.000Z',
  year,
  unitNames: ['市发展改革委'],
});

const list = (over: Partial<PublicListResult> = {}): PublicListResult => ({
  items: [item(1), item(2)],
  total: 2,
  page: 1,
  pageSize: 20,
  years: [2026, 2025],
  units: [
    { id: 'u1', name: '市发展改革委' },
    { id: 'u2', name: '市交通运输局' },
  ],
  ...over,
});

describe('the public pages (no login)', () => {
  it('lists what was disclosed with its count, and asks the server again for a year and a search', async () => {
    server.on('public.list', ok(list()));
    render(<PublicListView />);
    expect(await screen.findByText('第1件公开建议')).toBeTruthy();
    expect(screen.getByText('共2件，第1/1页')).toBeTruthy();
    expect(document.getElementById('public-s1')!.textContent).toContain('承办单位：市发展改革委');
    expect(document.getElementById('public-visitor')).not.toBeNull();
    pick('public-year', 2); // 全部年度, 2026年, 2025年
    await waitFor(() => expect(server.callsOf('public.list').at(-1)!.data).toMatchObject({ year: 2025, page: 1 }));
    await screen.findByText('2025年 ▾');
    pick('public-unit', 2);
    await waitFor(() => expect(server.callsOf('public.list').at(-1)!.data).toMatchObject({ year: 2025, unitId: 'u2' }));
    await typeIntoInput('public-keyword', '  公交 ');
    choose('public-search');
    await waitFor(() => expect(server.callsOf('public.list').at(-1)!.data).toMatchObject({ year: 2025, keyword: '公交' }));
  });

  it('pages through a long list', async () => {
    server.on('public.list', (req) => ok(list({ total: 45, page: (req.data as { page: number }).page })));
    render(<PublicListView bound />);
    expect(await screen.findByText('共45件，第1/3页')).toBeTruthy();
    expect(document.getElementById('public-visitor')).toBeNull();
    choose('public-next');
    expect(await screen.findByText('共45件，第2/3页')).toBeTruthy();
    expect(document.getElementById('public-prev')).not.toBeNull();
  });

  it('says so when nothing matches', async () => {
    server.on('public.list', ok(list({ items: [], total: 0 })));
    render(<PublicListView />);
    expect(await screen.findByText('没有符合条件的公开建议')).toBeTruthy();
  });

  it('shows a reply in full as disclosed, with its class and the deputy ratings', async () => {
    const detail: PublicSuggestionDetail = {
      ...item(1),
      content: '建议增开公交线路。',
      delegation: '历下区代表团',
      disclosureMode: 'full',
      replies: [{ unitName: '市交通运输局', round: 1, class: 'A', classLabel: 'A类（已解决或基本解决）', text: '已于十月增开两条线路。', signedAt: '2026-09-20T02:00:00.000Z' }],
      feedback: [{ round: 1, attitudeLabel: '满意', resultLabel: '基本满意' }],
    };
    server.on('public.get', ok(detail));
    render(<PublicReplyView id="s1" />);
    expect(await screen.findByText('已于十月增开两条线路。')).toBeTruthy();
    expect(screen.getByText('建议增开公交线路。')).toBeTruthy();
    expect(document.getElementById('public-reply-0')!.textContent).toContain('签发日期：2026-09-20');
    expect(screen.getByText('第1次答复：办理态度满意，办理结果基本满意')).toBeTruthy();
    expect(server.callsOf('public.get')[0]!.data).toEqual({ id: 's1' });
  });

  it('offers the public page and the binding to someone not yet bound; the browser build opens the public page', async () => {
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' } as never);
    server.on('me', ok({ user: null, bound: false }));
    render(<HomeView />);
    expect(await screen.findByText('查看公开的建议答复')).toBeTruthy();
    expect(screen.getByText('绑定身份')).toBeTruthy();
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: '/pages/public/list/index' }));
    redirect.mockRestore();
  });
});
