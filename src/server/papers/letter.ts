// The reply letter (答复函) a unit sends the lead deputy when its reply is signed, in 信函格式 after
// GB/T 9704-2012 (docs/papers.md): the 发文机关标志, the class mark and the 文号, the title naming the
// session (or 闭会期间) and the suggestion's number, 主送, an opening naming the suggestion's title, the
// reply, the promise of a B or C reply before the closing, 附件说明, 署名 and 成文日期, 公开属性, the
// contacts and 抄送. Built from the records; written as .docx by official-docx.ts.
import { shanghaiDate } from '../../core/calendar';
import { sessionMeetingName } from '../../core/annual-report';
import type { OfficeSettings, Publicity, Reply, ReplyLetterFacts, Suggestion, Task } from '../../core/model';
import type { Block, Layout } from './official-docx';

/** The reply, what its letter shows besides it (the facts kept at signing), and the office's letter settings. */
export interface LetterInput extends Pick<ReplyLetterFacts, 'suggestion' | 'unit' | 'leadDeputyName' | 'coSignerNames' | 'coUnitNames' | 'attachmentNames'> {
  reply: Reply;
  task: Pick<Task, 'role'>;
  office?: Pick<OfficeSettings, 'letterCc' | 'letterToCoSigners' | 'letterPublicity'>;
}

export interface LetterContent {
  classMark: string; // A类 …
  number: string; // 文号
  title: string;
  addressee: string; // 主送
  paragraphs: string[]; // opening, reply, promise, closing
  promise?: string;
  attachments: string[];
  unitName: string;
  date: string; // 2024年4月10日
  sealed: boolean;
  publicity: string; // （此件公开发布）
  contacts: string[];
  cc: string[];
  letterhead: { text: string } | { printed: true };
  fileName: string;
}

/** 2024-04-10 → 2024年4月10日, as a document is dated. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const PUBLICITY: Record<Publicity, string> = { public: '（此件公开发布）', onRequest: '（此件依申请公开）', none: '（此件不予公开）' };

/** 公开属性: the office's disclosure decision on the suggestion, or, before it, the office's default (依申请公开). */
export function publicityOf(suggestion: Pick<Suggestion, 'disclosure'>, fallback: Publicity = 'onRequest'): string {
  const mode = suggestion.disclosure?.mode;
  return PUBLICITY[mode === 'full' ? 'public' : mode === 'summary' ? 'onRequest' : mode === 'none' ? 'none' : fallback];
}

/** 关于十八届三次会议第3101号建议的答复, or 关于十八届三次会议闭会期间第3101号建议的答复. */
export function letterTitle(suggestion: Pick<Suggestion, 'session' | 'phase' | 'number'>): string {
  const meeting = sessionMeetingName(suggestion.session);
  return `关于${meeting}${suggestion.phase === 'recess' ? '闭会期间' : ''}第${suggestion.number}号建议的答复`;
}

/** A line that closes a letter: thanks, an invitation to go on advising, 特此函复. */
const CLOSING = /^(衷心|再次|非常)?(感谢|谢谢)|^欢迎.*(意见|建议|监督|指导)|^特此(函复|答复)/;
/** A line that opens a reply ("您提出的建议收悉……"): the letter's own opening, naming the suggestion, stands for it. */
const OPENING = /收悉/;

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

export function letterContent(input: LetterInput): LetterContent {
  const { reply, task, suggestion, unit } = input;
  if (!reply.signedAt) throw new Error('a letter is made for a signed reply only');
  const signed = shanghaiDate(reply.signedAt);
  const year = signed.slice(0, 4);
  const code = unit.letter?.code?.trim() || `${unit.name}建复`;
  const number = `${code}〔${year}〕${suggestion.number}${reply.round > 1 ? `-${reply.round}` : ''}号`;
  const addressees = input.office?.letterToCoSigners ? [input.leadDeputyName, ...input.coSignerNames] : [input.leadDeputyName];
  const you = addressees.length > 1 ? '各位代表' : '您';
  const opening = `${you}提出的《${suggestion.title}》（第${suggestion.number}号）收悉。现答复如下：`;
  const text = lines(reply.text);
  if (text.length > 0 && OPENING.test(text[0]!)) text.shift();
  let end = text.length;
  while (end > 0 && CLOSING.test(text[end - 1]!)) end -= 1;
  const body = text.slice(0, end);
  const closing = end < text.length ? text.slice(end) : [`感谢${you}对我单位工作的关心和支持。`];
  const promise =
    (reply.class === 'B' || reply.class === 'C') && reply.commitment
      ? `我单位承诺：${reply.commitment.promise.replace(/[。；;.]+$/, '')}，计划于${chineseDate(reply.commitment.targetDate)}前完成，届时将向${you}反馈落实情况。`
      : undefined;
  const coUnits = task.role === 'lead' ? input.coUnitNames : [];
  return {
    classMark: `${reply.class}类`,
    number,
    title: letterTitle(suggestion),
    addressee: `${addressees.join('、')}代表：`,
    paragraphs: [opening, ...body, ...(promise ? [promise] : []), ...closing],
    ...(promise ? { promise } : {}),
    attachments: input.attachmentNames.map((name) => name.replace(/\.[A-Za-z0-9]{1,5}$/, '')),
    unitName: unit.name,
    date: chineseDate(signed),
    sealed: unit.letter?.sealed !== false,
    publicity: publicityOf(suggestion, input.office?.letterPublicity),
    contacts: [
      `（单位负责人：${reply.leaderContact.name}，联系电话：${reply.leaderContact.phone}）`,
      `（联系人：${reply.handlerContact.name}，联系电话：${reply.handlerContact.phone}）`,
    ],
    cc: [...new Set([...(input.office?.letterCc ?? []), ...coUnits])],
    letterhead: unit.letter?.printedPaper ? { printed: true } : { text: unit.letter?.mark?.trim() || unit.name },
    fileName: `答复函-${suggestion.number}号-${unit.name}${reply.round > 1 ? `-第${reply.round}次答复` : ''}.docx`,
  };
}

export function letterLayout(c: LetterContent): Layout {
  return { kind: 'letter', letterhead: c.letterhead };
}

export function letterBlocks(c: LetterContent): Block[] {
  return [
    { kind: 'marks', left: c.classMark, right: c.number },
    { kind: 'blank' },
    { kind: 'blank' },
    { kind: 'title', text: c.title },
    { kind: 'blank' },
    { kind: 'addressee', text: c.addressee },
    ...c.paragraphs.map((text): Block => ({ kind: 'paragraph', text })),
    ...(c.attachments.length > 0 ? [{ kind: 'attachments', names: c.attachments } as Block] : []),
    { kind: 'signature', name: c.unitName, date: c.date, sealed: c.sealed },
    { kind: 'note', text: c.publicity },
    ...c.contacts.map((text): Block => ({ kind: 'note', text })),
    ...(c.cc.length > 0 ? [{ kind: 'copyTo', names: c.cc } as Block] : []),
  ];
}
