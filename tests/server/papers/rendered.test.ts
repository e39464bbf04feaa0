// The papers as they print: each generated document rendered to PDF by LibreOffice (one run for all)
// and measured by its text boxes against GB/T 9704-2012 (docs/papers.md): margins, 22 lines, 28
// characters a line, page numbers, 署名 and date, 附件说明, 公开属性, 抄送 at the foot of the last page.
// The XML is read for what a PDF does not show: fonts and page setup.
import ExcelJS from 'exceljs';
import type { AnnualReportResult, LedgerExportFile, LetterResult } from '../../../src/contract';
import { openOffice, type Office } from '../coordinator/fixture';
import { importRows, soleRow } from '../coordinator/lifecycle';
import { openLink, readDocx, type DocxContent } from './docx-reader';
import { claimAndMeet, draftAndSign, leadRow } from './flow';
import { allLines, chars, INSTALL_HINT, lineOf, PT_PER_MM, renderAll, type Line, type Page } from './pdf-layout';

// A4 and the 版心 (§5.2.1, §5.2.2), in points.
const LEFT = 28 * PT_PER_MM;
const RIGHT = (210 - 26) * PT_PER_MM;
const TOP = 37 * PT_PER_MM;
const BOTTOM = (297 - 35) * PT_PER_MM;
const CHAR = (156 * PT_PER_MM) / 28;
const PITCH = (225 * PT_PER_MM) / 22;
const NUMBER_TOP = BOTTOM + 7 * PT_PER_MM; // page numbers: 7 mm under the text (§7.5)
const SIZE_4 = 14; // 4号, points
const near = (value: number, target: number, tolerance: number) => expect([value, Math.abs(value - target) <= tolerance]).toEqual([value, true]);

const PARAGRAPH = (topic: string) =>
  `关于${topic}。我局高度重视社区养老服务设施建设，已将社区养老服务站纳入本年度民生实事项目，会同有关部门完成了选址论证和设计方案，正在组织施工招标，确保按期建成并投入使用，切实方便周边老年人就近享受助餐助浴等服务。`;
const TOPICS = ['服务站建设', '资金保障', '运营管理', '人才队伍', '医养结合', '助餐服务', '助浴服务', '智慧养老', '适老化改造', '监督评估', '宣传引导', '长效机制'];
const LONG_REPLY = ['您提出的建议收悉，现答复如下：', ...TOPICS.map((t, i) => `${'一二三四五六七八九十'[i] ?? '十'}${i >= 10 ? '一二'[i - 10] : ''}、${PARAGRAPH(t)}`), '感谢您对民政工作的关心和支持。'].join('\n');
const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');

const pageNumberOf = (page: Page) => page.lines.find((l) => /^—\d+—$/.test(l.text));
const bodyLines = (page: Page) => page.lines.filter((l) => l.yMax <= BOTTOM + 1 && l.yMin >= TOP - 1);
const centre = (l: Line) => (l.xMin + l.xMax) / 2;
/** The middle of a box: the box of a line of text stands a little above and below the line itself. */
const centre_y = (l: Line) => (l.yMin + l.yMax) / 2;

interface Rendered {
  docx: DocxContent;
  pages: Page[];
}

