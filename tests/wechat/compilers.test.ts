import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appJsonProblems, compileWxml, dist, filesOf, packageSizes, PACKAGE_LIMIT, root, TOTAL_LIMIT, wxssRefusals } from './wechat-tools';

// The weapp build (made once by the project's global setup) put through WeChat's own compilers and
// checks, as the devtools run them before a preview or an upload (docs/wechat.md).
describe('WeChat compiles the weapp build', () => {
  it('wcsc accepts every .wxss', () => {
    expect(filesOf(dist, '.wxss').length).toBeGreaterThan(10);
    expect(wxssRefusals(dist)).toEqual([]);
  });

  it('wcc compiles every .wxml into the render functions of every page', () => {
    const script = compileWxml(dist);
    for (const page of ['pages/index/index', 'pages/office/ledger/index', 'pages/work/detail/index']) expect(script).toContain(`'${page}.wxml'`);
  });

  it('app.json and the page files hold only keys WeChat knows', () => {
    expect(appJsonProblems(dist)).toEqual([]);
  });

  it('every package within WeChat limits, as the upload counts them', () => {
    const sizes = packageSizes(dist);
    expect(sizes.size).toBeGreaterThan(1);
    for (const size of sizes.values()) expect(size).toBeLessThanOrEqual(PACKAGE_LIMIT);
    expect([...sizes.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TOTAL_LIMIT);
  });
});

describe('the checks fail on what WeChat refuses', () => {
  let planted: string;
  beforeEach(() => {
    planted = mkdtempSync(path.join(tmpdir(), 'weapp-planted-'));
  });
  afterEach(() => rmSync(planted, { recursive: true, force: true }));

  it('a universal selector in the built app.wxss is refused by wcsc', () => {
    writeFileSync(path.join(planted, 'app.wxss'), `${readFileSync(path.join(dist, 'app.wxss'), 'utf8')}\n.filter-row > * { min-width: 0; }\n`);
    mkdirSync(path.join(planted, 'pages/index'), { recursive: true });
    copyFileSync(path.join(dist, 'pages/work/detail/index.wxss'), path.join(planted, 'pages/index/index.wxss'));
    const refusals = wxssRefusals(planted);
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatch(/^app\.wxss: .*token `\*`/);
  });

  it('a universal or attribute selector, or an id after a combinator, in the app stylesheet fails the lint, an H5-only one does not', () => {
    const css = path.join(planted, 'app.css');
    const lint = () => execFileSync('node', [path.join(root, 'scripts/wxss-rules.mjs'), css], { encoding: 'utf8', stdio: 'pipe' });
    writeFileSync(css, '.a { color: red; }\n/* #ifdef h5 */\n.a > * { margin: 0; }\n.b[disabled] { opacity: 0.6; }\n/* #endif */\n');
    expect(lint()).toContain('ok');
    writeFileSync(css, '.a { color: red; }\n.a > * { margin: 0; }\n.b[disabled] { opacity: 0.6; }\n.c > #d { margin: 0; }\n');
    let output = '';
    try {
      lint();
    } catch (error) {
      output = String((error as { stderr?: string }).stderr);
    }
    expect(output).toContain('app.css:2:');
    expect(output).toContain('通配选择器');
    expect(output).toContain('app.css:3:');
    expect(output).toContain('属性选择器');
    expect(output).toContain('app.css:4:');
  });

  it('an H5-only key in app.json is reported as WeChat reports it', () => {
    for (const file of ['app.json', 'pages/index/index.json', 'pages/index/index.js', 'pages/index/index.wxml']) {
      mkdirSync(path.dirname(path.join(planted, file)), { recursive: true });
      writeFileSync(path.join(planted, file), file.endsWith('.json') ? '{}' : '');
    }
    writeFileSync(path.join(planted, 'app.json'), JSON.stringify({ pages: ['pages/index/index', 'pages/gone/index'], animation: false, window: { navigationBarTitleText: '建议通' } }));
    expect(appJsonProblems(planted)).toEqual(['invalid app.json ["animation"]', 'pages/gone/index.js 不存在', 'pages/gone/index.wxml 不存在', 'pages/gone/index.json 不存在']);
  });
});
