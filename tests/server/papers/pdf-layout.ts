// Renders documents with LibreOffice (the judge of a .docx/.xlsx a user would open) and reads the
// text boxes back with poppler's `pdftotext -bbox-layout`: pages, lines, their boxes in points.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const INSTALL_HINT =
  'LibreOffice and poppler-utils are needed to render the documents: apt-get install -y libreoffice-writer libreoffice-calc poppler-utils fonts-wqy-zenhei (.ci/run installs them)';

export const PT_PER_MM = 72 / 25.4;

export interface Line {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
export interface Page {
  width: number;
  height: number;
  lines: Line[];
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The pages of a PDF as lines of text with their boxes (words joined without the spaces pdftotext guesses). */
export function readPdf(file: string): Page[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p) => ({
    width: Number(p[1]),
    height: Number(p[2]),
    lines: [...p[3]!.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((l) => ({
      xMin: Number(l[1]),
      yMin: Number(l[2]),
      xMax: Number(l[3]),
      yMax: Number(l[4]),
      text: [...l[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]!)).join(''),
    })),
  }));
}

function need(command: string, args: string[]): void {
  const probe = spawnSync(command, args, { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) throw new Error(`${command} is not installed or does not run. ${INSTALL_HINT}`);
}

/**
 * Converts every file to PDF in one LibreOffice run (a start of LibreOffice takes seconds), with a
 * profile of its own so that another LibreOffice on the machine does not get in the way.
 */
export function renderAll(files: Record<string, Buffer>, tools = { soffice: 'soffice', pdftotext: 'pdftotext' }): Record<string, Page[]> {
  need(tools.soffice, ['--version']);
  need(tools.pdftotext, ['-v']);
  const dir = mkdtempSync(path.join(tmpdir(), 'jyt-render-'));
  const out = path.join(dir, 'pdf');
  mkdirSync(out);
  // RENDERED_DIR=1 prints where the documents and their PDFs are, to look at them.
  if (process.env.RENDERED_DIR) console.log(`rendered documents in ${dir}`);
  const names = Object.keys(files);
  for (const name of names) writeFileSync(path.join(dir, name), files[name]!);
  const run = spawnSync(
    tools.soffice,
    [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...names.map((n) => path.join(dir, n))],
    { encoding: 'utf8', timeout: 180_000 },
  );
  const result: Record<string, Page[]> = {};
  for (const name of names) {
    const pdf = path.join(out, name.replace(/\.[a-z]+$/, '.pdf'));
    try {
      readFileSync(pdf);
    } catch {
      throw new Error(`LibreOffice made no PDF of ${name}: ${run.stderr || run.stdout || run.error?.message}`);
    }
    result[name] = readPdf(pdf);
  }
  if (!process.env.RENDERED_DIR) rmSync(dir, { recursive: true, force: true });
  return result;
}

/** Width of a text in characters: a CJK character one, a half-width one half. */
export function chars(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return n;
}

/** The line whose text starts with (or equals) this. */
export function lineOf(page: Page, start: string): Line | undefined {
  return page.lines.find((l) => l.text.startsWith(start));
}

/** All pages' lines, each with its page's index. */
export function allLines(pages: Page[]): (Line & { page: number })[] {
  return pages.flatMap((p, i) => p.lines.map((l) => ({ ...l, page: i })));
}