describe('the papers rendered by LibreOffice', () => {
  let office: Office;
  const docs: Record<string, Rendered> = {};
  const sheets: Record<string, { bytes: Buffer; pages: Page[] }> = {};
  let letterA: LetterResult;

  beforeAll(async () => {
    office = await openOffice();
    await office.ok('coordinator', 'office.update', { name: '市人民政府办公室', reportTo: '市人大常委会', letterCc: ['市人大常委会代表工作机构', '市政府办公室'], version: 0 });
    const recess = soleRow('3102', '关于老年助餐点建设的建议');
    recess[7] = '闭会期间';
    const ids = await importRows(office, [leadRow('3101', '关于社区养老服务站建设的建议'), recess]);
    const tasks = await office.store.find('tasks');
    const taskOf = (n: string, role: string) => tasks.find((t) => t.suggestionId === ids.get(n)!.suggestionId && t.role === role)!.id;
    // A lead B reply with a promise and two files, from a unit with the default settings (sealed, its name as the mark).
    await claimAndMeet(office, taskOf('3101', 'lead'));
    await draftAndSign(office, taskOf('3101', 'lead'), 'B', { text: LONG_REPLY, files: [{ fileName: '选址示意图.pdf', content: PDF }, { fileName: '设计方案.pdf', content: PDF }] });
    letterA = await office.ok<LetterResult>('coordinator', 'letters.get', { taskId: taskOf('3101', 'lead') });
    // A 闭会期间 A reply after the unit chose its own 机关代字, paper printed with its letterhead and no seal.
    await office.ok('coordinator', 'units.upsert', { id: 'unit-mzj', name: '市民政局', letter: { code: '济民建复', printedPaper: true, sealed: false } });
    await claimAndMeet(office, taskOf('3102', 'sole'));
    await draftAndSign(office, taskOf('3102', 'sole'), 'A', { text: '您提出的建议收悉，现答复如下：\n已在辖区新设老年助餐点三处，均已投入运营。\n感谢您对民政工作的关心和支持。' });
    const letterB = await office.ok<LetterResult>('coordinator', 'letters.get', { taskId: taskOf('3102', 'sole') });
    const office2024 = await office.ok<AnnualReportResult>('coordinator', 'report.annual', { year: 2024, format: 'docx', practices: '坚持主要领导亲自抓。', nextSteps: '进一步提高办理质量。' });
    const unit2024 = await office.ok<AnnualReportResult>('coordinator', 'report.annual', { year: 2024, unitId: 'unit-mzj', format: 'docx' });
    const bytes = async (url: string) => {
      const opened = await openLink(office.files, url, 'coordinator');
      if (!opened.ok) throw new Error(opened.message);
      return opened.content;
    };
    const ledger = async (openid: string) => (await office.download<LedgerExportFile>(openid, 'ledger.export', {})).bytes;
    const files: Record<string, Buffer> = {
      'ledger-office.xlsx': await ledger('coordinator'),
      'ledger-unit.xlsx': await ledger('handler-mzj'),
      'letter-a.docx': await bytes(letterA.url),
      'letter-b.docx': await bytes(letterB.url),
      'summary-office.docx': await bytes(office2024.url!),
      'summary-unit.docx': await bytes(unit2024.url!),
    };
    const pdfs = renderAll(files);
    for (const [name, content] of Object.entries(files)) {
      if (name.endsWith('.docx')) docs[name] = { docx: await readDocx(content), pages: pdfs[name]! };
      else sheets[name] = { bytes: content, pages: pdfs[name]! };
    }
  }, 240_000);
  afterAll(() => office.store.close());

  describe('the letter in 信函格式 (GB/T 9704 §10.1)', () => {
    it('has the letter’s texts in order: promise before the closing, 附件说明, 公开属性, contacts, 抄送', () => {
      const p = docs['letter-a.docx']!.docx.paragraphs.filter((t) => t !== '');
      expect(letterA.number).toBe('市民政局建复〔2024〕3101号');
      expect(p.slice(0, 4)).toEqual(['B类\t市民政局建复〔2024〕3101号', '关于十八届三次会议第3101号建议的答复', '王建华代表：', '您提出的《关于社区养老服务站建设的建议》（第3101号）收悉。现答复如下：']);
      expect(p[4]).toBe(`一、${PARAGRAPH('服务站建设')}`);
      expect(p.slice(15)).toEqual([
        `十二、${PARAGRAPH('长效机制')}`,
        '我单位承诺：年底前建成服务站，计划于2024年12月31日前完成，届时将向您反馈落实情况。',
        '感谢您对民政工作的关心和支持。',
        '附件：1.设计方案',
        '2.选址示意图',
        '市民政局',
        '2024年4月10日',
        '（此件依申请公开）',
        '（单位负责人：冯刚，联系电话：13912340005）',
        '（联系人：孙丽，联系电话：13912340003）',
        '抄送：市人大常委会代表工作机构，市政府办公室，市水务局。',
      ]);
      const b = docs['letter-b.docx']!.docx.paragraphs.filter((t) => t !== '');
      expect(b).toEqual([
        'A类\t济民建复〔2024〕3102号',
        '关于十八届三次会议闭会期间第3102号建议的答复',
        '王建华代表：',
        '您提出的《关于老年助餐点建设的建议》（第3102号）收悉。现答复如下：',
        '已在辖区新设老年助餐点三处，均已投入运营。',
        '感谢您对民政工作的关心和支持。',
        '市民政局',
        '2024年4月10日',
        '（此件依申请公开）',
        '（单位负责人：冯刚，联系电话：13912340005）',
        '（联系人：孙丽，联系电话：13912340003）',
        '抄送：市人大常委会代表工作机构，市政府办公室。',
      ]);
    });

    it('is set on A4 with the margins, fonts and sizes of the standard (read from the XML)', () => {
      const { xml } = docs['letter-a.docx']!.docx;
      expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
      expect(xml).toMatch(/<w:titlePg\/>/); // 信函格式: no page number on the first page
      expect(xml).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"/);
      const title = /<w:p>(?:(?!<\/w:p>)[\s\S])*?关于十八届三次会议第3101号建议的答复/.exec(xml)![0];
      expect(title).toContain('w:eastAsia="方正小标宋简体"');
      expect(title).toContain('<w:sz w:val="44"/>');
      expect(title).toContain('<w:jc w:val="center"/>');
      const body = /<w:p>(?:(?!<\/w:p>)[\s\S])*?一、关于服务站建设/.exec(xml)![0];
      expect(body).toContain('w:eastAsia="仿宋_GB2312"');
      expect(body).toContain('<w:sz w:val="32"/>');
      const cc = /<w:p>(?:(?!<\/w:p>)[\s\S])*?抄送：/.exec(xml)![0];
      expect(cc).toContain('<w:sz w:val="28"/>'); // 4号
    });

    it('keeps the margins and 28 characters a line, 22 lines a page', () => {
      const pages = docs['letter-a.docx']!.pages;
      expect(pages.length).toBeGreaterThanOrEqual(3);
      let full = 0;
      for (const page of pages) {
        for (const l of bodyLines(page)) {
          expect([l.text, l.xMin >= LEFT - 0.6]).toEqual([l.text, true]);
          // A closing mark may hang past the edge, as Chinese typesetting allows; nothing else.
          expect([l.text, l.xMax <= RIGHT + 0.6 || (/[，。、；：）》]$/.test(l.text) && l.xMax <= RIGHT + 16.5)]).toEqual([l.text, true]);
          const text = l.text.replace(/[，。、；：）》]$/, (m) => (l.xMax > RIGHT + 0.6 ? '' : m));
          // A full line of Chinese text, starting at the left edge and reaching the right one: 28 characters.
          if (/^[\u3000-\u9fff\uff00-\uffef]+$/.test(text) && Math.abs(l.xMin - LEFT) < 0.6 && l.xMax >= RIGHT - CHAR / 2) {
            expect([l.text, chars(text)]).toEqual([l.text, 28]);
            full += 1;
          }
        }
      }
      expect(full).toBeGreaterThan(20);
      // The second page is text from top to bottom: 22 lines, 225 mm ÷ 22 apart, the first at the top margin.
      const second = bodyLines(pages[1]!);
      expect(second).toHaveLength(22);
      near(second[0]!.yMin, TOP + (PITCH - 20.8) / 2, 4);
      for (let i = 1; i < second.length; i += 1) near(second[i]!.yMin - second[i - 1]!.yMin, PITCH, 0.2);
      expect(second[21]!.yMax).toBeLessThanOrEqual(BOTTOM + 1);
    });

    it('numbers the pages after the first — 2 —, in 4号, 7 mm under the text, odd at the right and even at the left', () => {
      const pages = docs['letter-a.docx']!.pages;
      expect(pageNumberOf(pages[0]!)).toBeUndefined();
      pages.slice(1).forEach((page, i) => {
        const n = i + 2;
        const number = pageNumberOf(page)!;
        expect(number.text).toBe(`—${n}—`);
        near(centre_y(number), NUMBER_TOP + SIZE_4 / 2, 1);
        near(number.yMax - number.yMin, SIZE_4 * 1.3, 1);
        if (n % 2 === 1) near(number.xMax, RIGHT - SIZE_4, 1.5);
        else near(number.xMin, LEFT + SIZE_4, 1.5);
      });
      expect(pageNumberOf(docs['letter-b.docx']!.pages[0]!)).toBeUndefined();
    });

    it('puts the 发文机关标志 30 mm from the top, centred, or leaves the space on printed paper', () => {
      const [first] = docs['letter-a.docx']!.pages;
      const mark = first!.lines[0]!;
      expect(mark.text).toBe('市民政局');
      near(mark.yMin, 30 * PT_PER_MM, 3);
      near(centre(mark), (LEFT + RIGHT) / 2, 1);
      const numberA = lineOf(first!, 'B类')!;
      const numberB = lineOf(docs['letter-b.docx']!.pages[0]!, 'A类')!;
      expect(docs['letter-b.docx']!.pages[0]!.lines[0]).toBe(numberB); // nothing printed above the 文号
      near(numberB.yMin, numberA.yMin, 1); // the same room left for the paper's letterhead
      near(lineOf(first!, '市民政局建复〔2024〕3101号')!.xMax, RIGHT, 1); // 文号 at the right edge of the text
      near(lineOf(docs['letter-b.docx']!.pages[0]!, '济民建复〔2024〕3102号')!.xMax, RIGHT, 1);
    });

    it('has the 附件说明 two characters in, a second file under the first name, kept with the signature', () => {
      const pages = docs['letter-a.docx']!.pages;
      const lines = allLines(pages);
      const first = lines.find((l) => l.text.startsWith('附件：1.设计方案'))!;
      const second = lines.find((l) => l.text === '2.选址示意图')!;
      near(first.xMin, LEFT + 2 * CHAR, 1);
      near(second.xMin, LEFT + 5 * CHAR, 1);
      const signature = lines.find((l) => l.text === '市民政局' && l.page > 0)!;
      const closing = lines.find((l) => l.text.startsWith('感谢您对民政工作'))!;
      // §7.3.5.4: the signature never stands alone; the text's last paragraph and the 附件说明 are on its page.
      expect([closing.page, first.page, second.page]).toEqual([signature.page, signature.page, signature.page]);
      expect(docs['letter-b.docx']!.pages[0]!.lines.some((l) => l.text.startsWith('附件'))).toBe(false);
    });

    it('places a sealed letter’s date 右空四字 with the 署名 centred over it (§7.3.5.1)', () => {
      const lines = allLines(docs['letter-a.docx']!.pages);
      const signature = lines.find((l) => l.text === '市民政局' && l.page > 0)!;
      const date = lines.find((l) => l.text === '2024年4月10日')!;
      near(date.xMax, RIGHT - 4 * CHAR, 1.5);
      near(centre(signature), centre(date), CHAR / 2);
      near(date.yMin - signature.yMin, PITCH, 0.5);
      // Two blank lines over the 署名 for the seal.
      const before = lines.filter((l) => l.page === signature.page && l.yMax < signature.yMin).at(-1)!;
      near(signature.yMin - before.yMin, 3 * PITCH, 1);
    });

    it('places an unsealed letter’s 署名 右空二字 and its date two characters further in, moved left when longer (§7.3.5.2)', () => {
      const [page] = docs['letter-b.docx']!.pages;
      const signature = page!.lines.find((l) => l.text === '市民政局')!;
      const date = lineOf(page!, '2024年4月10日')!;
      // The date is longer than the 署名 allows: the date stands 右空二字 and the 署名 starts two characters before it.
      near(date.xMax, RIGHT - 2 * CHAR, 1.5);
      // The widths are reckoned for 仿宋_GB2312 (half-width digits); the test's font sets digits a little wider.
      near(date.xMin - signature.xMin, 2 * CHAR, CHAR * 0.8);
      const closing = lineOf(page!, '感谢您对民政工作')!;
      near(signature.yMin - closing.yMin, 2 * PITCH, 1); // one blank line under the text
    });

    it('has the 公开属性 and contacts under the date, two characters in (§7.3.6)', () => {
      const lines = allLines(docs['letter-a.docx']!.pages);
      const date = lines.find((l) => l.text === '2024年4月10日')!;
      const publicity = lines.find((l) => l.text === '（此件依申请公开）')!;
      near(publicity.yMin - date.yMin, PITCH, 0.5);
      near(publicity.xMin, LEFT + 2 * CHAR, 1);
    });

    it('has 抄送 in 4号 at the foot of the last page only, one character in (§7.4.2)', () => {
      for (const name of ['letter-a.docx', 'letter-b.docx']) {
        const pages = docs[name]!.pages;
        const lines = allLines(pages);
        const cc = lines.filter((l) => l.text.startsWith('抄送：'));
        expect(cc).toHaveLength(1);
        expect(cc[0]!.page).toBe(pages.length - 1);
        near(cc[0]!.yMax, BOTTOM, 3);
        near(cc[0]!.yMax - cc[0]!.yMin, SIZE_4 * 1.3, 1);
        near(cc[0]!.xMin, LEFT + SIZE_4, 1.5);
      }
    });
  });

  describe('the annual summary as a 报告', () => {
    it('has the title, 主送, the sections and 特此报告, signed by the deployment and by the unit', () => {
      const o = docs['summary-office.docx']!.docx.paragraphs.filter((t) => t !== '');
      expect(o.slice(0, 3)).toEqual(['市人民政府办公室关于2024年度人大代表建议办理工作情况的报告', '市人大常委会：', '一、总体办结情况']);
      expect(o[3]).toBe(
        '2024年，市人民政府办公室共收到人大代表建议2件，其中1件为十八届三次会议期间收到，1件为会后收到。' +
          '上述建议共交由承办单位办理3项（一件建议可由多个单位分别主办、会办），其中主办1项、会办1项、独办1项。' +
          '截至目前，已办理完毕0件，正在办理2件，办结率0%、面复率100%。',
      );
      expect(o.slice(-7)).toEqual(['三、主要做法', '坚持主要领导亲自抓。', '四、下步工作措施', '进一步提高办理质量。', '特此报告。', '市人民政府办公室', '2024年4月10日']);
      const u = docs['summary-unit.docx']!.docx.paragraphs.filter((t) => t !== '');
      expect(u.slice(0, 2)).toEqual(['市民政局关于2024年度人大代表建议办理工作情况的报告', '市人民政府办公室：']);
      expect(u[3]).toBe(
        '2024年，市民政局共收到人大代表建议2件，其中1件为十八届三次会议期间收到，1件为会后收到。从承办类别来看，主办件1件、独办件1件。' +
          '截至目前，已办理完毕0件，正在办理2件，办结率0%、面复率100%。',
      );
      expect(u.slice(-3)).toEqual(['特此报告。', '市民政局', '2024年4月10日']);
    });

    it('numbers every page, keeps the margins, and keeps the signature with the last paragraph', () => {
      for (const name of ['summary-office.docx', 'summary-unit.docx']) {
        const pages = docs[name]!.pages;
        pages.forEach((page, i) => {
          const number = pageNumberOf(page)!;
          expect(number.text).toBe(`—${i + 1}—`);
          near(centre_y(number), NUMBER_TOP + SIZE_4 / 2, 1);
          for (const l of bodyLines(page)) expect([l.text, l.xMin >= LEFT - 0.6 && l.xMax <= RIGHT + CHAR]).toEqual([l.text, true]);
        });
        const lines = allLines(pages);
        const addressee = lines.find((l) => l.text.endsWith('：') && l.page === 0 && l.xMin < LEFT + 1)!;
        near(addressee.xMin, LEFT, 1);
        const date = lines.find((l) => l.text === '2024年4月10日')!;
        const closing = lines.find((l) => l.text === '特此报告。')!;
        expect(closing.page).toBe(date.page);
        // The office seals its report; 市民政局 has chosen to send its papers unsealed (the letters above).
        near(date.xMax, RIGHT - (name === 'summary-office.docx' ? 4 : 2) * CHAR, 1.5);
      }
    });
  });

  describe('the ledger workbook', () => {
    const load = async (name: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(sheets[name]!.bytes as unknown as ArrayBuffer);
      return workbook.worksheets[0]!;
    };

    it('holds dates as Excel dates and leaves empty cells empty', async () => {
      const sheet = await load('ledger-office.xlsx');
      const header = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
      const col = (name: string) => header.indexOf(name) + 1;
      const lead = sheet.getRow(3); // 3101, 市民政局 主办, signed
      const co = sheet.getRow(4); // 3101, 市水务局 会办, untouched
      expect(lead.getCell(col('交办日期')).value).toEqual(new Date('2024-03-01T00:00:00.000Z'));
      expect(lead.getCell(col('答复日期')).value).toEqual(new Date('2024-04-10T00:00:00.000Z'));
      expect(lead.getCell(col('交办日期')).numFmt).toBe('yyyy-mm-dd');
      expect(co.getCell(col('承办单位')).value).toBe('市水务局');
      for (const name of ['答复日期', '办理责任人', '答复类别', '办结日期']) expect([name, co.getCell(col(name)).type]).toEqual([name, ExcelJS.ValueType.Null]);
    });

    it('prints on A4 landscape at a readable scale, with page numbers and, for a unit, the unit in the footer', async () => {
      const sheet = await load('ledger-unit.xlsx');
      expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.headerFooter.oddFooter).toBe('&L市民政局建议办理台账　导出日期：2024-04-10&R第 &P 页，共 &N 页');
      for (const name of ['ledger-office.xlsx', 'ledger-unit.xlsx']) {
        const [page, ...more] = sheets[name]!.pages;
        expect(more).toEqual([]);
        expect([page!.width > page!.height, Math.round(page!.width)]).toEqual([true, 842]);
        const lines = page!.lines;
        expect(lines.map((l) => l.text)).toContain('第1页，共1页');
        // The title is 14 pt: its box, 1.3 times the font's size, shows the print scale (about 55% before).
        const title = lines.find((l) => l.text.startsWith('建议办理台账'))!;
        expect((title.yMax - title.yMin) / (14 * 1.3)).toBeGreaterThan(0.78);
      }
      expect(sheets['ledger-unit.xlsx']!.pages[0]!.lines.some((l) => l.text.startsWith('市民政局建议办理台账'))).toBe(true);
    });
  });

  it('fails with the install hint, not silently, where LibreOffice is missing', () => {
    expect(() => renderAll({ 'x.docx': Buffer.from('') }, { soffice: 'soffice-not-installed', pdftotext: 'pdftotext' })).toThrow(INSTALL_HINT);
    expect(() => renderAll({ 'x.docx': Buffer.from('') }, { soffice: 'soffice', pdftotext: 'pdftotext-not-installed' })).toThrow(INSTALL_HINT);
  });
});
