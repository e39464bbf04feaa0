import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pageProblems } from './simulator/checks';
import { openSimOffice, type SimOffice } from './simulator/office';
import { classesOf, elementsOf, renderPage, textOf } from './simulator/render';
import { WeChatSimulator } from './simulator/runtime';
import { declaredMinimum } from './simulator/wx-versions';
import { VISITS } from './pages';
import { dist, pagesOf, root, type AppJson } from './wechat-tools';

// The smoke test of the built mini-program in a simulated WeChat (docs/wechat.md): every page for
// the people it serves, answered by the real api entry over the demo data. Twice: on a current base
// library with the globals a desktop client happens to have, then on the declared minimum base
// library with no browser global and no Intl, as WeChat on Android.
const minimum = declaredMinimum(root);
const routes = pagesOf(JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as AppJson);
const RUNS = [
  { name: 'a current base library, desktop globals', baseLibrary: '3.7.0', browserGlobals: true },
  { name: `base library ${minimum}, no browser globals and no Intl`, baseLibrary: minimum, browserGlobals: false },
];

let office: SimOffice;
beforeAll(async () => {
  office = await openSimOffice();
});
afterAll(() => office.close());

it('covers every page of app.json', () => {
  expect(new Set(VISITS.map((v) => v.route))).toEqual(new Set(routes));
});

describe.each(RUNS)('in WeChat with $name', ({ baseLibrary, browserGlobals }) => {
  it.each(VISITS.map((v) => [`${v.route} for ${v.openid}`, v] as const))('%s loads and renders its key text', async (_, visit) => {
    const sim = new WeChatSimulator({ dist, cloud: office.cloud, files: office.files, openid: visit.openid, baseLibrary, browserGlobals });
    await sim.launch(visit.route, visit.query);
    const page = await sim.open(visit.route, visit.query);
    const text = textOf(renderPage(dist, visit.route, page.data));
    expect(pageProblems({ route: visit.route, text, errors: sim.errors, calls: sim.calls, routes }, visit.keys, minimum)).toEqual([]);
  });
});

