// The parts of an official document (公文) and how each is set, after GB/T 9704-2012 (docs/papers.md):
// title, 主送, body, headings, tables, 附件说明 (§7.3.3), 署名 and 成文日期 (§7.3.5), 附注 (§7.3.6) and
// 抄送 (§7.4.2). The signature block is kept on one page with the paragraph before it (§7.3.5.4).
import type * as Docx from 'docx';
import { xmlText } from './xml-text';

export type Block =
  | { kind: 'title'; text: string }
  /** A line above the title: the class mark at the left, the letter number at the right. */
  | { kind: 'marks'; left: string; right: string }
  /** 主送: at the left edge, under the title (§7.3.2). */
  | { kind: 'addressee'; text: string }
  | { kind: 'heading'; text: string; level?: 1 | 2 }
  | { kind: 'paragraph'; text: string; indent?: boolean }
  | { kind: 'blank' }
  | { kind: 'table'; header: string[]; rows: string[][]; widths?: number[] }
  /** 附件说明: "附件：1.…" two characters in, after a blank line (§7.3.3). */
  | { kind: 'attachments'; names: string[] }
  /** 署名 and 成文日期 placed by §7.3.5.1 (sealed) or §7.3.5.2 (not sealed). */
  | { kind: 'signature'; name: string; date: string; sealed: boolean }
  /** 附注 (and the 公开属性): two characters in, in parentheses, under the date (§7.3.6). */
  | { kind: 'note'; text: string }
  /** 抄送: 4号, one character in from each side, at the foot of the last page (§7.4.2, §10.1). */
  | { kind: 'copyTo'; names: string[] };

/** One character of the grid: the text width (156 mm) shared by 28, in twips. */
export const CHAR = (11906 - 1587 - 1474) / 28;

/**
 * How many characters of 三号 a text takes: a CJK character one, a half-width one (digits, Latin)
 * half, and a quarter where digits or Latin meet CJK (the space Word and LibreOffice put there).
 */
export function textWidthChars(text: string): number {
  let width = 0;
  let previous: 'half' | 'full' | undefined;
  for (const ch of text) {
    const kind = ch.codePointAt(0)! < 0x2e80 ? 'half' : 'full';
    width += kind === 'half' ? 0.5 : 1;
    if (previous && previous !== kind) width += 0.25;
    previous = kind;
  }
  return width;
}

/** Right indents, in characters, of the 署名 and of the date (§7.3.5). */
export function signaturePlacement(name: string, date: string, sealed: boolean): { name: number; date: number } {
  const n = textWidthChars(name);
  const t = textWidthChars(date);
  // Sealed: the date 右空四字, the 署名 centred over the date.
  if (sealed) return { date: 4, name: Math.max(0, 4 + (t - n) / 2) };
  // Not sealed: the 署名 右空二字, the date's first character two to the right of the 署名's first; a
  // date longer than that allows stays 右空二字 and moves the 署名 left instead.
  const nameRight = Math.max(2, t + 4 - n);
  return { name: nameRight, date: nameRight + n - 2 - t };
}

interface Style {
  font: (name: string) => { ascii: string; eastAsia: string; hAnsi: string; cs: string };
  fonts: { body: string; title: string; heading: string; subheading: string };
  sizes: { body: number; title: number; table: number; small: number };
  textWidth: number;
  /** The grid's line pitch, in twips. */
  pitch: number;
}

const chars = (n: number) => Math.round(n * CHAR);

/** Which blocks are kept with the next one: from the last paragraph of the text (over 附件说明) to the last 附注. */
function keptTogether(blocks: readonly Block[]): Set<number> {
  const kept = new Set<number>();
  const signature = blocks.findIndex((b) => b.kind === 'signature');
  if (signature < 0) return kept;
  let first = signature - 1;
  while (first > 0 && (blocks[first]!.kind === 'blank' || blocks[first]!.kind === 'attachments')) first -= 1;
  let last = signature;
  while (blocks[last + 1]?.kind === 'note') last += 1;
  for (let i = Math.max(first, 0); i < last; i += 1) kept.add(i);
  return kept;
}

