import type { BrowserContext, Page } from 'playwright-core';
import { browserAtTextSize, TEXT_SIZES } from './support/browser';
import { startGateway, type RunningGateway } from './support/gateway';
import { PHONE, back, onPage, seeText, snap, tap, visible } from './support/pages';
import { ELDERLY, smallTapTargets, smallText, tightLines, type Finding } from './support/elderly';

// The elderly-friendly promises, measured on the rendered H5 pages at 375×812 in a browser set to its
// largest text size (elderly mode, tests/e2e/support/elderly.ts): every tap target at least 60×60 px,
// text at least 18 px with a line height of at least 1.3, text contrast at least 4.5:1 against what is
// really behind it (with transparency and opacity composited), and typed text as large as that.
// Read-only: nothing is submitted.
jest.setTimeout(180_000);

const MIN_CONTRAST = 4.5;
const MIN_FONT = ELDERLY.minText;

/** Text whose rendered colour has less than 4.5:1 contrast with its rendered background. */
function lowContrastText(page: Page): Promise<Finding[]> {
  return page.evaluate((min) => {
    type RGBA = [number, number, number, number];
    const parse = (css: string): RGBA => {
      const m = /rgba?\(([^)]+)\)/.exec(css);
      if (!m) return [0, 0, 0, 0];
      const [r, g, b, a] = m[1]!.split(',').map((x) => Number(x.trim()));
      return [r!, g!, b!, a ?? 1];
    };
    const over = (top: RGBA, below: RGBA): RGBA => {
      const a = top[3];
      return [top[0] * a + below[0] * (1 - a), top[1] * a + below[1] * (1 - a), top[2] * a + below[2] * (1 - a), 1];
    };
    const mix = (c: RGBA, behind: RGBA, opacity: number): RGBA => over([c[0], c[1], c[2], opacity], behind);
    const lum = (c: RGBA) => {
      const ch = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]);
    };
    const ratio = (a: RGBA, b: RGBA) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    // An element really disabled (not Taro's disabled="false") is exempt, as WCAG exempts inactive controls.
    const inactive = (el: Element) => {
      const d = el.closest('[disabled]')?.getAttribute('disabled');
      return d !== undefined && d !== null && d !== 'false';
    };
    const findings: { what: string; value: number }[] = [];
    const all = Array.from(document.querySelectorAll('body *'));
    for (const el of all) {
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!ownText || inactive(el)) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      // The chain from the root down to the element: each one's background and opacity.
      const chain: Element[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) chain.unshift(e);
      const surfaces: RGBA[] = []; // what each element paints before its opacity is applied
      let behind: RGBA = [255, 255, 255, 1];
      for (const e of chain) {
        behind = over(parse(getComputedStyle(e).backgroundColor), behind);
        surfaces.push(behind);
      }
      let fg = over(parse(getComputedStyle(el).color), surfaces[surfaces.length - 1]!);
      let bg = surfaces[surfaces.length - 1]!;
      for (let i = chain.length - 1; i >= 0; i--) {
        const opacity = Number(getComputedStyle(chain[i]!).opacity);
        if (opacity < 1) {
          const parentSurface = i > 0 ? surfaces[i - 1]! : ([255, 255, 255, 1] as RGBA);
          fg = mix(fg, parentSurface, opacity);
          bg = mix(bg, parentSurface, opacity);
        }
      }
      const value = Math.round(ratio(fg, bg) * 100) / 100;
      if (value < min) findings.push({ what: `${el.id || el.tagName.toLowerCase()}「${(el.textContent ?? '').trim().slice(0, 12)}」`, value });
    }
    return findings;
  }, MIN_CONTRAST);
}

/** Inputs and text areas whose typed text is smaller than the page's floor. */
function smallTypedText(page: Page): Promise<Finding[]> {
  return page.evaluate((min) => {
    return Array.from(document.querySelectorAll('input, textarea'))
      .filter((el) => el.getBoundingClientRect().height > 0)
      .map((el) => ({ what: `${el.closest('[id]')?.id ?? el.tagName.toLowerCase()} ${el.tagName.toLowerCase()}`, value: parseFloat(getComputedStyle(el).fontSize) }))
      .filter((f) => f.value < min);
  }, MIN_FONT);
}

