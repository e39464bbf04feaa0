// What the public view must never show, however it was typed: phone numbers (mobile and landline,
// with spaces, dashes, dots, underscores, slashes, brackets, +86 or 0086, full-width digits, digits
// written as Chinese numerals 一三八〇〇一三八〇〇〇) and 身份证号. Each is masked digit by
// digit with *, the separators kept, so the text still reads as "a number was here".
// The full metadata: it knows which digit runs are real Chinese numbers, so dates and amounts stay.
import { phoneNumbers } from './lazy';

/** Full-width digits and signs read as their ASCII forms, one UTF-16 unit for one, so positions hold. */
const FULL_WIDTH = /[\uFF08\uFF09\uFF0B\uFF0D\uFF10-\uFF19\u3000\uFF38\uFF58]/g;
/** Chinese numerals read digit by digit, as a number is read aloud or written out (幺 is 1 read aloud). */
const CN_DIGITS: Record<string, string> = {
  〇: '0', 零: '0', 一: '1', 幺: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
  壹: '1', 贰: '2', 叁: '3', 肆: '4', 伍: '5', 陆: '6', 柒: '7', 捌: '8', 玖: '9',
};
const CN_DIGIT = /[〇零一幺二三四五六七八九壹贰叁肆伍陆柒捌玖]/g;
const asAscii = (text: string) =>
  text
    .replace(FULL_WIDTH, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(CN_DIGIT, (c) => CN_DIGITS[c]!);

const SEP = '[\\s\\-\\u2010-\\u2015.·・_/\\\\~]';
/** Patterns found in the ASCII reading of the text; libphonenumber finds the rest (and most of these). */
const PATTERNS: RegExp[] = [
  // 身份证号: 18 characters (6-digit region, birth date, 3 digits, a check digit or X), maybe spaced 6-8-4.
  new RegExp(`(?<![0-9A-Za-z])[1-9]\\d{5}${SEP}?(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])${SEP}?\\d{3}[\\dXx](?![0-9A-Za-z])`, 'g'),
  // The old 15-digit 身份证号.
  /(?<![0-9A-Za-z])[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])/g,
  // Mobile: 1[3-9] and 9 more digits, in any grouping, maybe after +86 / 0086 / (+86).
  new RegExp(`(?<!\\d)(?:(?:\\(?\\+?|00)86\\)?${SEP}?)?1[3-9]\\d(?:${SEP}?\\d){8}(?!\\d)`, 'g'),
  // Landline with its area code: 0531 8600 0001, 0531-86000001, (0531)86000001, 010-1234-5678.
  new RegExp(`(?<!\\d)(?:\\(0\\d{2,3}\\)|0\\d{2,3})${SEP}?\\d{3,4}${SEP}?\\d{4}(?!\\d)`, 'g'),
  // A local number without the area code: 86000001, 8600 0001, 8600-0001 (7 or 8 digits); not an
  // amount or a count (followed by 元, 万, 人 …) and not a date written 20240105.
  new RegExp(
    `(?<![\\d.])(?!(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])(?!\\d))\\d{3,4}${SEP}?\\d{4}(?![\\d.])(?!\\s?(?:元|万|亿|年|人|户|个|件|次|平方|米|公里|吨|%))`,
    'g',
  ),
  // An extension or service number after 电话/手机/联系方式 (any digit run of 5 or more).
  /(?<=(?:电话|手机|座机|联系方式|热线|tel|Tel|TEL)[:：\s]*)\+?\d[\d\s-]{3,}\d/g,
];

const DIGITISH = /[0-9\uFF10-\uFF19Xx〇零一幺二三四五六七八九壹贰叁肆伍陆柒捌玖]/;

function ranges(text: string): [number, number][] {
  const ascii = asAscii(text);
  const found: [number, number][] = [];
  for (const pattern of PATTERNS) {
    for (const m of ascii.matchAll(pattern)) found.push([m.index, m.index + m[0].length]);
  }
  for (const m of phoneNumbers().findPhoneNumbersInText(text, 'CN')) found.push([m.startsAt, m.endsAt]);
  return found;
}

/** The text with every phone number and 身份证号 in it masked. */
export function redactPersonalNumbers(text: string): string {
  if (!/[0-9\uFF10-\uFF19〇零一幺二三四五六七八九壹贰叁肆伍陆柒捌玖]/.test(text)) return text;
  // Positions are UTF-16 units; the characters we mask are all single units.
  const units = text.split('');
  for (const [start, end] of ranges(text)) {
    for (let i = start; i < end; i++) if (DIGITISH.test(units[i]!)) units[i] = '*';
  }
  return units.join('');
}
