// Deputy names as people type them in a spreadsheet, and the roster's names near a name nobody has.
// A name is compared after normalising: every space removed (ASCII, full-width U+3000, no-break U+00A0
// and the zero-width ones), full-width letters, digits and signs made half-width. So "王建 华" and
// "王建华" are one name. Near names differ by one character: one replaced, one added or one dropped
// ("李秀珍" and "李秀英"; "王建" and "王建华").
import type { User } from '../../core/model';

const INVISIBLE = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+/g;
const FULL_WIDTH = /[\uff01-\uff5e]/g;

export function normaliseName(written: string): string {
  return written.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(INVISIBLE, '');
}

/** True when the two differ by at most one character replaced, inserted or dropped (on code points). */
export function withinOneEdit(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  if (i === short.length) return true; // equal, or one character added at the end
  if (short.length === long.length) return short.slice(i + 1).join('') === long.slice(i + 1).join('');
  return short.slice(i).join('') === long.slice(i + 1).join('');
}

export const NEAR_NAMES = 3;

/**
 * Up to NEAR_NAMES deputies whose name is within one edit of `name`: those of one of `delegations`
 * first, then the closer ones (the same name in another 代表团 before a different name), then by name.
 */
export function nearDeputies(name: string, delegations: readonly string[], deputies: readonly User[]): User[] {
  const home = new Set(delegations);
  return deputies
    .map((user) => ({ user, key: normaliseName(user.name) }))
    .filter(({ key }) => withinOneEdit(key, name))
    .sort(
      (a, b) =>
        Number(!home.has(a.user.delegation ?? '')) - Number(!home.has(b.user.delegation ?? '')) ||
        Number(a.key !== name) - Number(b.key !== name) ||
        a.user.name.localeCompare(b.user.name, 'zh-CN') ||
        a.user.id.localeCompare(b.user.id),
    )
    .slice(0, NEAR_NAMES)
    .map(({ user }) => user);
}
