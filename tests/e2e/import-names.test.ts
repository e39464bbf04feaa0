import Database from 'better-sqlite3';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserAtTextSize, launchBrowser } from './support/browser';
import { startGateway, type RunningGateway } from './support/gateway';
import { confirmDialog, fill, login, onPage, PHONE, seeText, seeToast, snap, tap, textOf } from './support/pages';

// An import with a mistyped name, on a 375×812 phone browser: the coordinator's 交办清单 names
// "李秀珍" (the roster has 李秀英 of 章丘区代表团) and "王建 华" (王建华, with a space). The page asks about
// 李秀珍 only, offering 李秀英 as a near name; the coordinator picks her, confirms, and the import is
// written; 李秀英, logged in, finds the suggestion on her home page, and nobody named 李秀珍 exists.
// The question is measured at the standard and the largest text size; and the roster's import of
// deputies shows a new 李秀珍 beside the registered 李秀英 before it writes.
jest.setTimeout(180_000);

const SESSION = '十八届五次';
const list = (first: string, second: string) =>
  [
    '建议号,标题,内容,领衔代表,附议代表,代表团,届次,提出阶段,主办单位,会办单位,分办单位,交办日期,重点督办',
    `${first},关于老旧小区加装电梯补贴的建议,建议提高加装电梯补贴标准。,李秀珍,,章丘区代表团,${SESSION},会期,市住房城乡建设局,,,2026-11-20,否`,
    `${second},关于公交站台增设座椅的建议,建议在主干道公交站台增设座椅。,王建 华,李秀珍,历下区代表团,${SESSION},会期,市交通运输局,,,2026-11-20,否`,
  ].join('\r\n');
const LIST = list('9101', '9102');

/** Opens the import page and chooses a list of rows not imported yet; the page then asks about 李秀珍. */
async function chooseNewList(office: Page, baseUrl: string): Promise<void> {
  await office.goto(new URL('/#/pages/office/import/index', baseUrl).toString());
  await onPage(office, 'pages/office/import/index');
  const chooser = office.waitForEvent('filechooser');
  await tap(office, '#import-pick');
  await (await chooser).setFiles({ name: '交办清单.csv', mimeType: 'text/csv', buffer: Buffer.from(list('9201', '9202'), 'utf8') });
  await seeText(office, '表格中的「李秀珍」在名册中找不到', '#import-question');
}