export function blockParagraphs(d: typeof Docx, blocks: readonly Block[], s: Style): (Docx.Paragraph | Docx.Table)[] {
  const run = (text: string, o: { font?: string; size?: number; snap?: boolean } = {}) =>
    new d.TextRun({ text: xmlText(text), font: s.font(o.font ?? s.fonts.body), size: o.size ?? s.sizes.body, ...(o.snap === false ? { snapToGrid: false } : {}) });
  const para = (children: Docx.ParagraphChild[], o: Omit<Docx.IParagraphOptions, 'children'> = {}) => new d.Paragraph({ ...o, children });
  const kept = keptTogether(blocks);
  const out: (Docx.Paragraph | Docx.Table)[] = [];
  blocks.forEach((b, i) => {
    const keep = kept.has(i) ? { keepNext: true, keepLines: true } : {};
    switch (b.kind) {
      case 'title':
        // A title of two lines keeps them one grid line apart (exactly), not two as 二号 would take.
        out.push(para([run(b.text, { font: s.fonts.title, size: s.sizes.title })], { alignment: d.AlignmentType.CENTER, spacing: { line: s.pitch, lineRule: d.LineRuleType.EXACT } }));
        return;
      case 'marks':
        out.push(para([run(b.left, { font: s.fonts.heading }), run(`\t${b.right}`)], { tabStops: [{ type: d.TabStopType.RIGHT, position: s.textWidth }] }));
        return;
      case 'addressee':
        out.push(para([run(b.text)], { alignment: d.AlignmentType.LEFT }));
        return;
      case 'heading':
        out.push(para([run(b.text, { font: b.level === 2 ? s.fonts.subheading : s.fonts.heading })], { indent: { firstLine: chars(2) }, keepNext: true }));
        return;
      case 'paragraph':
        out.push(para([run(b.text)], { alignment: d.AlignmentType.BOTH, ...(b.indent === false ? {} : { indent: { firstLine: chars(2) } }), ...keep }));
        return;
      case 'blank':
        out.push(para([run('')], keep));
        return;
      case 'attachments': {
        // "附件：1.…"; a second name, and a wrapped line, start under the first name's first character.
        const numbered = b.names.length > 1;
        out.push(para([run('')], { keepNext: true }));
        b.names.forEach((name, j) => {
          const label = numbered ? `${j + 1}.${name}` : name;
          out.push(
            j === 0
              ? para([run(`附件：${label}`)], { indent: { left: chars(5), hanging: chars(3) }, ...keep, ...(j < b.names.length - 1 ? { keepNext: true } : {}) })
              : para([run(label)], { indent: { left: chars(5) }, ...keep, ...(j < b.names.length - 1 ? { keepNext: true } : {}) }),
          );
        });
        return;
      }
      case 'signature': {
        const at = signaturePlacement(b.name, b.date, b.sealed);
        // Unsealed: one blank line under the text; sealed: room for the seal, whose top is within a line of the text.
        for (let k = 0; k < (b.sealed ? 2 : 1); k += 1) out.push(para([run('')], { keepNext: true }));
        out.push(para([run(b.name)], { alignment: d.AlignmentType.RIGHT, indent: { right: chars(at.name) }, keepNext: true, keepLines: true }));
        out.push(para([run(b.date)], { alignment: d.AlignmentType.RIGHT, indent: { right: chars(at.date) }, ...keep }));
        return;
      }
      case 'note':
        out.push(para([run(b.text)], { alignment: d.AlignmentType.LEFT, indent: { firstLine: chars(2) }, ...keep }));
        return;
      case 'copyTo': {
        // A frame at the foot of the text area of the page it falls on: the last page, as the last block.
        const small = s.sizes.small * 10;
        out.push(
          para([run(`抄送：${b.names.join('，')}。`, { size: s.sizes.small, snap: false })], {
            frame: {
              type: 'alignment',
              alignment: { x: d.HorizontalPositionAlign.CENTER, y: d.VerticalPositionAlign.BOTTOM },
              anchor: { horizontal: d.FrameAnchorType.MARGIN, vertical: d.FrameAnchorType.MARGIN },
              width: s.textWidth,
              wrap: d.FrameWrap.NOT_BESIDE,
            },
            indent: { left: small * 4, right: small, hanging: small * 3 },
            spacing: { before: 0, after: 0, line: Math.round(small * 1.5), lineRule: d.LineRuleType.EXACT },
          }),
        );
        return;
      }
      case 'table': {
        const widths = b.widths ?? b.header.map(() => 1);
        const total = widths.reduce((a, w) => a + w, 0);
        const cell = (text: string, header: boolean, j: number) =>
          new d.TableCell({
            width: { size: Math.round((s.textWidth * widths[j]!) / total), type: d.WidthType.DXA },
            children: [
              para([run(text, { size: s.sizes.table, ...(header ? { font: s.fonts.heading } : {}) })], {
                alignment: header ? d.AlignmentType.CENTER : d.AlignmentType.LEFT,
              }),
            ],
          });
        out.push(
          new d.Table({
            width: { size: s.textWidth, type: d.WidthType.DXA },
            rows: [
              new d.TableRow({ tableHeader: true, children: b.header.map((h, j) => cell(h, true, j)) }),
              ...b.rows.map((r) => new d.TableRow({ cantSplit: true, children: r.map((text, j) => cell(text, false, j)) })),
            ],
          }),
        );
        return;
      }
    }
  });
  return out;
}
