// A simulated WeChat logic layer around the weapp build (docs/wechat.md, "The WeChat checks in npm test"):
// the build's own scripts run in a fresh JavaScript realm that has what WeChat's logic layer has —
// App, Page, Component, getApp, getCurrentPages and a `wx` whose API names and base library versions
// come from WeChat's typings — and nothing of a browser. wx.cloud.callFunction is answered by the
// real api entry; wx.cloud.uploadFile, wx.cloud.downloadFile and wx.downloadFile by the real file store
// of the office (files.ts), over the simulated phone's own files (wxfile://); each page's setData is kept
// as WeChat keeps it, and rendered through the wcc-compiled templates (render.ts). Every wx call is
// recorded with whether a tap was being handled.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { compareVersions, wxApiVersions, type Version } from './wx-versions';
import { phoneFiles, type OfficeFiles, type PhoneFiles } from './files';

export type CloudAnswer = (data: unknown, openid: string | undefined) => Promise<unknown>;

export interface SimOptions {
  /** The weapp build folder (dist/). */
  dist: string;
  /** The api cloud function: the request as the page sent it and the caller's OPENID. */
  cloud: CloudAnswer;
  /** The WeChat user's OPENID (undefined: a visitor the platform gives no identity, never the case in WeChat). */
  openid?: string;
  /** The base library the simulated client runs. */
  baseLibrary: Version;
  /**
   * true: the globals a desktop WeChat or the devtools happen to have (Intl, URL, TextEncoder,
   * TextDecoder, Blob, fetch, atob, btoa); false: none of them, as WeChat on Android.
   */
  browserGlobals: boolean;
  /** The window's width in px: 375 a phone, 1280 WeChat for PC at a desk. */
  windowWidth?: number;
  /** The office's file store, behind cloud storage and the links the api makes (files.ts). */
  files?: OfficeFiles;
  /** The font setting WeChat reports, in px: 17 the standard; larger settings and 关怀模式 report more. */
  fontSizeSetting?: number;
}

export interface WxCall {
  api: string;
  args: unknown[];
  /** A tap was being handled (a user gesture), as requestSubscribeMessage and shareFileMessage need. */
  inTap: boolean;
  route?: string;
}

export interface PageInstance {
  route: string;
  options: Record<string, string>;
  data: Record<string, unknown>;
  setData(data: Record<string, unknown>, callback?: () => void): void;
  [key: string]: unknown;
}

type Listener = (...args: unknown[]) => void;

const WEB_GLOBALS = ['URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'Blob', 'fetch', 'atob', 'btoa', 'AbortController'] as const;
/** What no WeChat logic layer has; the second run also removes Intl, as WeChat on Android. */
export const BROWSER_ONLY = ['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location', 'XMLHttpRequest', 'FileReader', ...WEB_GLOBALS, 'Intl'];

/** Sets a value at a setData path: `root.cn.[0].v`, `root.cn[2]`, `a.b`. */
export function setAtPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts: (string | number)[] = [];
  key.replace(/\.?\[(\d+)\]|\.?([^.[\]]+)/g, (_, index: string | undefined, name: string | undefined) => {
    parts.push(index !== undefined ? Number(index) : (name as string));
    return '';
  });
  let node: Record<string | number, unknown> = target;
  for (let i = 0; i < parts.length - 1; i += 1) {
    const part = parts[i] as string | number;
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = typeof parts[i + 1] === 'number' ? [] : {};
    node = node[part] as Record<string | number, unknown>;
  }
  node[parts[parts.length - 1] as string | number] = value;
}

export class WeChatSimulator {
  readonly calls: WxCall[] = [];
  readonly errors: string[] = [];
  readonly pages: PageInstance[] = [];
  private readonly context: vm.Context;
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly pageConfigs = new Map<string, Record<string, unknown>>();
  private readonly resizeListeners = new Set<Listener>();
  private readonly storage = new Map<string, unknown>();
  private app: Record<string, unknown> | undefined;
  private loadingRoute: string | undefined;
  private tapDepth = 0;
  private pending = 0;
  private width: number;
  /** The phone's files (wxfile://…) and the file the person will pick next (offer). */
  readonly phone: PhoneFiles;

