// An official document (公文) as .docx, laid out after GB/T 9704-2012 党政机关公文格式 (docs/papers.md):
// A4, margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (版心 156 × 225 mm), body in 仿宋_GB2312
// 三号 in 22 lines of 28 characters (§5.2.1), the title in 方正小标宋简体 二号 centred (§7.3.1),
// headings in 黑体 / 楷体_GB2312 三号, tables in 仿宋 四号, page numbers "— 2 —" in 4号 宋体 7 mm under the
// text (§7.5), the signature block kept with the last paragraph (§7.3.5.4), 抄送 at the foot of the last
// page (§7.4.2). A letter is set in 信函格式 (§10.1): the 发文机关标志 at 30 mm from the top of its first
// page (or space for paper printed with it) and no page number on the first page.
// The `docx` library is loaded when a document is written, so the function's bundle stays small.
import { blockParagraphs, type Block } from './official-blocks';
import { xmlText } from './xml-text';

export type { Block } from './official-blocks';
export { CHAR, textWidthChars } from './official-blocks';

export const MM = 1440 / 25.4; // twips per millimetre
export const PAGE = { width: 11906, height: 16838 }; // A4 in twips
export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 };
export const FONTS = { body: '仿宋_GB2312', title: '方正小标宋简体', heading: '黑体', subheading: '楷体_GB2312', pageNumber: '宋体' };
export const SIZES = { body: 32, title: 44, table: 28, small: 28 }; // half-points: 三号 16 pt, 二号 22 pt, 四号 14 pt
export const GRID = { lines: 22, chars: 28 };
/** Twentieths of a point between characters: 16 pt − 0.25 pt = 15.75 pt, 28 in 442.25 pt (156 mm). */
export const CHARACTER_SPACING = -5;

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 信函格式 (a letter) or the general form (a report). */
export type Layout =
  | { kind: 'letter'; letterhead: { text: string } | { printed: true } }
  | { kind: 'general' };

const twips = (mm: number) => Math.round(mm * MM);
const TEXT_HEIGHT = twips(297 - MARGINS_MM.top - MARGINS_MM.bottom);
/** The page number's box (4号, one line) starts 7 mm under the text: its foot is this far above the paper's edge. */
const FOOTER_MM = MARGINS_MM.bottom - 7 - 4.94;
/** The 发文机关标志 of a letter: its top 30 mm from the top of the paper. */
const LETTERHEAD_MM = 30;

export async function renderOfficialDocx(blocks: Block[], meta: { title: string; creator: string; layout?: Layout }): Promise<Buffer> {
  const d = await import('docx');
  const layout = meta.layout ?? { kind: 'general' };
  const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

  // "— 2 —": 4号 半角宋体, the odd pages' at the right one character in, the even pages' at the left (§7.5).
  // A letter's footer distance is the red line's 20 mm: its numbers are lifted to stand as high as any document's.
  const lift = layout.kind === 'letter' ? twips(FOOTER_MM - 20) : 0;
  const pageNumber = (side: 'odd' | 'even') =>
    new d.Footer({
      children: [
        new d.Paragraph({
          alignment: side === 'odd' ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
          indent: side === 'odd' ? { right: SIZES.small * 10 } : { left: SIZES.small * 10 },
          spacing: { before: 0, after: lift, line: SIZES.small * 10, lineRule: d.LineRuleType.EXACT },
          children: [new d.TextRun({ font: font(FONTS.pageNumber), size: SIZES.small, snapToGrid: false, children: ['— ', d.PageNumber.CURRENT, ' —'] })],
        }),
      ],
    });

  // 信函格式: the 发文机关标志 centred, red 小标宋, its top 30 mm from the paper's top, a red double line
  // (thick over thin) 4 mm under it, 170 mm long; paper printed with it gets the same space, blank.
  const overhang = twips((170 - 156) / 2);
  const letterheadHeader = (head: { text: string } | { printed: true }) =>
    new d.Header({
      children: [
        new d.Paragraph({
          alignment: d.AlignmentType.CENTER,
          indent: { left: -overhang, right: -overhang },
          spacing: { before: 0, after: 0, line: 44 * 10 + 60, lineRule: d.LineRuleType.EXACT },
          ...('text' in head ? { border: { bottom: { style: d.BorderStyle.THICK_THIN_SMALL_GAP, size: 18, color: 'E60012', space: 11 } } } : {}),
          children: [new d.TextRun({ text: 'text' in head ? xmlText(head.text) : '', font: font(FONTS.title), size: 44, color: 'E60012', snapToGrid: false })],
        }),
        // The paper's own rule under the mark is as far down as the drawn one.
        // (the drawn rule's 11 pt of space and 2.25 pt of lines).
        ...('printed' in head ? [new d.Paragraph({ spacing: { before: 0, after: 0, line: 265, lineRule: d.LineRuleType.EXACT }, children: [] })] : []),
      ],
    });
  // ... and the red double line (thin over thick) 20 mm above the paper's foot.
  const letterFoot = (head: { text: string } | { printed: true }) =>
    new d.Footer({
      children: [
        new d.Paragraph({
          indent: { left: -overhang, right: -overhang },
          spacing: { before: 0, after: 0, line: 20, lineRule: d.LineRuleType.EXACT },
          ...('text' in head ? { border: { top: { style: d.BorderStyle.THIN_THICK_SMALL_GAP, size: 18, color: 'E60012', space: 0 } } } : {}),
          children: [],
        }),
      ],
    });

  const letter = layout.kind === 'letter' ? layout : undefined;
  const doc = new d.Document({
    creator: xmlText(meta.creator),
    title: xmlText(meta.title),
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(FONTS.body), size: SIZES.body, characterSpacing: CHARACTER_SPACING } } } },
    sections: [
      {
        properties: {
          ...(letter ? { titlePage: true } : {}),
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: twips(MARGINS_MM.top),
              bottom: twips(MARGINS_MM.bottom),
              left: twips(MARGINS_MM.left),
              right: twips(MARGINS_MM.right),
              header: twips(LETTERHEAD_MM),
              footer: letter ? twips(20) : twips(FOOTER_MM),
            },
          },
          // 22 lines of 28 characters (§5.2.1): the line pitch is the text height shared by 22; each
          // character is set 0.25 pt closer (CHARACTER_SPACING), so that 28 of 三号 fill the 156 mm line.
          // A character grid (linesAndChars) would say the same to Word, but LibreOffice sets each 三号
          // character over two cells of a grid narrower than 16 pt (17 characters a line, measured).
          grid: { type: d.DocumentGridType.LINES, linePitch: Math.floor(TEXT_HEIGHT / GRID.lines) },
        },
        headers: letter ? { first: letterheadHeader(letter.letterhead) } : {},
        footers: { ...(letter ? { first: letterFoot(letter.letterhead) } : {}), default: pageNumber('odd'), even: pageNumber('even') },
        children: blockParagraphs(d, blocks, { font, fonts: FONTS, sizes: SIZES, textWidth: PAGE.width - twips(MARGINS_MM.left + MARGINS_MM.right), pitch: Math.floor(TEXT_HEIGHT / GRID.lines) }),
      },
    ],
  });
  return d.Packer.toBuffer(doc);
}
