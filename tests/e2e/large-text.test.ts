import type { Page } from 'playwright-core';
import { browserAtTextSize, TEXT_SIZES } from './support/browser';
import { startGateway, type RunningGateway } from './support/gateway';
import { PHONE, snap, visible } from './support/pages';
import { elderlyFindings, smallText, type Finding } from './support/elderly';

// Every page at the standard text size and at the largest, in a real Chromium whose own text-size
// setting is changed (the profile's default font size: 16 px standard, 24 px = Chrome's "very large"),
// which the H5 app follows. At the standard size no text is smaller than 17 px; at the largest no tag,
// date or number wraps inside itself (its height stays one line), and a suggestion's first screen still
// shows its title and state, and the page meets the elderly-friendly standard (tests/e2e/support/elderly.ts):
// no visible text below 18 px, no tap target below 60×60 px, no line height below 1.3 times the text.
// Each page is saved as <name>-standard.png and <name>-largest.png.
jest.setTimeout(600_000);

type Size = keyof typeof TEXT_SIZES;

interface Visit {
  name: string;
  as?: string; // demo user's openid; none = the public
  url: string;
  tap?: string | string[]; // buttons to tap, in turn, before measuring (e.g. to open a panel or a dialog)
  then?: string; // what the tap must bring (waited for before measuring)
  shows?: string; // what the page must show, so that a refusal or an empty page is not measured instead
}

const VISITS: Visit[] = [
  { name: 'page-public-list', url: '/#/pages/public/list/index' },
  { name: 'page-public-year-picker', url: '/#/pages/public/list/index', tap: '#public-year', then: '.weui-picker__action' },
  { name: 'page-public-reply', url: '/#/pages/public/reply/index?id=sug-nev' },
  { name: 'page-home-deputy', as: 'demo-deputy', url: '/#/pages/index/index' },
  { name: 'page-detail-deputy', as: 'demo-deputy', url: '/#/pages/work/detail/index?id=sug-charging' },
  { name: 'page-messages', as: 'demo-deputy', url: '/#/pages/account/messages/index' },
  { name: 'page-bind', as: 'demo-deputy', url: '/#/pages/account/bind/index' },
  { name: 'page-feedback', as: 'demo-deputy2', url: '/#/pages/work/feedback/index?id=sug-yellow-river&taskId=sug-yellow-river-task-1', shows: '#rate-result' },
  { name: 'page-home-handler', as: 'demo-handler', url: '/#/pages/index/index' },
  { name: 'page-progress', as: 'demo-handler', url: '/#/pages/work/progress/index?id=sug-yellow-river&commitmentId=sug-yellow-river-task-1-reply-1-commitment', shows: '#progress-submit' },
  { name: 'page-detail-handler', as: 'demo-handler', url: '/#/pages/work/detail/index?id=sug-charging' },
  { name: 'page-contact', as: 'demo-handler', url: '/#/pages/work/contact/index?id=sug-charging&taskId=sug-charging-task-1' },
  { name: 'page-draft', as: 'demo-handler', url: '/#/pages/work/draft/index?id=sug-charging&taskId=sug-charging-task-1' },
  { name: 'page-request-extension', as: 'demo-handler', url: '/#/pages/work/request/index?id=sug-charging&taskId=sug-charging-task-1&kind=extension' },
  { name: 'page-opinion', as: 'demo-handler', url: '/#/pages/work/opinion/index?id=sug-community-care&taskId=sug-community-care-task-2' },
  { name: 'page-home-reviewer', as: 'demo-reviewer', url: '/#/pages/index/index' },
  { name: 'page-review', as: 'demo-reviewer', url: '/#/pages/work/review/index?id=sug-elderly-care&taskId=sug-elderly-care-task-1' },
  { name: 'page-home-leader', as: 'demo-leader', url: '/#/pages/index/index' },
  { name: 'page-sign', as: 'demo-leader', url: '/#/pages/work/review/index?id=sug-childcare&taskId=sug-childcare-task-1' },
  { name: 'page-home-coordinator', as: 'demo-coordinator', url: '/#/pages/index/index' },
  { name: 'page-detail-coordinator', as: 'demo-coordinator', url: '/#/pages/work/detail/index?id=sug-nev' },
  { name: 'page-assign', as: 'demo-coordinator', url: '/#/pages/office/assign/index?id=sug-floodplain' },
  { name: 'page-urge', as: 'demo-coordinator', url: '/#/pages/office/decide/index?id=sug-canteen&taskId=sug-canteen-task-1&kind=urge' },
  { name: 'page-disclose', as: 'demo-coordinator', url: '/#/pages/office/disclose/index?id=sug-nev' },
  // A confirmation before an irreversible step (not confirmed: the next page is opened instead).
  { name: 'page-disclose-confirm', as: 'demo-coordinator', url: '/#/pages/office/disclose/index?id=sug-nev', tap: ['#disclose-mode-full', '#disclose-submit'], then: '.taro-modal__foot' },
  { name: 'page-ledger', as: 'demo-coordinator', url: '/#/pages/office/ledger/index' },
  { name: 'page-ledger-filters', as: 'demo-coordinator', url: '/#/pages/office/ledger/index', tap: '#ledger-filter-toggle' },
  { name: 'page-all-suggestions', as: 'demo-coordinator', url: '/#/pages/office/suggestions/index' },
  { name: 'page-stats', as: 'demo-coordinator', url: '/#/pages/office/stats/index', tap: '#report-open', then: '#annual-text' },
  { name: 'page-import', as: 'demo-coordinator', url: '/#/pages/office/import/index' },
  { name: 'page-roster', as: 'demo-admin', url: '/#/pages/roster/index/index' },
  { name: 'page-person', as: 'demo-admin', url: '/#/pages/roster/person/index?id=user-deputy-zhang' },
  { name: 'page-deputy-import', as: 'demo-admin', url: '/#/pages/roster/import/index' },
  { name: 'page-my-proposals', as: 'demo-deputy', url: '/#/pages/proposals/mine/index', shows: '#new-proposal-btn' },
  { name: 'page-proposal-form', as: 'demo-deputy', url: '/#/pages/proposals/edit/index', shows: '#proposal-measures' },
  { name: 'page-proposal-queue', as: 'demo-coordinator', url: '/#/pages/proposals/queue/index', shows: '#window-form' },
  { name: 'page-first-admin', as: 'demo-admin', url: '/#/pages/roster/setup/index', shows: '#setup-closed' },
];