  constructor(private readonly options: SimOptions) {
    this.width = options.windowWidth ?? 375;
    this.phone = phoneFiles(options.files, () => options.openid);
    const sandbox: Record<string, unknown> = {
      console: this.console(),
      setTimeout: (fn: Listener, ms?: number, ...args: unknown[]) => setTimeout(() => this.guard('setTimeout', () => fn(...args)), ms),
      clearTimeout,
      setInterval: (fn: Listener, ms?: number, ...args: unknown[]) => setInterval(() => this.guard('setInterval', () => fn(...args)), ms),
      clearInterval,
      wx: this.wx(),
      App: (config: Record<string, unknown>) => {
        this.app = config;
      },
      Page: (config: Record<string, unknown>) => {
        if (!this.loadingRoute) throw new Error('Page() 只能在页面文件里调用');
        this.pageConfigs.set(this.loadingRoute, config);
      },
      Component: () => undefined,
      Behavior: (config: unknown) => config,
      getApp: () => this.app,
      getCurrentPages: () => [...this.pages],
      requirePlugin: () => {
        throw new Error('requirePlugin: 小程序没有声明插件');
      },
    };
    if (options.browserGlobals) for (const name of WEB_GLOBALS) sandbox[name] = (globalThis as Record<string, unknown>)[name];
    this.context = vm.createContext(sandbox, { name: 'WeChat logic layer' });
    if (!options.browserGlobals) vm.runInContext('delete globalThis.Intl;', this.context);
  }

  /** Runs app.js and the app's onLaunch and onShow, as WeChat does when the mini-program starts. */
  async launch(route: string, query: Record<string, string> = {}): Promise<void> {
    this.require(path.join(this.options.dist, 'app.js'));
    if (!this.app) throw new Error('app.js 没有调用 App()');
    const launchOptions = this.inner({ path: route, query, scene: 1001 });
    this.call(this.app, 'onLaunch', launchOptions);
    this.call(this.app, 'onShow', launchOptions);
    await this.settle();
  }

  /** Opens a page as navigateTo would: its script, onLoad, onShow, onReady, then waits for its calls. */
  async open(route: string, query: Record<string, string> = {}): Promise<PageInstance> {
    if (!this.pageConfigs.has(route)) {
      this.loadingRoute = route;
      this.guard(`${route}.js`, () => this.require(path.join(this.options.dist, `${route}.js`)));
      this.loadingRoute = undefined;
    }
    const config = this.pageConfigs.get(route) ?? {};
    if (!this.pageConfigs.has(route)) this.errors.push(`${route}.js 没有调用 Page()`);
    const page = this.instantiate(route, config, query);
    this.pages.push(page);
    this.call(page, 'onLoad', this.inner(query));
    this.call(page, 'onShow');
    await this.settle();
    this.call(page, 'onReady');
    await this.settle();
    return page;
  }

  /** A tap on the element with this id (Taro's `uid` in the page data), as the view layer sends it. */
  async tapOn(page: PageInstance, id: string): Promise<void> {
    const sid = sidOf(page.data.root, id);
    if (!sid) throw new Error(`页面上没有 #${id}`);
    await this.tap(page, sid, id);
  }

  /** A tap on the node `sid` (element id `id`), dispatched to the page's event handler. */
  async tap(page: PageInstance, sid: string, id: string): Promise<void> {
    const target = { id, dataset: { sid }, offsetLeft: 0, offsetTop: 0 };
    const event = this.inner({ type: 'tap', timeStamp: Date.now(), target, currentTarget: target, detail: { x: 0, y: 0 }, touches: [], changedTouches: [] });
    this.tapDepth += 1;
    try {
      this.call(page, 'eh', event);
      await this.settle();
    } finally {
      this.tapDepth -= 1;
    }
  }

  /** Resizes the window, as the person does with WeChat for PC (onWindowResize listeners). */
  async resize(windowWidth: number): Promise<void> {
    this.width = windowWidth;
    for (const listener of this.resizeListeners) this.guard('onWindowResize', () => listener(this.inner({ size: { windowWidth, windowHeight: 800 } })));
    await this.settle();
  }

