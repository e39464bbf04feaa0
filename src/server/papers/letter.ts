// The reply letter (答复函) a unit sends the lead deputy when its reply is signed: the class mark,
// the letter number, the title "关于<届次>第<号>建议的答复", the salutation, the reply text, the
// promise of a B or C reply with its date, the contacts, the unit and date, and 抄送 (the co-handling
// units, for a lead reply). Built from the records; written as .docx by official-docx.ts.
import { shanghaiDate } from '../../core/calendar';
import { sessionMeetingName } from '../../core/annual-report';
import type { Reply, Suggestion, Task } from '../../core/model';
import type { Block } from './official-docx';

export interface LetterInput {
  reply: Reply;
  task: Task;
  suggestion: Suggestion;
  unitName: string;
  leadDeputyName: string;
  /** Units holding a live 会办 task of the suggestion (抄送 of a lead reply). */
  coUnitNames: string[];
}

export interface LetterContent {
  classMark: string; // A类 …
  number: string; // 文号
  title: string;
  salutation: string;
  paragraphs: string[];
  promise?: string;
  contacts: string[];
  unitName: string;
  date: string; // 2024年4月10日
  cc?: string;
  fileName: string;
}

/** 2024-04-10 → 2024年4月10日, as a document is dated. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function letterContent(input: LetterInput): LetterContent {
  const { reply, task, suggestion } = input;
  if (!reply.signedAt) throw new Error('a letter is made for a signed reply only');
  const signed = shanghaiDate(reply.signedAt);
  const year = signed.slice(0, 4);
  const number = `${input.unitName}建复〔${year}〕${suggestion.number}${reply.round > 1 ? `-${reply.round}` : ''}号`;
  const title = `关于${sessionMeetingName(suggestion.session)}第${suggestion.number}号建议的答复`;
  const paragraphs = reply.text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const promise =
    (reply.class === 'B' || reply.class === 'C') && reply.commitment
      ? `我单位承诺：${reply.commitment.promise.replace(/[。；;.]+$/, '')}，计划于${chineseDate(reply.commitment.targetDate)}前完成，届时将向您反馈落实情况。`
      : undefined;
  const contacts = [
    `单位负责人：${reply.leaderContact.name}　　电话：${reply.leaderContact.phone}`,
    `联系人：${reply.handlerContact.name}　　电话：${reply.handlerContact.phone}`,
  ];
  const cc = task.role === 'lead' && input.coUnitNames.length > 0 ? `抄送：${input.coUnitNames.join('，')}。` : undefined;
  return {
    classMark: `${reply.class}类`,
    number,
    title,
    salutation: `${input.leadDeputyName}代表：`,
    paragraphs,
    ...(promise ? { promise } : {}),
    contacts,
    unitName: input.unitName,
    date: chineseDate(signed),
    ...(cc ? { cc } : {}),
    fileName: `答复函-${suggestion.number}号-${input.unitName}${reply.round > 1 ? `-第${reply.round}次答复` : ''}.docx`,
  };
}

export function letterBlocks(c: LetterContent): Block[] {
  return [
    { kind: 'marks', left: c.classMark, right: c.number },
    { kind: 'blank' },
    { kind: 'title', text: c.title },
    { kind: 'blank' },
    { kind: 'paragraph', text: c.salutation, indent: false },
    ...c.paragraphs.map((text): Block => ({ kind: 'paragraph', text })),
    ...(c.promise ? [{ kind: 'paragraph', text: c.promise } as Block] : []),
    ...c.contacts.map((text): Block => ({ kind: 'paragraph', text })),
    { kind: 'blank' },
    { kind: 'paragraph', text: c.unitName, align: 'right' },
    { kind: 'paragraph', text: c.date, align: 'right' },
    ...(c.cc ? [{ kind: 'blank' } as Block, { kind: 'paragraph', text: c.cc, indent: false } as Block] : []),
  ];
}
