// An official document (公文) as .docx, laid out after GB/T 9704-2012 党政机关公文格式: A4 paper,
// margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (版心 156 × 225 mm), body in 仿宋_GB2312
// 三号 (16 pt) on a grid of 22 lines of 28 characters, the title in 方正小标宋简体 二号 (22 pt)
// centred, first-level headings in 黑体 三号, second-level in 楷体_GB2312 三号, tables in 仿宋 四号.
// The `docx` library is loaded when a document is written, so the function's bundle stays small.
import { xmlText } from './xml-text';

export type Block =
  | { kind: 'title'; text: string }
  /** A line above the title: the class mark at the left, the letter number at the right. */
  | { kind: 'marks'; left: string; right: string }
  | { kind: 'heading'; text: string; level?: 1 | 2 }
  | { kind: 'paragraph'; text: string; indent?: boolean; align?: 'left' | 'right' | 'center' }
  | { kind: 'blank' }
  | { kind: 'table'; header: string[]; rows: string[][]; widths?: number[] };

export const MM = 1440 / 25.4; // twips per millimetre
export const PAGE = { width: 11906, height: 16838 }; // A4 in twips
export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 };
export const FONTS = { body: '仿宋_GB2312', title: '方正小标宋简体', heading: '黑体', subheading: '楷体_GB2312' };
export const SIZES = { body: 32, title: 44, table: 28 }; // half-points: 三号 16 pt, 二号 22 pt, 四号 14 pt
export const GRID = { lines: 22, chars: 28 };

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function renderOfficialDocx(blocks: Block[], meta: { title: string; creator: string }): Promise<Buffer> {
  const d = await import('docx');
  const twips = (mm: number) => Math.round(mm * MM);
  const textHeight = twips(297 - MARGINS_MM.top - MARGINS_MM.bottom);
  const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
  const run = (text: string, options: { font?: string; size?: number; bold?: boolean } = {}) =>
    new d.TextRun({ text: xmlText(text), font: font(options.font ?? FONTS.body), size: options.size ?? SIZES.body, ...(options.bold ? { bold: true } : {}) });
  const alignment = { left: d.AlignmentType.LEFT, right: d.AlignmentType.RIGHT, center: d.AlignmentType.CENTER, both: d.AlignmentType.BOTH };

  const children = blocks.map((b) => {
    switch (b.kind) {
      case 'title':
        return new d.Paragraph({ alignment: alignment.center, spacing: { before: 0, after: 0 }, children: [run(b.text, { font: FONTS.title, size: SIZES.title })] });
      case 'marks':
        return new d.Paragraph({
          tabStops: [{ type: d.TabStopType.RIGHT, position: PAGE.width - twips(MARGINS_MM.left + MARGINS_MM.right) }],
          children: [run(b.left, { font: FONTS.heading }), run(`\t${b.right}`)],
        });
      case 'heading':
        return new d.Paragraph({
          indent: { firstLine: 640 },
          children: [run(b.text, { font: b.level === 2 ? FONTS.subheading : FONTS.heading })],
        });
      case 'paragraph':
        return new d.Paragraph({
          alignment: alignment[b.align ?? 'both'],
          ...(b.indent === false || b.align ? {} : { indent: { firstLine: 640 } }), // two characters of 16 pt
          children: [run(b.text)],
        });
      case 'blank':
        return new d.Paragraph({ children: [run('')] });
      case 'table': {
        const width = PAGE.width - twips(MARGINS_MM.left + MARGINS_MM.right);
        const widths = b.widths ?? b.header.map(() => 1);
        const total = widths.reduce((a, w) => a + w, 0);
        const cell = (text: string, header: boolean, i: number) =>
          new d.TableCell({
            width: { size: Math.round((width * widths[i]!) / total), type: d.WidthType.DXA },
            children: [new d.Paragraph({ alignment: header ? alignment.center : alignment.left, children: [run(text, { size: SIZES.table, ...(header ? { font: FONTS.heading } : {}) })] })],
          });
        return new d.Table({
          width: { size: width, type: d.WidthType.DXA },
          rows: [
            new d.TableRow({ tableHeader: true, children: b.header.map((h, i) => cell(h, true, i)) }),
            ...b.rows.map((r) => new d.TableRow({ children: r.map((text, i) => cell(text, false, i)) })),
          ],
        });
      }
    }
  });

  const doc = new d.Document({
    creator: xmlText(meta.creator),
    title: xmlText(meta.title),
    styles: { default: { document: { run: { font: font(FONTS.body), size: SIZES.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: twips(MARGINS_MM.top), bottom: twips(MARGINS_MM.bottom), left: twips(MARGINS_MM.left), right: twips(MARGINS_MM.right) },
          },
          // 22 lines a page: the line pitch is the text height shared by 22.
          grid: { type: d.DocumentGridType.LINES_AND_CHARS, linePitch: Math.floor(textHeight / GRID.lines), charSpace: 0 },
        },
        children,
      },
    ],
  });
  return d.Packer.toBuffer(doc);
}
