// WeChat's own judges of a mini-program build, as the devtools and the upload apply them:
// the official WXML and WXSS compilers (wcc, wcsc from the miniprogram-compiler package), the
// app.json keys WeChat knows, and the package sizes as WeChat counts them (docs/wechat.md).
import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const wcscOf = require('miniprogram-compiler/src/wcsc') as (root: string, files: string[], options?: { maxBuffer?: number }) => Record<string, string> | Error;
const wccOf = require('miniprogram-compiler/src/wcc') as (root: string, files: string[], wxs: string[], options?: { maxBuffer?: number }) => string;

export const root = path.resolve(__dirname, '../..');
export const dist = path.join(root, 'dist');

// The npm tarball may lose the executable bit of the Linux binaries.
const binaries = path.join(path.dirname(require.resolve('miniprogram-compiler/package.json')), 'bin', 'linux');
for (const name of ['wcc', 'wcsc']) {
  try {
    chmodSync(path.join(binaries, name), 0o755);
  } catch {
    // a read-only install: the wrappers try the same and report a failure to spawn
  }
}

export function filesOf(dir: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(ext)) out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** wcsc over each .wxss of a build: the compiler's refusals, one per refused file. */
export function wxssRefusals(dir: string): string[] {
  const refusals: string[] = [];
  for (const file of filesOf(dir, '.wxss')) {
    // The wrapper *returns* an Error for a refused file; a spawn failure throws.
    const result = wcscOf(dir, [file.slice(0, -'.wxss'.length)], { maxBuffer: 64 << 20 });
    if (result instanceof Error) refusals.push(`${file}: ${result.message.trim()}`);
  }
  return refusals;
}

/** wcc over every .wxml and .wxs of a build at once, as the devtools compile them: the $gwx script. */
export function compileWxml(dir: string): string {
  const wxml = filesOf(dir, '.wxml').map((f) => f.slice(0, -'.wxml'.length));
  return wccOf(dir, wxml, filesOf(dir, '.wxs'), { maxBuffer: 64 << 20 });
}

// The keys of app.json (WeChat's "全局配置" reference); anything else is reported by the devtools
// and the upload as `invalid app.json`.
const APP_KEYS = new Set([
  'entryPagePath', 'pages', 'window', 'tabBar', 'networkTimeout', 'debug', 'functionalPages', 'subpackages', 'subPackages',
  'workers', 'requiredBackgroundModes', 'requiredPrivateInfos', 'plugins', 'preloadRule', 'resizable', 'usingComponents',
  'permission', 'sitemapLocation', 'style', 'useExtendedLib', 'entranceDeclare', 'darkmode', 'themeLocation',
  'lazyCodeLoading', 'singlePage', 'supportedMaterials', 'serviceProviderTicket', 'embeddedAppIdList', 'halfPage',
  'debugOptions', 'enablePassiveEvent', 'resolveAlias', 'renderer', 'rendererOptions', 'componentFramework', 'miniApp',
  'static', 'convertRpxToVw', 'appBar', 'componentPlaceholder', 'cloud',
]);
const WINDOW_KEYS = new Set([
  'navigationBarBackgroundColor', 'navigationBarTextStyle', 'navigationBarTitleText', 'navigationStyle', 'homeButton',
  'backgroundColor', 'backgroundTextStyle', 'backgroundColorTop', 'backgroundColorBottom', 'enablePullDownRefresh',
  'onReachBottomDistance', 'pageOrientation', 'restartStrategy', 'initialRenderingCache', 'visualEffectInBackground',
  'handleWebviewPreload',
]);
// The keys of a page's .json (WeChat's "页面配置"), plus Taro's component keys on component files.
const PAGE_KEYS = new Set([...WINDOW_KEYS, 'disableScroll', 'usingComponents', 'style', 'singlePage', 'renderer', 'rendererOptions', 'componentFramework', 'enablePassiveEvent', 'componentPlaceholder', 'disableSwipeBack', 'component', 'styleIsolation']);

export interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
  window?: Record<string, unknown>;
  [key: string]: unknown;
}

export function pagesOf(app: AppJson): string[] {
  const subs = app.subPackages ?? app.subpackages ?? [];
  return [...app.pages, ...subs.flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`))];
}

/** What WeChat refuses or warns about in a build's app.json and page files. */
export function appJsonProblems(dir: string): string[] {
  const app = JSON.parse(readFileSync(path.join(dir, 'app.json'), 'utf8')) as AppJson;
  const problems: string[] = [];
  for (const key of Object.keys(app)) if (!APP_KEYS.has(key)) problems.push(`invalid app.json ["${key}"]`);
  for (const key of Object.keys(app.window ?? {})) if (!WINDOW_KEYS.has(key)) problems.push(`invalid app.json window ["${key}"]`);
  if (!Array.isArray(app.pages) || app.pages.length === 0) problems.push('app.json: pages 不能为空');
  if ('resizable' in app && typeof app.resizable !== 'boolean') problems.push('app.json: resizable 应为 true 或 false');
  if ('lazyCodeLoading' in app && app.lazyCodeLoading !== 'requiredComponents') problems.push('app.json: lazyCodeLoading 只能是 "requiredComponents"');
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  for (const r of roots) {
    if (roots.some((other) => other !== r && other.startsWith(`${r}/`))) problems.push(`app.json: 分包 ${r} 包含另一个分包`);
    if (app.pages.some((p) => p.startsWith(`${r}/`))) problems.push(`app.json: 主包页面在分包 ${r} 里`);
  }
  for (const page of pagesOf(app)) {
    for (const ext of ['.js', '.wxml', '.json']) {
      try {
        statSync(path.join(dir, page + ext));
      } catch {
        problems.push(`${page}${ext} 不存在`);
      }
    }
    try {
      const json = JSON.parse(readFileSync(path.join(dir, `${page}.json`), 'utf8')) as Record<string, unknown>;
      for (const key of Object.keys(json)) if (!PAGE_KEYS.has(key)) problems.push(`invalid ${page}.json ["${key}"]`);
    } catch {
      // reported above
    }
  }
  return problems;
}

export const KB = 1024;
// WeChat's limits (分包加载): 2 MB the main package, 2 MB each subpackage, 30 MB all together.
export const PACKAGE_LIMIT = 2048 * KB;
export const TOTAL_LIMIT = 30 * 1024 * KB;

/**
 * The bytes of each package as the upload counts them: every file under the package's root (the
 * main package is everything outside the subpackage roots), without project.config.json and source
 * maps, which are not uploaded.
 */
export function packageSizes(dir: string): Map<string, number> {
  const app = JSON.parse(readFileSync(path.join(dir, 'app.json'), 'utf8')) as AppJson;
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const sizes = new Map<string, number>([['main', 0], ...roots.map((r) => [r, 0] as [string, number])]);
  for (const file of filesOf(dir, '')) {
    if (file === 'project.config.json' || file === 'project.private.config.json' || file.endsWith('.map')) continue;
    const owner = roots.find((r) => file.startsWith(`${r}/`)) ?? 'main';
    sizes.set(owner, (sizes.get(owner) ?? 0) + statSync(path.join(dir, file)).size);
  }
  return sizes;
}
