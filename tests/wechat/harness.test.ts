import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { callProblems, pageProblems } from './simulator/checks';
import { openSimOffice, type SimOffice } from './simulator/office';
import { renderPage, textOf } from './simulator/render';
import { setAtPath, WeChatSimulator, type WxCall } from './simulator/runtime';
import { declaredMinimum } from './simulator/wx-versions';
import { dist, pagesOf, root, type AppJson } from './wechat-tools';

// The simulated WeChat itself: it must catch a page that throws, one that renders nothing, one that
// fails while rendering, and wx calls the declared base library lacks or WeChat refuses.
const minimum = declaredMinimum(root);
const routes = pagesOf(JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as AppJson);
const ledger = 'pages/office/ledger/index';

let office: SimOffice;
let planted: string;
beforeAll(async () => {
  office = await openSimOffice();
});
afterAll(() => office.close());
beforeEach(() => {
  planted = mkdtempSync(path.join(tmpdir(), 'weapp-sim-'));
  cpSync(dist, planted, { recursive: true });
});
afterEach(() => rmSync(planted, { recursive: true, force: true }));

async function visit(folder: string, cloud = office.cloud) {
  const sim = new WeChatSimulator({ dist: folder, cloud, openid: 'demo-coordinator', baseLibrary: minimum, browserGlobals: false });
  await sim.launch(ledger);
  const page = await sim.open(ledger);
  const text = textOf(renderPage(folder, ledger, page.data));
  return pageProblems({ route: ledger, text, errors: sim.errors, calls: sim.calls, routes }, ['办理台账'], minimum);
}

describe('the simulated WeChat', () => {
  it('passes the built ledger page', async () => {
    expect(await visit(planted)).toEqual([]);
  });

  it('fails a page whose script throws', async () => {
    const file = path.join(planted, `${ledger}.js`);
    writeFileSync(file, `throw new Error("planted fault");\n${readFileSync(file, 'utf8')}`);
    const problems = await visit(planted);
    expect(problems).toContain(`${ledger}: 出错 ${ledger}.js: Error: planted fault`);
    expect(problems).toContain(`${ledger}: 什么也没有显示`);
  });

  it('fails a page that renders nothing', async () => {
    writeFileSync(path.join(planted, `${ledger}.js`), 'Page({ data: { root: { cn: [] } }, onLoad: function () {} });\n');
    expect(await visit(planted)).toEqual([`${ledger}: 什么也没有显示`, `${ledger}: 没有显示「办理台账」`]);
  });

  it('fails a page that breaks while rendering (its error boundary shows instead)', async () => {
    // The ledger's list answered with no rows array: the page's render throws.
    const broken: typeof office.cloud = async (data, openid) => {
      const answer = (await office.cloud(data, openid)) as { ok: boolean; data?: unknown };
      return (data as { action?: string }).action === 'ledger.list' ? { ok: true, data: { total: 1 } } : answer;
    };
    const problems = await visit(planted, broken);
    expect(problems).toContain(`${ledger}: 显示了出错页`);
    expect(problems.some((p) => p.startsWith(`${ledger}: 出错 console.error`))).toBe(true);
  });

  it('has no Intl, window or document in the run without browser globals', async () => {
    writeFileSync(path.join(planted, `${ledger}.js`), 'Page({ data: { root: { cn: [{ nn: "9", sid: "_1", v: [typeof Intl, typeof window, typeof document, typeof TextDecoder].join(",") }] } } });\n');
    const sim = new WeChatSimulator({ dist: planted, cloud: office.cloud, openid: 'demo-coordinator', baseLibrary: minimum, browserGlobals: false });
    await sim.launch(ledger);
    const page = await sim.open(ledger);
    expect(textOf(renderPage(planted, ledger, page.data))).toBe('undefined,undefined,undefined,undefined');
  });
});

describe('the checks of wx calls', () => {
  const call = (api: string, args: unknown[] = [], inTap = false): WxCall => ({ api, args, inTap });

  it('refuse an API above the declared minimum unless canIUse asked first', () => {
    expect(callProblems([call('getAppBaseInfo')], routes, '2.11.1')).toEqual(['wx.getAppBaseInfo: 需要基础库 2.20.1，高于最低 2.11.1，调用前没有 canIUse']);
    expect(callProblems([call('canIUse', ['getAppBaseInfo']), call('getAppBaseInfo')], routes, '2.11.1')).toEqual([]);
    expect(callProblems([call('noSuchApi')], routes, '2.11.1')).toEqual(['wx.noSuchApi: 基础库没有这个接口']);
  });

  it('refuse a subscription or a file share outside a tap, and more than 3 templates', () => {
    expect(callProblems([call('requestSubscribeMessage', [{ tmplIds: ['a', 'b', 'c', 'd'] }], true)], routes, '2.11.1')).toEqual([
      'wx.requestSubscribeMessage: tmplIds 应为 1 到 3 个，实为 ["a","b","c","d"]',
    ]);
    expect(callProblems([call('requestSubscribeMessage', [{ tmplIds: ['a'] }])], routes, '2.11.1')).toEqual(['wx.requestSubscribeMessage: 只能在点击中调用']);
    expect(callProblems([call('canIUse', ['shareFileMessage']), call('shareFileMessage', [{ filePath: 'x' }])], routes, '2.11.1')).toEqual([
      'wx.shareFileMessage: 只能在点击中调用',
    ]);
  });

  it('refuse a move to a page app.json does not list', () => {
    expect(callProblems([call('navigateTo', [{ url: '/pages/work/detail/index?id=1' }])], routes, '2.11.1')).toEqual([]);
    expect(callProblems([call('navigateTo', [{ url: '/pages/nowhere/index' }])], routes, '2.11.1')).toEqual(['wx.navigateTo: /pages/nowhere/index 不是 app.json 里的页面']);
  });

  it('apply setData paths as WeChat does', () => {
    const data: Record<string, unknown> = { root: { cn: [{ v: 'a' }] } };
    setAtPath(data, 'root.cn.[0].v', 'b');
    setAtPath(data, 'root.cn[1]', { v: 'c' });
    setAtPath(data, 'root.uid', 'x');
    expect(data).toEqual({ root: { cn: [{ v: 'b' }, { v: 'c' }], uid: 'x' } });
  });
});