describe('an import with a mistyped name', () => {
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

  it('asks about the unknown name, takes the chosen deputy, and she sees the suggestion', async () => {
    const { page: office, context } = await login(browser, gw.url, 'demo-coordinator');
    await tap(office, '#import-link');
    await onPage(office, 'pages/office/import/index');
    const chooser = office.waitForEvent('filechooser');
    await tap(office, '#import-pick');
    await (await chooser).setFiles({ name: '交办清单.csv', mimeType: 'text/csv', buffer: Buffer.from(LIST, 'utf8') });

    await seeText(office, '表格中的「李秀珍」在名册中找不到', '#import-question');
    await seeText(office, '表格中的「王建 华」按「王建华」导入（第3行）', '#import-renamed');
    const question = await textOf(office, '#import-question');
    expect(question.replace(/\u200b/g, '')).toMatch(/第2、3行 · 章丘区代表团、历下区代表团/);
    expect(question).not.toContain('「王建华」在名册中找不到');
    expect((await textOf(office, '#import-choice-0-user-deputy-li')).replace(/\u200b/g, '')).toBe('李秀英 · 章丘区代表团');
    await seeText(office, '新建代表「李秀珍」', '#import-unknown-0');
    await snap(office, 'import-unknown-name', '#import-question');

    await tap(office, '#import-choice-0-user-deputy-li');
    await seeText(office, /✓ 李秀英/, '#import-unknown-0');
    await tap(office, '#import-decided');
    expect(await confirmDialog(office)).toContain('「李秀珍」记为李秀英（章丘区代表团）');
    await seeText(office, '新导入2件，已导入过（未变）0件：9101、9102号', '#import-result');
    await seeToast(office, '导入完成');
    await context.close();

    const db = new Database(path.join(gw.dataDir, 'jianyitong.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const docs = <T,>(table: string) => (db.prepare(`SELECT doc FROM ${table}`).all() as { doc: string }[]).map((r) => JSON.parse(r.doc) as T);
      const imported = docs<{ number: string; session: string; leadDeputyId: string; coSignerIds: string[] }>('suggestions').filter((s) => s.session === SESSION);
      expect(Object.fromEntries(imported.map((s) => [s.number, [s.leadDeputyId, s.coSignerIds]]))).toEqual({
        '9101': ['user-deputy-li', []],
        '9102': ['user-deputy-wang', ['user-deputy-li']],
      });
      expect(docs<{ name: string }>('users').filter((u) => u.name.replace(/\s/g, '') === '李秀珍' || u.name === '王建 华')).toEqual([]);
    } finally {
      db.close();
    }

    const { page: deputy } = await login(browser, gw.url, 'demo-deputy2');
    await seeText(deputy, '李秀英，您好', '#greeting');
    await seeText(deputy, '关于老旧小区加装电梯补贴的建议', '#deputy-home');
    await seeText(deputy, '关于公交站台增设座椅的建议', '#deputy-home');
    await snap(deputy, 'import-chosen-deputy-home', '#deputy-home');
  });

  it('asks in text of at least 17 px at the standard size, and at the largest nothing runs off the screen or wraps inside a name', async () => {
    for (const [size, px] of [['standard', 16], ['largest', 24]] as const) {
      // A Chromium profile whose text size setting is px, as tests/e2e/large-text.test.ts sets it.
      const { context, close } = await browserAtTextSize(px, PHONE);
      try {
        const page = await context.newPage();
        await page.goto(new URL('/dev/login', gw.url).toString());
        await page.click('#login-demo-coordinator');
        await page.waitForURL((u) => !u.pathname.startsWith('/dev/'));
        await chooseNewList(page, gw.url);
        await snap(page, `import-unknown-name-${size}`, '#import-question');
        const findings = await page.evaluate(() => {
          const out: string[] = [];
          const right = document.querySelector('.screen')!.getBoundingClientRect().right;
          for (const el of Array.from(document.querySelectorAll('#import-question *, #import-renamed *'))) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) continue;
            const text = (el.textContent ?? '').trim().slice(0, 16);
            const style = getComputedStyle(el);
            const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
            if (own && parseFloat(style.fontSize) < 17 - 0.01) out.push(`small ${style.fontSize}「${text}」`);
            if (r.right > right + 1) out.push(`off the screen by ${Math.round(r.right - right)} px「${text}」`);
            if (el.classList.contains('nowrap')) {
              const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.6;
              if (r.height / line > 1.5) out.push(`wrapped inside「${text}」`);
            }
          }
          return out;
        });
        expect(findings).toEqual([]);
      } finally {
        await close();
      }
    }
  });

  // Last: it registers a deputy named 李秀珍, which the tests above must not find.
  it('the roster\'s import of deputies shows a new name near a registered one before writing, and registers it once confirmed', async () => {
    const { page: admin, context } = await login(browser, gw.url, 'demo-admin');
    await admin.goto(new URL('/#/pages/roster/import/index', gw.url).toString());
    await onPage(admin, 'pages/roster/import/index');
    const chooser = admin.waitForEvent('filechooser');
    await tap(admin, '#deputy-import-pick');
    await (await chooser).setFiles({ name: '章丘区代表名单.csv', mimeType: 'text/csv', buffer: Buffer.from('姓名,代表团\r\n李秀珍,章丘区代表团\r\n', 'utf8') });
    await seeText(admin, '第2行「李秀珍」（章丘区代表团）', '#deputy-import-near');
    expect((await textOf(admin, '#deputy-near-2')).replace(/\u200b/g, '')).toContain('名册中相近的代表：李秀英（章丘区代表团）');
    await snap(admin, 'roster-import-near-names', '#deputy-import-near');
    await tap(admin, '#deputy-import-confirm');
    expect(await confirmDialog(admin)).toContain('「李秀珍」登记为新的代表');
    await seeText(admin, '新登记代表1人，已登记过（未变）0人：李秀珍', '#deputy-import-result');
    await context.close();
  });

  it('asks about a mistyped unit with the near unit, imports under it, and a unit is corrected on the roster', async () => {
    const { page: office, context } = await login(browser, gw.url, 'demo-coordinator');
    await office.goto(new URL('/#/pages/office/import/index', gw.url).toString());
    await onPage(office, 'pages/office/import/index');
    const row = `9301,关于河道保洁的建议,建议加强河道日常保洁。,王建华,,历下区代表团,${SESSION},会期,市水物局,,,2026-11-20,否`;
    const chooser = office.waitForEvent('filechooser');
    await tap(office, '#import-pick');
    await (await chooser).setFiles({ name: '交办清单.csv', mimeType: 'text/csv', buffer: Buffer.from(`${LIST.split('\r\n')[0]}\r\n${row}`, 'utf8') });
    await seeText(office, '表格中的单位「市水物局」在名册中找不到', '#import-question');
    expect((await textOf(office, '#import-unit-choice-0-unit-slj')).replace(/\u200b/g, '')).toBe('市水务局');
    await seeText(office, '新建单位「市水物局」', '#import-unit-0');
    await snap(office, 'import-unknown-unit', '#import-question');
    await tap(office, '#import-unit-choice-0-unit-slj');
    await tap(office, '#import-decided');
    expect(await confirmDialog(office)).toContain('「市水物局」记为市水务局');
    await seeText(office, '新导入1件，已导入过（未变）0件：9301号', '#import-result');
    await context.close();

    // The administrator corrects the unit's name on the roster; the task keeps its unit (by id).
    const { page: admin, context: adminContext } = await login(browser, gw.url, 'demo-admin');
    await admin.goto(new URL('/#/pages/roster/index/index', gw.url).toString());
    await onPage(admin, 'pages/roster/index/index');
    await tap(admin, '#roster-tab-units');
    await tap(admin, '#unit-open-unit-slj');
    await fill(admin, 'unit-edit-unit-slj-name', '市水务局（河长制办公室）');
    await tap(admin, '#unit-edit-unit-slj-submit');
    await seeText(admin, '已保存单位：市水务局（河长制办公室）', '#unit-added');
    await seeText(admin, '市水务局（河长制办公室）', '#unit-unit-slj');
    await snap(admin, 'roster-unit-corrected', '#roster-units');
    await adminContext.close();
    const db = new Database(path.join(gw.dataDir, 'jianyitong.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const docs = <T,>(table: string) => (db.prepare(`SELECT doc FROM ${table}`).all() as { doc: string }[]).map((r) => JSON.parse(r.doc) as T);
      const suggestion = docs<{ id: string; number: string; session: string }>('suggestions').find((s) => s.number === '9301' && s.session === SESSION)!;
      expect(docs<{ suggestionId: string; unitId: string }>('tasks').filter((t) => t.suggestionId === suggestion.id).map((t) => t.unitId)).toEqual(['unit-slj']);
      expect(docs<{ name: string }>('units').map((u) => u.name)).not.toContain('市水物局');
    } finally {
      db.close();
    }
  });
});
