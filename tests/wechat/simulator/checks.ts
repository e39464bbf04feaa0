// What the smoke test asks of every page in the simulated WeChat: it ran without an exception, it
// shows something (and not the error boundary's message), it shows its key text, and each wx call is
// one the declared base library has — or was asked for with canIUse first — with valid arguments.
import { PAGE_FAILED_TEXT } from '../../../src/components/page-failed';
import type { WxCall } from './runtime';
import { compareVersions, wxApiVersions, type Version } from './wx-versions';

export interface PageRun {
  route: string;
  /** The text the page renders (render.ts). */
  text: string;
  /** Exceptions and console errors while the page loaded. */
  errors: string[];
  /** Every wx call of the app so far, the page's among them. */
  calls: WxCall[];
  /** The page paths of app.json, for navigation calls. */
  routes: readonly string[];
}

const GESTURE_ONLY = new Set(['requestSubscribeMessage', 'shareFileMessage', 'openSetting']);
const NAVIGATION = new Set(['navigateTo', 'redirectTo', 'reLaunch', 'switchTab']);

export function pageProblems(run: PageRun, keyTexts: readonly string[], minimum: Version): string[] {
  const problems: string[] = run.errors.map((e) => `${run.route}: 出错 ${e}`);
  if (run.text.trim() === '') problems.push(`${run.route}: 什么也没有显示`);
  if (run.text.includes(PAGE_FAILED_TEXT)) problems.push(`${run.route}: 显示了出错页`);
  const flat = run.text.replace(/\s+/g, '');
  for (const key of keyTexts) if (!flat.includes(key.replace(/\s+/g, ''))) problems.push(`${run.route}: 没有显示「${key}」`);
  return [...problems, ...callProblems(run.calls, run.routes, minimum)];
}

export function callProblems(calls: readonly WxCall[], routes: readonly string[], minimum: Version): string[] {
  const versions = wxApiVersions();
  const problems: string[] = [];
  const asked = new Set<string>();
  for (const call of calls) {
    const api = call.api.split('.')[0] ?? call.api;
    if (call.api === 'canIUse') asked.add(String(call.args[0]).split('.')[0] ?? '');
    const version = versions.get(api);
    if (!version) problems.push(`wx.${call.api}: 基础库没有这个接口`);
    else if (compareVersions(version, minimum) > 0 && !asked.has(api)) problems.push(`wx.${call.api}: 需要基础库 ${version}，高于最低 ${minimum}，调用前没有 canIUse`);
    const options = (call.args[0] ?? {}) as Record<string, unknown>;
    if (GESTURE_ONLY.has(call.api) && !call.inTap) problems.push(`wx.${call.api}: 只能在点击中调用`);
    if (call.api === 'requestSubscribeMessage') {
      const ids = options.tmplIds;
      if (!Array.isArray(ids) || ids.length < 1 || ids.length > 3) problems.push(`wx.requestSubscribeMessage: tmplIds 应为 1 到 3 个，实为 ${JSON.stringify(ids)}`);
    }
    if (NAVIGATION.has(call.api)) {
      const url = String(options.url ?? '');
      const route = url.replace(/^\//, '').split('?')[0] ?? '';
      if (!routes.includes(route)) problems.push(`wx.${call.api}: ${url} 不是 app.json 里的页面`);
    }
    if (call.api === 'cloud.callFunction' && options.name !== 'api') problems.push(`wx.cloud.callFunction: 没有云函数 ${String(options.name)}`);
  }
  return problems;
}
