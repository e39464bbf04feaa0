import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { screenshotDir } from './screens';

// Page helpers for driving the H5 app as a person would: log in with the dev login buttons, tap,
// type, and wait for visible Chinese text. Taro keeps earlier pages of the stack in the DOM
// (hidden), so every lookup is restricted to what is visible now.

export const PHONE = { width: 375, height: 812 } as const;
const WAIT = 20_000;

export interface Session {
  context: BrowserContext;
  page: Page;
}

/** A separate browser context (own cookies) for one demo user, logged in through /dev/login. */
export async function login(browser: Browser, baseUrl: string, openid: string): Promise<Session> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(new URL('/dev/login', baseUrl).toString());
  await page.click(`#login-${openid}`);
  await page.waitForURL((u) => !u.pathname.startsWith('/dev/'));
  await visible(page, '#home');
  return { context, page };
}

/** The visible element matching a CSS selector (the first one when several are shown). */
export function visible(page: Page, selector: string): Promise<Locator> {
  const locator = page.locator(selector).filter({ visible: true }).first();
  return locator.waitFor({ state: 'visible', timeout: WAIT }).then(() => locator);
}

/** Taps the visible element (Taro buttons are <taro-button-core>; a click is a tap in H5). */
export async function tap(page: Page, selector: string): Promise<void> {
  await (await visible(page, selector)).click();
}

/** Types into the input or textarea rendered inside the Taro field with this id, replacing its value. */
export async function fill(page: Page, id: string, text: string): Promise<void> {
  const field = await visible(page, `#${id}`);
  const box = field.locator('input, textarea').first();
  await box.fill(text);
}

/** The value now in a Taro field. */
export async function valueOf(page: Page, id: string): Promise<string> {
  const field = await visible(page, `#${id}`);
  return field.locator('input, textarea').first().inputValue();
}

/** Waits until this text is visible somewhere on the current page (inside `within` when given). */
export async function seeText(page: Page, text: string | RegExp, within?: string): Promise<Locator> {
  const scope = within ? page.locator(within).filter({ visible: true }).first() : page.locator('body');
  const locator = scope.getByText(text).filter({ visible: true }).first();
  await locator.waitFor({ state: 'visible', timeout: WAIT });
  return locator;
}

/** The visible text of an element, whitespace-collapsed. */
export async function textOf(page: Page, selector: string): Promise<string> {
  const text = await (await visible(page, selector)).innerText();
  return text.replace(/\s+/g, ' ').trim();
}

/** The visible texts of every element matching the selector. */
export async function textsOf(page: Page, selector: string): Promise<string[]> {
  const items = page.locator(selector).filter({ visible: true });
  const texts = await items.allInnerTexts();
  return texts.map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Waits for the Taro hash route to show this page path (e.g. 'pages/work/detail/index'). */
export async function onPage(page: Page, pagePath: string): Promise<void> {
  await page.waitForFunction((p) => window.location.hash.includes(p), pagePath, { timeout: WAIT });
}

/** Waits until no page is sliding in or out (Taro H5 animates every move between pages). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.documentElement.scrollWidth <= window.innerWidth &&
      document.getAnimations().every((a) => a.playState !== 'running'),
    undefined,
    { timeout: WAIT },
  );
}

/**
 * The phone's back gesture (the browser's back in H5), once the current page has finished sliding
 * in: going back mid-animation leaves Taro H5 with every page hidden.
 */
export async function back(page: Page): Promise<void> {
  await settled(page);
  await page.goBack();
  await settled(page);
}

/**
 * A 375×812 screenshot of what the user sees now, into the gitignored screenshot folder, once the page
 * has finished sliding in; `focus` scrolls that element into view first (Taro pages scroll inside
 * their own container, so a page screenshot is one phone screen).
 */
export async function snap(page: Page, name: string, focus?: string): Promise<void> {
  if (focus) await (await visible(page, focus)).scrollIntoViewIfNeeded();
  await settled(page);
  mkdirSync(screenshotDir(), { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir(), `${name}.png`) });
}

/** Reads until the value equals `expected` (the page reloads after an action) or the wait ends; returns the last value read. */
export async function settle<T>(read: () => Promise<T>, expected: T, timeout = WAIT): Promise<T> {
  const until = Date.now() + timeout;
  let value = await read().catch(() => undefined as T);
  while (value !== expected && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read().catch(() => undefined as T);
  }
  return value;
}

/**
 * Answers the confirmation dialog of an irreversible step as the person would: reads it (returned,
 * whitespace-collapsed, for the test to check the consequences it states) and taps its confirm button.
 */
export async function confirmDialog(page: Page): Promise<string> {
  const dialog = page.locator('.taro__modal .taro-modal__content').filter({ visible: true }).first();
  await dialog.waitFor({ state: 'visible', timeout: WAIT });
  const text = (await dialog.innerText()).replace(/\s+/g, ' ').trim();
  await dialog.locator('.taro-model__confirm').click();
  await dialog.waitFor({ state: 'hidden', timeout: WAIT });
  return text;
}

/** Waits for the success message (a toast) with this text. */
export async function seeToast(page: Page, text: string): Promise<void> {
  await page.locator('.taro__toast *').filter({ visible: true, hasText: text }).first().waitFor({ state: 'visible', timeout: WAIT });
}