  /** Waits until no cloud call is pending and the timers of the moment have run. */
  async settle(): Promise<void> {
    for (let quiet = 0; quiet < 5; ) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      quiet = this.pending === 0 ? quiet + 1 : 0;
    }
  }

  /** A value made in the simulated realm (its arrays and objects are the page's own kind). */
  private inner<T>(value: T): T {
    return vm.runInContext(`JSON.parse(${JSON.stringify(JSON.stringify(value))})`, this.context) as T;
  }

  private guard(where: string, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.errors.push(`${where}: ${explain(error)}`);
    }
  }

  private call(target: Record<string, unknown>, method: string, ...args: unknown[]): void {
    const fn = target[method];
    if (typeof fn === 'function') this.guard(method, () => (fn as Listener).apply(target, args));
  }

  private console() {
    const errors = this.errors;
    return {
      log: () => undefined,
      info: () => undefined,
      debug: () => undefined,
      warn: () => undefined,
      error: (...args: unknown[]) => errors.push(`console.error: ${args.map(explain).join(' ')}`),
    };
  }

  /** CommonJS as WeChat runs it: a file's require is relative to the file, `.js` optional. */
  private require(file: string): unknown {
    const resolved = file.endsWith('.js') ? file : `${file}.js`;
    const cached = this.modules.get(resolved);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    this.modules.set(resolved, module);
    const source = readFileSync(resolved, 'utf8');
    const wrapper = vm.runInContext(`(function (require, module, exports) {${source}\n})`, this.context, { filename: resolved }) as (
      req: (p: string) => unknown,
      m: typeof module,
      e: unknown,
    ) => void;
    wrapper((p) => this.require(path.resolve(path.dirname(resolved), p)), module, module.exports);
    return module.exports;
  }

  private instantiate(route: string, config: Record<string, unknown>, options: Record<string, string>): PageInstance {
    const page = { ...config } as PageInstance;
    page.route = route;
    page.options = options;
    page.data = JSON.parse(JSON.stringify(config.data ?? {})) as Record<string, unknown>;
    page.setData = (data, callback) => {
      for (const [key, value] of Object.entries(data)) setAtPath(page.data, key, JSON.parse(JSON.stringify(value ?? null)));
      if (callback) setTimeout(() => this.guard('setData callback', callback), 0);
    };
    page.selectComponent = () => null;
    page.selectAllComponents = () => [];
    page.createSelectorQuery = () => selectorQuery();
    page.getOpenerEventChannel = () => ({ emit: () => undefined, on: () => undefined, once: () => undefined, off: () => undefined });
    return page;
  }

  /** The wx object of the simulated base library: only the APIs it has, each call recorded. */
  private wx(): Record<string, unknown> {
    const sim = this;
    const lib = this.options.baseLibrary;
    const versions = wxApiVersions();
    const has = (api: string) => {
      const v = versions.get(api);
      return v !== undefined && compareVersions(v, lib) <= 0;
    };
    const info = () => ({
      windowWidth: sim.width,
      windowHeight: 800,
      screenWidth: sim.width,
      screenHeight: 800,
      pixelRatio: 2,
      statusBarHeight: 20,
      safeArea: { left: 0, right: sim.width, top: 20, bottom: 800, width: sim.width, height: 780 },
      fontSizeSetting: sim.options.fontSizeSetting ?? 17,
      SDKVersion: lib,
      version: '8.0.50',
      platform: sim.width >= 1024 ? 'windows' : 'android',
      system: 'Android 12',
      language: 'zh_CN',
      theme: 'light',
      enableDebug: false,
    });
    const special: Record<string, (...args: never[]) => unknown> = {
      canIUse: (schema: string) => has(String(schema).split('.')[0] ?? ''),
      getSystemInfoSync: info,
      getWindowInfo: info,
      getAppBaseInfo: info,
      getDeviceInfo: info,
      getSystemInfo: (o: Callbacks) => answer('getSystemInfo', o, info()),
      getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 24, right: sim.width - 7, bottom: 56, left: sim.width - 94 }),
      nextTick: (fn: Listener) => setTimeout(() => sim.guard('nextTick', fn), 0),
      onWindowResize: (fn: Listener) => sim.resizeListeners.add(fn),
      offWindowResize: (fn: Listener) => sim.resizeListeners.delete(fn),
      getStorageSync: (key: string) => sim.storage.get(key) ?? '',
      setStorageSync: (key: string, value: unknown) => sim.storage.set(key, value),
      removeStorageSync: (key: string) => sim.storage.delete(key),
      createSelectorQuery: () => selectorQuery(),
      getFileSystemManager: () => ({
        readFileSync: () => '',
        writeFileSync: () => undefined,
        readFile: (o: Callbacks) => answer('readFile', o, { data: '' }),
        writeFile: (o: Callbacks) => answer('writeFile', o, {}),
      }),
      showModal: (o: Callbacks) => answer('showModal', o, { confirm: false, cancel: true }),
      requestSubscribeMessage: (o: Callbacks & { tmplIds?: string[] }) =>
        answer('requestSubscribeMessage', o, Object.fromEntries((o.tmplIds ?? []).map((id) => [id, 'accept']))),
      // The file the test offered, as the chat's file picker or the camera gives it.
      chooseMessageFile: (o: Callbacks) => later('chooseMessageFile', o, async () => ({ tempFiles: [sim.phone.picked('file')] })),
      chooseMedia: (o: Callbacks) => later('chooseMedia', o, async () => ({ tempFiles: [sim.phone.picked('media')], type: 'image' })),
      downloadFile: (o: Callbacks & { url: string; filePath?: string }) => later('downloadFile', o, () => sim.phone.download(o.url, o.filePath)),
    };
    /**
     * An asynchronous answer, counted as a pending call until it settles: through the callbacks, or, when
     * none is given, as a promise (WeChat's asynchronous APIs since base library 2.10.2).
     */
    function later(api: string, o: Callbacks | undefined, work: () => Promise<Record<string, unknown>>) {
      sim.pending += 1;
      const done = work()
        .then(
          (result) => ({ ok: true as const, res: sim.inner({ errMsg: `${api}:ok`, ...result }) }),
          (error) => ({ ok: false as const, res: sim.inner({ errMsg: `${api}:fail ${explain(error)}` }) }),
        )
        .finally(() => {
          sim.pending -= 1;
        });
      if (!o || !(o.success || o.fail || o.complete)) return done.then(({ ok, res }) => (ok ? res : Promise.reject(res)));
      void done.then(({ ok, res }) => {
        if (ok) sim.guard(`${api} success`, () => o.success?.(res));
        else sim.guard(`${api} fail`, () => o.fail?.(res));
        sim.guard(`${api} complete`, () => o.complete?.(res));
      });
      return undefined;
    }
    type Callbacks = { success?: Listener; fail?: Listener; complete?: Listener };
    function answer(api: string, o: Callbacks | undefined, result: Record<string, unknown>) {
      const res = sim.inner({ errMsg: `${api}:ok`, ...result });
      setTimeout(() => {
        sim.guard(`${api} success`, () => o?.success?.(res));
        sim.guard(`${api} complete`, () => o?.complete?.(res));
      }, 0);
      return undefined;
    }
    function record(api: string, args: unknown[]) {
      sim.calls.push({ api, args, inTap: sim.tapDepth > 0, route: sim.pages[sim.pages.length - 1]?.route });
    }
    const wx: Record<string, unknown> = {};
    for (const api of versions.keys()) {
      if (!has(api) || api === 'cloud') continue;
      const impl = special[api];
      wx[api] = (...args: unknown[]) => {
        record(api, args);
        if (impl) return (impl as (...a: unknown[]) => unknown)(...args);
        const o = args[0] as Callbacks | undefined;
        if (o && typeof o === 'object' && (o.success || o.fail || o.complete)) return answer(api, o, {});
        return undefined;
      };
    }
    wx.env = { USER_DATA_PATH: 'wxfile://usr' };
    if (has('cloud')) {
      wx.cloud = {
        init: (...args: unknown[]) => record('cloud.init', args),
        uploadFile: (o: Callbacks & { cloudPath: string; filePath: string }) => {
          record('cloud.uploadFile', [o]);
          return later('cloud.uploadFile', o, () => sim.phone.upload(o.cloudPath, o.filePath));
        },
        downloadFile: (o: Callbacks & { fileID: string }) => {
          record('cloud.downloadFile', [o]);
          return later('cloud.downloadFile', o, () => sim.phone.downloadCloud(o.fileID));
        },
        callFunction: (o: Callbacks & { name: string; data?: unknown }) => {
          record('cloud.callFunction', [o]);
          sim.pending += 1;
          // The request crosses the network as JSON, as the platform sends it.
          const request = JSON.parse(JSON.stringify(o.data ?? {})) as unknown;
          const done = sim.options
            .cloud(request, sim.options.openid)
            .then((result) => sim.inner({ errMsg: 'cloud.callFunction:ok', result, requestID: 'sim' }))
            .finally(() => {
              sim.pending -= 1;
            });
          if (o.success || o.fail || o.complete) {
            done.then(
              (res) => {
                sim.guard('callFunction success', () => o.success?.(res));
                sim.guard('callFunction complete', () => o.complete?.(res));
              },
              (error) => sim.guard('callFunction fail', () => o.fail?.(sim.inner({ errMsg: `cloud.callFunction:fail ${explain(error)}` }))),
            );
            return undefined;
          }
          return done;
        },
      };
    }
    return wx;
  }
}

/** The node id (sid) of the element whose id is `uid`, in Taro's page data. */
function sidOf(node: unknown, uid: string): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const n = node as { uid?: string; sid?: string; cn?: unknown[] };
  if (n.uid === uid) return n.sid;
  for (const child of n.cn ?? []) {
    const found = sidOf(child, uid);
    if (found) return found;
  }
  return undefined;
}

function selectorQuery() {
  const query = {
    in: () => query,
    select: () => query,
    selectAll: () => query,
    selectViewport: () => query,
    boundingClientRect: () => query,
    scrollOffset: () => query,
    fields: () => query,
    node: () => query,
    exec: (cb?: (res: unknown[]) => void) => setTimeout(() => cb?.([]), 0),
  };
  return query;
}

function explain(value: unknown): string {
  if (value instanceof Error || (typeof value === 'object' && value !== null && 'stack' in value)) {
    const e = value as Error;
    return `${e.name}: ${e.message}`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}
