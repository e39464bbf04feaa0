import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startGateway, type RunningGateway } from './support/gateway';
import { PHONE, snap, tap, visible } from './support/pages';

// The office at its desk: the coordinator's and the administrator's pages in a browser 1280 px wide
// use the width (the page is wider than a phone column, parts named below sit side by side, no line
// of text runs longer than 60 characters, no button is wider than 25 em — a readable width, not the
// column's — nothing runs off the screen; a suggestion's detail in two columns), and the same pages on a
// 375×812 phone keep their one column (the same parts stacked, nothing wider than the screen).
// Each page is saved as <name>-desk.png and <name>-phone.png.
jest.setTimeout(300_000);

const DESK = { width: 1280, height: 800 } as const;
const LONGEST_LINE_EM = 60;
const WIDEST_BUTTON_EM = 25;

interface Visit {
  name: string;
  as: string; // demo user's openid
  url: string;
  /** What the person does first (e.g. chooses units), on both sizes. */
  before?: (page: Page) => Promise<void>;
  /** Pairs of parts that sit side by side at the desk and one above the other on the phone. */
  pairs: [string, string][];
}

const VISITS: Visit[] = [
  { name: 'home-coordinator', as: 'demo-coordinator', url: '/#/pages/index/index', pairs: [['#messages-link', '#office-home'], ['#ledger-link', '#office-home'], ['#office-home .suggestion-item:nth-child(1)', '#office-home .suggestion-item:nth-child(2)']] },
  {
    name: 'assign',
    as: 'demo-coordinator',
    url: '/#/pages/office/assign/index?id=sug-floodplain',
    before: async (page) => {
      await tap(page, '#pick-unit-fgw');
      await tap(page, '#pick-unit-slj');
    },
    pairs: [['#assign-units', '#assign-chosen']],
  },
  { name: 'urge', as: 'demo-coordinator', url: '/#/pages/office/decide/index?id=sug-canteen&taskId=sug-canteen-task-1&kind=urge', pairs: [['#decide-page .task-form > .card', '#urge-message']] },
  { name: 'disclose', as: 'demo-coordinator', url: '/#/pages/office/disclose/index?id=sug-nev', pairs: [['#disclose-subject', '#disclose-mode']] },
  { name: 'stats', as: 'demo-coordinator', url: '/#/pages/office/stats/index', pairs: [['#all-stat-received', '#all-stat-completion'], ['#per-unit > .card:nth-child(1)', '#per-unit > .card:nth-child(2)']] },
  { name: 'import', as: 'demo-coordinator', url: '/#/pages/office/import/index', pairs: [] },
  // 待立案: the queue and the phase control side by side.
  { name: 'proposal-queue', as: 'demo-coordinator', url: '/#/pages/proposals/queue/index', pairs: [['#queue-section', '#window-form']] },
  // A unit's handler at a desk gets the same home: menus on the left, the task queue on the right.
  { name: 'home-handler', as: 'demo-handler', url: '/#/pages/index/index', pairs: [['#messages-link', '#handler-queue'], ['#stats-link', '#handler-queue']] },
  { name: 'home-admin', as: 'demo-admin', url: '/#/pages/index/index', pairs: [['#roster-link', '#office-home']] },
  { name: 'roster', as: 'demo-admin', url: '/#/pages/roster/index/index', pairs: [['#person-user-deputy-wang .card-title', '#person-user-deputy-wang .card-meta'], ['#person-user-deputy-wang .tag', '#person-user-deputy-wang .card-meta']] },
  { name: 'roster-units', as: 'demo-admin', url: '/#/pages/roster/index/index', before: (page) => tap(page, '#roster-tab-units'), pairs: [['#unit-unit-fgw', '#unit-unit-jtj']] },
  { name: 'person', as: 'demo-admin', url: '/#/pages/roster/person/index?id=user-deputy-zhang', pairs: [['.person-form', '#bind-code-issue']] },
  { name: 'deputy-import', as: 'demo-admin', url: '/#/pages/roster/import/index', pairs: [] },
  // A suggestion: what it says (and its records) on the left, the units' tasks and the timeline on the right.
  { name: 'detail-coordinator', as: 'demo-coordinator', url: '/#/pages/work/detail/index?id=sug-canteen', pairs: [['#suggestion-header', '#tasks']] },
  { name: 'detail-handler', as: 'demo-handler', url: '/#/pages/work/detail/index?id=sug-charging', pairs: [['#suggestion-header', '#tasks']] },
];

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The box of the visible element matching the selector. */
async function boxOf(page: Page, selector: string): Promise<Box> {
  const el = await visible(page, selector);
  return el.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  });
}

const sideBySide = (a: Box, b: Box) => (a.right <= b.left + 1 || b.right <= a.left + 1) && a.top < b.bottom && b.top < a.bottom;
const stacked = (a: Box, b: Box) => a.bottom <= b.top + 1 || b.bottom <= a.top + 1;

interface Measure {
  /** The width of the page's column (its .screen). */
  column: number;
  /** The longest line of text, in em of its own font size, with its start. */
  longest: { em: number; text: string };
  /** Elements whose right edge runs past the page's column or the window. */
  off: string[];
  /** How far the document scrolls sideways. */
  scrollWidth: number;
  /** Buttons wider than WIDEST_BUTTON_EM of their own text size, with their width in px. */
  wideButtons: string[];
}

