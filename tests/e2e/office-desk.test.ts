import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import type { ApiResponse } from '../../src/core/errors';
import type { LedgerListResult } from '../../src/contract';
import { launchBrowser } from './support/browser';
import { startGateway, uploadTo, type RunningGateway } from './support/gateway';
import { back, fill, login, onPage, seeText, snap, tap, textOf, textsOf, visible } from './support/pages';

// The office at its desk, on a 375×812 phone browser and once at 1280×800: the ledger filtered (a
// unit, overdue), searched and exported (the downloaded .xlsx holds exactly the filtered rows), and
// 全部建议 paged past its first page, searched, and its choices kept across a suggestion's page. One
// demo gateway for the file, with 24 more suggestions imported (half of them assigned in May, so
// their replies are overdue on the frozen day) so that the lists have more than one page.
jest.setTimeout(240_000);

const NOW = '2026-11-27T10:00:00+08:00';
const SESSION = '十八届三次';

/** 24 suggestions 2001–2024, alternately for 市民政局 (assigned in May: overdue) and 市水务局 (assigned this month). */
function importCsv(): string {
  const header = '建议号,标题,内容,领衔代表,附议代表,代表团,届次,提出阶段,主办单位,会办单位,分办单位,交办日期,重点督办';
  const rows = Array.from({ length: 24 }, (_, i) => {
    const n = 2001 + i;
    const old = i % 2 === 0;
    const unit = old ? '市民政局' : '市水务局';
    const date = old ? '2026-05-06' : '2026-11-20';
    // Deputies of the roster, each with his or her own 代表团 (an unknown one would stop the import to ask).
    const deputy = i % 3 === 0 ? '李秀英,,章丘区代表团' : '王建华,,历下区代表团';
    return `${n},关于台账测试第${i + 1}项工作的建议,建议逐项落实。,${deputy},${SESSION},会期,${unit},,,${date},否`;
  });
  return [header, ...rows].join('\r\n') + '\r\n';
}

