// Opens a .docx as Word would find it: word/document.xml out of the zip (jszip, which exceljs ships),
// its paragraphs' text, and its tables' cells.
import JSZip from 'jszip';
import type { FolderFileStore } from '../../../src/server/adapters/files/folder.files';

export interface DocxContent {
  xml: string;
  /** Each paragraph's text (the runs joined), in order. */
  paragraphs: string[];
  /** Each table as rows of cell texts. */
  tables: string[][][];
  text: string;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const runsText = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join('');

export async function readDocx(bytes: Buffer): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('no word/document.xml in the file');
  const xml = await file.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => runsText(m[0]));
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => runsText(c[0]))),
  );
  return { xml, paragraphs, tables, text: paragraphs.join('\n') };
}

/** Open a local link as the gateway would for the caller with this openid; the bytes, or the refusal. */
export async function openLink(files: FolderFileStore, url: string, openid: string | undefined) {
  const u = new URL(url, 'http://local');
  return files.open(decodeURIComponent(u.pathname.slice('/files/'.length)), Object.fromEntries(u.searchParams), openid);
}

export async function openDocx(files: FolderFileStore, url: string, openid: string | undefined): Promise<DocxContent> {
  const opened = await openLink(files, url, openid);
  if (!opened.ok) throw new Error(`link refused: ${opened.status} ${opened.message}`);
  return readDocx(opened.content);
}