function measure(page: Page): Promise<Measure> {
  return page.evaluate((widestEm) => {
    const screen = Array.from(document.querySelectorAll('.screen')).find((s) => s.getBoundingClientRect().height > 0)!;
    const column = screen.getBoundingClientRect();
    let longest = { em: 0, text: '' };
    const walker = document.createTreeWalker(screen, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!(node.textContent ?? '').trim() || !node.parentElement) continue;
      const size = parseFloat(getComputedStyle(node.parentElement).fontSize);
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of Array.from(range.getClientRects())) {
        const em = rect.width / size;
        if (em > longest.em) longest = { em: Math.round(em * 10) / 10, text: (node.textContent ?? '').trim().slice(0, 20) };
      }
    }
    const off: string[] = [];
    for (const el of Array.from(screen.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // A row of chips that scrolls sideways by design (.one-row) keeps its overflow inside itself.
      if (el.parentElement?.closest('.one-row')) continue;
      if (r.right > Math.min(column.right, window.innerWidth) + 1) off.push(`${el.tagName.toLowerCase()}.${el.className}「${(el.textContent ?? '').trim().slice(0, 12)}」`);
    }
    const wideButtons = Array.from(screen.querySelectorAll('taro-button-core'))
      .filter((b) => {
        const r = b.getBoundingClientRect();
        return r.height > 0 && r.width > widestEm * parseFloat(getComputedStyle(b).fontSize);
      })
      .map((b) => `${b.id || b.className}「${(b.textContent ?? '').trim().slice(0, 12)}」 ${Math.round(b.getBoundingClientRect().width)}px`);
    return { column: column.width, longest, off, scrollWidth: document.documentElement.scrollWidth, wideButtons };
  }, WIDEST_BUTTON_EM);
}

describe('the office pages at a desk (1280×800) and on a phone (375×812)', () => {
  let gw: RunningGateway;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    gw = await startGateway({ SWEEP_INTERVAL_MS: '0', APP_NOW: '2026-11-27T10:00:00+08:00', APP_CLOCK: 'frozen' });
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.stop();
  });

  /** Visits every page as its user in one browser window of this size; returns what each showed. */
  async function tour(viewport: { width: number; height: number }, suffix: string) {
    const context: BrowserContext = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const seen: { visit: Visit; measure: Measure; boxes: [Box, Box][] }[] = [];
    let who: string | undefined;
    try {
      for (const visit of VISITS) {
        if (visit.as !== who) {
          await page.goto(new URL('/dev/login', gw.url).toString());
          await page.click(`#login-${visit.as}`);
          await page.waitForURL((u) => !u.pathname.startsWith('/dev/'));
          who = visit.as;
        }
        // A fresh document each time: a hash-only jump from the previous page may leave it in place.
        await page.goto('about:blank');
        await page.goto(new URL(visit.url, gw.url).toString());
        await visible(page, '.screen');
        await page.waitForFunction(() => !Array.from(document.querySelectorAll('#state-loading')).some((e) => e.getBoundingClientRect().height > 0), undefined, { timeout: 20_000 });
        if (visit.before) await visit.before(page);
        const boxes: [Box, Box][] = [];
        for (const [a, b] of visit.pairs) boxes.push([await boxOf(page, a), await boxOf(page, b)]);
        seen.push({ visit, measure: await measure(page), boxes });
        await snap(page, `${visit.name}-${suffix}`);
      }
    } finally {
      await context.close();
    }
    return seen;
  }

  it('at 1280×800 each page uses the width: a wide column, its parts side by side, lines of reading length, nothing off the screen', async () => {
    const seen = await tour(DESK, 'desk');
    const problems: string[] = [];
    for (const { visit, measure: m, boxes } of seen) {
      if (m.column <= 700) problems.push(`${visit.name}: column ${m.column}px`);
      if (m.column > 1200 + 1) problems.push(`${visit.name}: column ${m.column}px, wider than 1200`);
      if (m.longest.em > LONGEST_LINE_EM) problems.push(`${visit.name}: a line of ${m.longest.em}em「${m.longest.text}」`);
      if (m.off.length > 0 || m.scrollWidth > DESK.width) problems.push(`${visit.name}: off the screen ${m.off.slice(0, 3).join(' ')} (scroll ${m.scrollWidth})`);
      if (m.wideButtons.length > 0) problems.push(`${visit.name}: buttons wider than ${WIDEST_BUTTON_EM}em ${m.wideButtons.slice(0, 3).join(' ')}`);
      visit.pairs.forEach(([a, b], i) => {
        const [boxA, boxB] = boxes[i]!;
        if (!sideBySide(boxA, boxB)) problems.push(`${visit.name}: ${a} and ${b} not side by side ${JSON.stringify(boxes[i])}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('at 375×812 the same pages keep their phone column: the same parts one above the other, nothing wider than the screen', async () => {
    const seen = await tour(PHONE, 'phone');
    const problems: string[] = [];
    for (const { visit, measure: m, boxes } of seen) {
      if (Math.round(m.column) !== PHONE.width) problems.push(`${visit.name}: column ${m.column}px`);
      if (m.off.length > 0 || m.scrollWidth > PHONE.width) problems.push(`${visit.name}: off the screen ${m.off.slice(0, 3).join(' ')} (scroll ${m.scrollWidth})`);
      visit.pairs.forEach(([a, b], i) => {
        const [boxA, boxB] = boxes[i]!;
        if (!stacked(boxA, boxB)) problems.push(`${visit.name}: ${a} and ${b} not one above the other ${JSON.stringify(boxes[i])}`);
      });
    }
    expect(problems).toEqual([]);
  });
});