/** Tags, dates and figures taller than one line: they wrapped inside themselves. */
function wrappedInside(page: Page): Promise<Finding[]> {
  return page.evaluate(() => {
    const out: { what: string; value: number }[] = [];
    const selector = '.tag:not(.phrases), .nowrap, .card-number:not(.phrases), .days-left, .bind-code-group';
    const screenRight = Math.min(window.innerWidth, ...Array.from(document.querySelectorAll('.screen')).map((s) => s.getBoundingClientRect().right || Infinity));
    for (const el of Array.from(document.querySelectorAll(selector))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || !el.closest('.screen')) continue;
      // Kept on one line but wider than the screen: it runs off the page instead.
      if (r.right > screenRight + 1) out.push({ what: `overflow ${el.className}「${(el.textContent ?? '').trim().slice(0, 16)}」`, value: Math.round(r.right - screenRight) });
      const style = getComputedStyle(el);
      const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.6;
      const chrome = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) + parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
      const lines = (r.height - chrome) / line;
      if (lines > 1.5) out.push({ what: `${el.className}「${(el.textContent ?? '').trim().slice(0, 16)}」`, value: Math.round(lines * 10) / 10 });
    }
    return out;
  });
}

describe('every page at the standard and the largest text size', () => {
  let gw: RunningGateway;

  beforeAll(async () => {
    gw = await startGateway({ SWEEP_INTERVAL_MS: '0', APP_NOW: '2026-11-27T10:00:00+08:00', APP_CLOCK: 'frozen' });
  });
  afterAll(async () => {
    await gw?.stop();
  });

  interface Tour {
    small: Finding[];
    wrapped: Finding[];
    base: number[];
    firstScreen: string[];
    elderly: { text: Finding[]; taps: Finding[]; lines: Finding[] };
    targets: number;
  }

  async function tour(size: Size): Promise<Tour> {
    const { context, close } = await browserAtTextSize(TEXT_SIZES[size], PHONE);
    const page = await context.newPage();
    const small: Finding[] = [];
    const wrapped: Finding[] = [];
    const base: number[] = [];
    const firstScreen: string[] = [];
    const elderly: Tour['elderly'] = { text: [], taps: [], lines: [] };
    let targets = 0;
    let who: string | undefined;
    try {
      for (const visit of VISITS) {
        if (visit.as !== who) {
          if (visit.as) {
            await page.goto(new URL('/dev/login', gw.url).toString());
            await page.click(`#login-${visit.as}`);
            await page.waitForURL((u) => !u.pathname.startsWith('/dev/'));
          } else {
            await context.clearCookies();
          }
          who = visit.as;
        }
        // A fresh document each time: a hash-only jump from the previous page may leave it in place.
        await page.goto('about:blank');
        await page.goto(new URL(visit.url, gw.url).toString());
        const screen = await visible(page, '.screen');
        await page.waitForFunction(() => !Array.from(document.querySelectorAll('#state-loading')).some((e) => e.getBoundingClientRect().height > 0), undefined, { timeout: 20_000 });
        if (visit.shows) await visible(page, visit.shows);
        for (const selector of ([] as string[]).concat(visit.tap ?? [])) await (await visible(page, selector)).click();
        if (visit.then) await visible(page, visit.then);
        // The base size the app chose for this page (set on its root, which every size is relative to).
        base.push(parseFloat(await screen.evaluate((el) => (el as HTMLElement).style.fontSize)));
        await snap(page, `${visit.name}-${size}`);
        if (size === 'standard') small.push(...(await smallText(page, 17)).map((f) => ({ ...f, what: `${visit.name}: ${f.what}` })));
        if (size === 'largest') {
          wrapped.push(...(await wrappedInside(page)).map((f) => ({ ...f, what: `${visit.name}: ${f.what}` })));
          const found = await elderlyFindings(page, visit.name);
          elderly.text.push(...found.text);
          elderly.taps.push(...found.taps);
          elderly.lines.push(...found.lines);
          targets += found.targets;
          if (visit.url.includes('work/detail')) {
            const shown = await page.evaluate(() =>
              ['#suggestion-status', '#suggestion-title'].every((s) => {
                const el = Array.from(document.querySelectorAll(s)).find((e) => e.getBoundingClientRect().height > 0);
                return el !== undefined && el.getBoundingClientRect().bottom <= window.innerHeight;
              }),
            );
            if (!shown) firstScreen.push(visit.name);
          }
        }
      }
    } finally {
      await close();
    }
    return { small, wrapped, base, firstScreen, elderly, targets };
  }

  it('at the standard size: the base follows the browser (18 px) and no text is below 17 px', async () => {
    const { small, base } = await tour('standard');
    expect(new Set(base)).toEqual(new Set([18]));
    expect(small).toEqual([]);
  });

  it('at the largest size: the base follows the browser (27 px), nothing wraps inside a tag, date or number, a suggestion opens on its title and state, and every page meets the elderly-friendly standard', async () => {
    const { wrapped, base, firstScreen, elderly, targets } = await tour('largest');
    expect(new Set(base)).toEqual(new Set([27]));
    expect(wrapped).toEqual([]);
    expect(firstScreen).toEqual([]);
    expect({ textBelow18px: elderly.text, tapTargetsBelow60px: elderly.taps, linesBelow1_3: elderly.lines }).toEqual({ textBelow18px: [], tapTargetsBelow60px: [], linesBelow1_3: [] });
    // Every page of the tour was measured, and the tap targets were found (more than one a page).
    expect(base).toHaveLength(VISITS.length);
    expect(targets).toBeGreaterThan(VISITS.length);
  });
});