describe('the office at its desk', () => {
  let gw: RunningGateway;
  let browser: Browser;
  let cookie = '';
  const downloads = mkdtempSync(path.join(os.tmpdir(), 'jyt-export-'));

  async function api<T>(action: string, data: unknown): Promise<T> {
    const res = await fetch(new URL('/api/api', gw.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ action, data }),
    });
    const body = (await res.json()) as ApiResponse<T>;
    if (!body.ok) throw new Error(`${action}: ${body.error.code} ${body.error.message}`);
    return body.data;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    gw = await startGateway({ SWEEP_INTERVAL_MS: '0', APP_NOW: NOW, APP_CLOCK: 'frozen' });
    const origin = gw.url.replace(/\/$/, '');
    const res = await fetch(new URL('/dev/login', gw.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ openid: 'demo-coordinator' }),
    });
    cookie = String(res.headers.get('set-cookie')).split(';')[0]!;
    const fileID = await uploadTo(gw.url, cookie, Buffer.from(importCsv()), '交办清单.csv');
    let answer = { remaining: 1, unknownDeputies: undefined as unknown };
    for (let round = 0; answer.remaining > 0 && !answer.unknownDeputies && round < 10; round += 1) {
      answer = await api<typeof answer>('suggestions.import', { fileID, format: 'csv' });
    }
    expect([answer.remaining, answer.unknownDeputies]).toEqual([0, undefined]);
  });

  afterAll(async () => {
    await browser?.close();
    await gw?.stop();
    rmSync(downloads, { recursive: true, force: true });
  });

  /** The count the page shows: 共N项 / 共N件. */
  async function countOf(page: Page, selector: string): Promise<number> {
    return Number(/^共(\d+)/.exec(await textOf(page, selector))?.[1] ?? NaN);
  }

  it('filters the ledger by unit and overdue, searches it, and exports exactly the filtered rows', async () => {
    const { page, context } = await login(browser, gw.url, 'demo-coordinator');
    await tap(page, '#ledger-link');
    await onPage(page, 'pages/office/ledger/index');
    await seeText(page, /^共\d+项/, '#ledger-count');
    const all = await countOf(page, '#ledger-count');
    const everything = await api<LedgerListResult>('ledger.list', { pageSize: 1 });
    expect(all).toBe(everything.total);

    // 市民政局, found among the units by typing, then 已超期.
    await tap(page, '#ledger-filter-toggle');
    await fill(page, 'ledger-unit-search', '民政');
    await tap(page, '#ledger-unit-unit-mzj');
    await seeText(page, '✓ 市民政局', '#ledger-unit');
    await tap(page, '#ledger-deadline-overdue');
    await snap(page, 'ledger-filters', '#ledger-filter-panel');
    await tap(page, '#ledger-filter-done');
    await seeText(page, '已选：市民政局 · 已超期', '#ledger-filter-words');
    const expected = await api<LedgerListResult>('ledger.list', { unitId: 'unit-mzj', overdue: true, pageSize: 100 });
    expect(expected.total).toBeGreaterThanOrEqual(12);
    expect(expected.total).toBeLessThan(all);
    await seeText(page, new RegExp(`^共${expected.total}项，已显示${Math.min(20, expected.total)}项`), '#ledger-count');
    const cards = await textsOf(page, '#ledger .ledger-row');
    expect(cards).toHaveLength(Math.min(20, expected.total));
    for (const card of cards) {
      expect(card).toContain('市民政局');
      expect(card).toContain('已超期');
    }
    expect(cards.map((c) => /^(\S+)号/.exec(c)?.[1])).toEqual(expected.items.slice(0, 20).map((r) => r.number));
    await snap(page, 'ledger-filtered');

    // The export: a real download of the workbook holding every filtered row and no other.
    const [download] = await Promise.all([page.waitForEvent('download'), tap(page, '#ledger-export-btn')]);
    expect(download.suggestedFilename()).toMatch(/^建议办理台账-市民政局-2026-11-27\.xlsx$/); // a unit's ledger names the unit
    const saved = path.join(downloads, download.suggestedFilename());
    await download.saveAs(saved);
    await seeText(page, `已下载：${download.suggestedFilename()}`, '#ledger-export-result');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(2).values as unknown[]).slice(1);
    const column = (name: string) => header.indexOf(name) + 1;
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((row, n) => {
      if (n > 2) rows.push(row);
    });
    expect(rows).toHaveLength(expected.total);
    expect(rows.map((r) => String(r.getCell(column('建议号')).value))).toEqual(expected.items.map((r) => r.number));
    for (const row of rows) {
      expect(row.getCell(column('承办单位')).value).toBe('市民政局');
      expect(row.getCell(column('是否超期')).value).toBe('是');
    }

    // A search by 建议号 within the filters, then by part of a title with the filters cleared.
    await fill(page, 'ledger-keyword', '2003');
    await tap(page, '#ledger-search');
    await seeText(page, /^共1项，已显示1项/, '#ledger-count');
    expect((await textOf(page, '#ledger .ledger-row')).replace(/\u200b/g, '')).toContain('2003号 · 市民政局（独办）');
    await tap(page, '#ledger-filter-clear');
    await fill(page, 'ledger-keyword', '老年食堂');
    await tap(page, '#ledger-search');
    const found = await api<LedgerListResult>('ledger.list', { keyword: '老年食堂' });
    expect(found.total).toBeGreaterThan(0);
    await seeText(page, new RegExp(`^共${found.total}项`), '#ledger-count');
    for (const card of await textsOf(page, '#ledger .ledger-row')) expect(card).toContain('老年食堂');
    await snap(page, 'ledger-search');
    await context.close();
  });

  it('pages 全部建议 past its first page, searches it, and keeps the choices across a suggestion', async () => {
    const { page, context } = await login(browser, gw.url, 'demo-coordinator');
    await seeText(page, /^共\d+件，期限最近的5件：$/, '#office-home-note');
    await tap(page, '#all-suggestions-link');
    await onPage(page, 'pages/office/suggestions/index');
    await seeText(page, /^共\d+件，已显示20件$/, '#suggestions-count');
    const total = await countOf(page, '#suggestions-count');
    expect(total).toBeGreaterThan(20);
    expect(total).toBeLessThanOrEqual(40);
    await snap(page, 'all-suggestions');
    await tap(page, '#suggestions-more');
    await seeText(page, `共${total}件，已显示${total}件`, '#suggestions-count');
    expect(await textsOf(page, '#suggestions .suggestion-item')).toHaveLength(total);
    await visible(page, '#suggestions-end');

    // Search by part of a title, narrow to 市民政局, open one and come back: the list is as it was left.
    await fill(page, 'suggestions-keyword', '台账测试');
    await tap(page, '#suggestions-search');
    await seeText(page, '共24件，已显示20件', '#suggestions-count');
    await tap(page, '#suggestions-filter-toggle');
    await fill(page, 'suggestions-unit-search', '民政');
    await tap(page, '#suggestions-unit-unit-mzj');
    await tap(page, '#suggestions-filter-done');
    const narrowed = await api<{ total: number }>('suggestions.list', { keyword: '台账测试', unitId: 'unit-mzj' });
    expect([narrowed.total, await textOf(page, '#suggestions-filter-words')]).toEqual([12, '已选：市民政局']);
    await seeText(page, '共12件，已显示12件', '#suggestions-count');
    const titles = await textsOf(page, '#suggestions .suggestion-item');
    for (const t of titles) expect(t).toContain('市民政局');
    await tap(page, '#suggestions .suggestion-item');
    await onPage(page, 'pages/work/detail/index');
    await seeText(page, '关于台账测试第1项工作的建议', '#suggestion-title');
    await back(page);
    await onPage(page, 'pages/office/suggestions/index');
    await seeText(page, '共12件，已显示12件', '#suggestions-count');
    await seeText(page, '已选：市民政局', '#suggestions-filter-words');
    await seeText(page, '搜索：“台账测试”', '#suggestions-searching');
    await context.close();
  });

  it('shows the ledger as a table at desk width (1280×800), and 全部建议 side by side', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.goto(new URL('/dev/login', gw.url).toString());
    await page.click('#login-demo-coordinator');
    await page.waitForURL((u) => !u.pathname.startsWith('/dev/'));
    await page.goto(new URL('/#/pages/office/ledger/index', gw.url).toString());
    const table = await visible(page, '#ledger-table');
    expect(await table.evaluate((el) => getComputedStyle(el).display)).toBe('table');
    const head = await textsOf(page, '#ledger-table .data-head .data-cell');
    expect(head).toEqual(['建议号', '标题', '承办单位', '办理方式', '状态', '期限', '答复类别', '满意度']);
    const total = await countOf(page, '#ledger-count');
    expect(await page.locator('#ledger-table .ledger-table-row').filter({ visible: true }).count()).toBe(Math.min(20, total));
    expect(await page.locator('#ledger .ledger-row').filter({ visible: true }).count()).toBe(0);
    // One line per task: the table's rows stand in a column as wide as the page.
    const width = await table.evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(1000);
    await snap(page, 'ledger-desk');

    await page.goto(new URL('/#/pages/office/suggestions/index', gw.url).toString());
    const grid = await visible(page, '#suggestions');
    const columns = await grid.evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
    expect(columns).toBeGreaterThanOrEqual(2);
    await snap(page, 'all-suggestions-desk');
    await context.close();
  });
});