const allClear = (pages: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(pages).map((name) => [name, { taps: [], text: [], lines: [], contrast: [], typed: [] }]));

interface Person {
  page: Page;
  close: () => Promise<void>;
}

describe('the pages are usable for older people', () => {
  let gw: RunningGateway;
  let handler: Person;
  let deputy: Person;

  /** A person logged in by the dev login, in a browser of his or her own set to the largest text size. */
  async function person(openid: string): Promise<Person> {
    const { context, close }: { context: BrowserContext; close: () => Promise<void> } = await browserAtTextSize(TEXT_SIZES.largest, PHONE);
    const page = await context.newPage();
    await page.goto(new URL('/dev/login', gw.url).toString());
    await page.click(`#login-${openid}`);
    await page.waitForURL((u) => !u.pathname.startsWith('/dev/'));
    await visible(page, '#home');
    return { page, close };
  }

  beforeAll(async () => {
    gw = await startGateway({ SWEEP_INTERVAL_MS: '0' });
    handler = await person('demo-handler');
    deputy = await person('demo-deputy2');
  });

  afterAll(async () => {
    await handler?.close();
    await deputy?.close();
    await gw?.stop();
  });

  /** Every page the two people pass through, in the order they reach it (each test opens the next). */
  async function check(page: Page, name: string) {
    await snap(page, `a11y-${name}`);
    return {
      taps: await smallTapTargets(page),
      text: await smallText(page),
      lines: await tightLines(page),
      contrast: await lowContrastText(page),
      typed: await smallTypedText(page),
    };
  }

  it('gives the handler 60×60 tap targets and readable text on home, detail, contact and draft pages', async () => {
    const page = handler.page;
    await seeText(page, '我的办理任务');
    const home = await check(page, 'handler-home');

    await tap(page, '#task-sug-charging-task-1');
    await onPage(page, 'pages/work/detail/index');
    await visible(page, '#contact-btn');
    const detail = await check(page, 'handler-detail');

    await tap(page, '#contact-btn');
    await onPage(page, 'pages/work/contact/index');
    await visible(page, '#contact-submit');
    const contact = await check(page, 'contact-form');

    await back(page);
    await tap(page, '#draft-btn');
    await onPage(page, 'pages/work/draft/index');
    // 保存草稿 is always there; 保存并提交审核 gives way to the reason while co-units' opinions are missing.
    await visible(page, '#save-draft-btn');
    const draft = await check(page, 'draft-form');

    const pages = { home, detail, contact, draft };
    expect(pages).toEqual(allClear(pages));
  });

  it('gives the deputy 60×60 tap targets and readable text on home, detail and the rating form', async () => {
    const page = deputy.page;
    await seeText(page, '我的建议');
    const home = await check(page, 'deputy-home');

    await tap(page, '#suggestion-sug-yellow-river');
    await onPage(page, 'pages/work/detail/index');
    await visible(page, '#feedback-btn');
    const detail = await check(page, 'deputy-detail');

    await tap(page, '#feedback-btn');
    await onPage(page, 'pages/work/feedback/index');
    await visible(page, '#feedback-submit');
    const feedback = await check(page, 'feedback-form');

    const pages = { home, detail, feedback };
    expect(pages).toEqual(allClear(pages));
  });

  it('keeps Taro’s picker in the browser large, tappable and readable: 取消 and 确定 60 px high, in colours of 4.5:1', async () => {
    const page = handler.page;
    await page.goto(new URL('/#/pages/public/list/index', gw.url).toString());
    await tap(page, '#public-year');
    await visible(page, '.weui-picker__action');
    const picker = await check(page, 'public-year-picker');
    const pages = { picker };
    expect(pages).toEqual(allClear(pages));
  });
});
