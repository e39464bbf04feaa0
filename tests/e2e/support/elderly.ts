import type { Page } from 'playwright-core';

// The three measures of the elderly-friendly standard (工信部《移动互联网应用（APP）适老化通用设计规范》,
// 2021) on a rendered H5 page, as docs/features.md describes them: main text at least 18 px, every tap
// target at least 60×60 px, line spacing at least 1.3 times the text size. Only what is visible counts
// (Taro keeps earlier pages of the stack in the DOM, hidden).

export const ELDERLY = { minText: 18, minTap: 60, minLineHeight: 1.3 } as const;

export interface Finding {
  what: string;
  value: number;
}

/**
 * Every visible tap target: Taro's buttons, pickers (and the picker's 取消/确定), checkboxes, radios,
 * switches and navigators, links, the dialog's buttons, and any element a handler listens to for a tap (React keeps an element's props on the element, so a
 * View with onClick is found as surely as a button). A target inside another target is measured too.
 */
export async function smallTapTargets(page: Page, min: number = ELDERLY.minTap): Promise<Finding[]> {
  return (await tapTargets(page)).filter((f) => f.value < min - 0.5);
}

/** Every visible tap target with its smaller side in px. */
export function tapTargets(page: Page): Promise<Finding[]> {
  return page.evaluate(() => {
    const NATIVE =
      'taro-button-core, taro-picker-core, taro-checkbox-core, taro-radio-core, taro-switch-core, taro-navigator-core, a[href], .weui-picker__action';
    const tappable = (el: Element) => {
      // Taro's dialog buttons (plain elements with an onclick) and picker actions are tapped too.
      if (el.matches(NATIVE) || typeof (el as HTMLElement).onclick === 'function') return true;
      const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'));
      const props = key ? ((el as unknown as Record<string, Record<string, unknown>>)[key] ?? {}) : {};
      return typeof props.onClick === 'function' || typeof props.onTap === 'function';
    };
    const out: { what: string; value: number }[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      if (!tappable(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      const side = Math.min(r.width, r.height);
      out.push({ what: `${el.tagName.toLowerCase()}#${el.id}.${el.className}「${(el.textContent ?? '').trim().slice(0, 12)}」 ${Math.round(r.width)}×${Math.round(r.height)}`, value: Math.round(side) });
    }
    return out;
  });
}

/** Each visible element with text of its own: its text size and line height (`normal` counted as 1.2). */
function ownText(page: Page): Promise<{ what: string; size: number; line: number }[]> {
  return page.evaluate(() => {
    const out: { what: string; size: number; line: number }[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      const r = el.getBoundingClientRect();
      if (!own || r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      const line = style.lineHeight === 'normal' ? size * 1.2 : parseFloat(style.lineHeight);
      out.push({ what: `${el.tagName.toLowerCase()}.${el.className}「${(el.textContent ?? '').trim().slice(0, 12)}」`, size, line });
    }
    return out;
  });
}

/** Visible text (an element with text of its own) smaller than `min` px. */
export async function smallText(page: Page, min: number = ELDERLY.minText): Promise<Finding[]> {
  return (await ownText(page)).filter((t) => t.size < min - 0.01).map(({ what, size }) => ({ what, value: size }));
}

/**
 * Visible text whose line height is below `min` times its size. `line-height: normal` depends on the
 * font (about 1.2 for most) and is counted as 1.2: the app sets its line heights.
 */
export async function tightLines(page: Page, min: number = ELDERLY.minLineHeight): Promise<Finding[]> {
  return (await ownText(page))
    .map(({ what, size, line }) => ({ what, value: Math.round((line / size) * 100) / 100, ratio: line / size }))
    .filter((t) => t.ratio < min - 0.005)
    .map(({ what, value }) => ({ what, value }));
}

export interface ElderlyFindings {
  text: Finding[];
  taps: Finding[];
  lines: Finding[];
  /** How many tap targets were measured (a page with none would pass the tap measure unseen). */
  targets: number;
}

/** All three on the page, each finding prefixed with the page's name. */
export async function elderlyFindings(page: Page, name: string): Promise<ElderlyFindings> {
  const named = (fs: Finding[]) => fs.map((f) => ({ ...f, what: `${name}: ${f.what}` }));
  const targets = await tapTargets(page);
  return {
    text: named(await smallText(page)),
    taps: named(targets.filter((f) => f.value < ELDERLY.minTap - 0.5)),
    lines: named(await tightLines(page)),
    targets: targets.length,
  };
}