describe('the office at its desk in WeChat for PC', () => {
  const ledger = 'pages/office/ledger/index';

  it.each([[1280, true], [375, false]])('the ledger at %i px is a table: %s', async (windowWidth, table) => {
    const sim = new WeChatSimulator({ dist, cloud: office.cloud, files: office.files, openid: 'demo-coordinator', baseLibrary: minimum, browserGlobals: false, windowWidth });
    await sim.launch(ledger);
    const page = await sim.open(ledger);
    const tree = renderPage(dist, ledger, page.data);
    const tables = elementsOf(tree).filter((e) => e.attr.id === 'ledger-table' && classesOf(e).includes('data-table'));
    expect(tables).toHaveLength(table ? 1 : 0);
    expect(textOf(tree)).toContain('关于加快推进电动汽车充电桩配置的建议');
    expect(sim.errors).toEqual([]);
  });

  it('turns the ledger into a table when the window is widened, and back', async () => {
    const sim = new WeChatSimulator({ dist, cloud: office.cloud, files: office.files, openid: 'demo-coordinator', baseLibrary: '3.7.0', browserGlobals: false, windowWidth: 800 });
    await sim.launch(ledger);
    const page = await sim.open(ledger);
    const tableShown = () => elementsOf(renderPage(dist, ledger, page.data)).some((e) => e.attr.id === 'ledger-table');
    expect(tableShown()).toBe(false);
    await sim.resize(1280);
    expect(tableShown()).toBe(true);
    await sim.resize(600);
    expect(tableShown()).toBe(false);
  });

  it('the stylesheet lays the office pages side by side at 1024 px and wider', () => {
    const wxss = readFileSync(path.join(dist, 'app.wxss'), 'utf8');
    expect(wxss).toMatch(/@media \(min-width:1024px\)\{[^@]*\.desk-only\{display:block\}/);
    expect(JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')).resizable).toBe(true);
  });
});

describe('sending the ledger to a chat', () => {
  it.each([
    ['3.7.0', 'shareFileMessage'],
    [minimum, 'openDocument'],
  ])('on base library %s: exported in a tap, then sent with %s in a second tap', async (baseLibrary, api) => {
    const ledger = 'pages/office/ledger/index';
    const sim = new WeChatSimulator({ dist, cloud: office.cloud, files: office.files, openid: 'demo-coordinator', baseLibrary, browserGlobals: false });
    await sim.launch(ledger);
    const page = await sim.open(ledger);
    await sim.tapOn(page, 'ledger-export-btn');
    expect(textOf(renderPage(dist, ledger, page.data))).toContain('已生成');
    // The workbook came down from the link the api made (downloadFile), not inside the call's answer.
    const download = sim.calls.find((c) => c.api === 'downloadFile')?.args[0] as { url: string; filePath: string };
    expect(download.filePath).toMatch(/^wxfile:\/\/usr\/建议办理台账-.*\.xlsx$/);
    expect(sim.phone.read(download.filePath)?.subarray(0, 2).toString()).toBe('PK');
    await sim.tapOn(page, 'ledger-export-send');
    const sends = sim.calls.filter((c) => c.api === api);
    expect(sends).toHaveLength(1);
    expect(sends[0]?.inTap).toBe(true);
    expect(pageProblems({ route: ledger, text: textOf(renderPage(dist, ledger, page.data)), errors: sim.errors, calls: sim.calls, routes }, [], minimum)).toEqual([]);
  });
});

describe('files through cloud storage in WeChat', () => {
  it('imports a list picked from a chat: uploaded with wx.cloud.uploadFile to the caller\'s folder, the call carrying its fileID', async () => {
    const route = 'pages/office/import/index';
    const sim = new WeChatSimulator({ dist, cloud: office.cloud, files: office.files, openid: 'demo-coordinator', baseLibrary: minimum, browserGlobals: false });
    await sim.launch(route);
    const page = await sim.open(route);
    const header = '建议号,标题,内容,领衔代表,附议代表,代表团,届次,提出阶段,主办单位,会办单位,分办单位,交办日期,重点督办';
    const row = '8801,关于微信导入的建议,建议内容。,王建华,,历下区代表团,十八届五次,会期,市发展改革委,,,2026-11-19,否';
    sim.phone.offer({ name: '交办清单.csv', content: Buffer.from(`\uFEFF${header}\r\n${row}\r\n`, 'utf8') });
    await sim.tapOn(page, 'import-pick');
    const upload = sim.calls.find((c) => c.api === 'cloud.uploadFile')?.args[0] as { cloudPath: string; filePath: string };
    expect(upload.cloudPath).toMatch(/^uploads\/[0-9a-f]{32}\/[a-z0-9]+\.csv$/);
    const imports = sim.calls.filter((c) => c.api === 'cloud.callFunction' && (c.args[0] as { data: { action: string } }).data.action === 'suggestions.import');
    expect(imports.map((c) => (c.args[0] as { data: { data: unknown } }).data.data)).toEqual([{ fileID: upload.cloudPath, format: 'csv' }]);
    expect(await office.store.find('suggestions', { where: { number: '8801' } })).toHaveLength(1);
    expect(textOf(renderPage(dist, route, page.data))).toMatch(/新导入\s*1\s*件/);
    expect(pageProblems({ route, text: textOf(renderPage(dist, route, page.data)), errors: sim.errors, calls: sim.calls, routes }, [], minimum)).toEqual([]);
  });
});

describe('text size in WeChat follows its font setting (elderly mode, docs/features.md)', () => {
  const home = 'pages/index/index';

  it.each([[17, 17], [24, 24], [28, 28]])('at a font setting of %i px every page root is %i px, so that its em lengths grow with it', async (setting, px) => {
    const sim = new WeChatSimulator({ dist, cloud: office.cloud, openid: 'demo-handler', baseLibrary: '3.7.0', browserGlobals: false, fontSizeSetting: setting });
    await sim.launch(home);
    const page = await sim.open(home);
    const roots = elementsOf(renderPage(dist, home, page.data)).filter((e) => classesOf(e).includes('screen'));
    expect(roots.length).toBeGreaterThan(0);
    for (const root of roots) expect(/font-size:\s*([\d.]+)px/.exec(String(root.attr.style))?.[1]).toBe(String(px));
    expect(sim.errors).toEqual([]);
  });
});
