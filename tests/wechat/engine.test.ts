import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'acorn';
import { dist, filesOf } from './wechat-tools';

// The JavaScript of the weapp build runs in the engines of the phones: JavaScriptCore of older iOS and
// WeChat's V8 on Android, which has no Intl (docs/wechat.md). Syntax must be ES5 (babel transpiles our
// code and the packages that ship newer syntax), and no library method newer than ES2018 is called.
const NEWER_METHODS = /\.(flatMap|flat|replaceAll|matchAll|findLast|findLastIndex|toSorted|toReversed)\(|Object\.(fromEntries|hasOwn|groupBy)\(|Promise\.(allSettled|any)\(|\bIntl\.|structuredClone\(/;

describe('the JavaScript of the weapp build', () => {
  const scripts = filesOf(dist, '.js');

  it('parses as ES5 in every file', () => {
    expect(scripts.length).toBeGreaterThan(20);
    const refused: string[] = [];
    for (const file of scripts) {
      try {
        parse(readFileSync(path.join(dist, file), 'utf8'), { ecmaVersion: 5 });
      } catch (error) {
        refused.push(`${file}: ${(error as Error).message}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('calls no ES2019+ library method and no Intl', () => {
    const found = scripts.flatMap((file) => {
      const match = NEWER_METHODS.exec(readFileSync(path.join(dist, file), 'utf8'));
      return match ? [`${file}: ${match[0]}`] : [];
    });
    expect(found).toEqual([]);
  });

  it('the checks see what they look for', () => {
    expect(() => parse('const a = () => 1;', { ecmaVersion: 5 })).toThrow();
    expect(NEWER_METHODS.test('x.flatMap(f)')).toBe(true);
    expect(NEWER_METHODS.test('Object.fromEntries(e)')).toBe(true);
    expect(NEWER_METHODS.test('new Intl.DateTimeFormat("en")')).toBe(true);
    expect(NEWER_METHODS.test('x.map(f).concat(y)')).toBe(false);
  });
});
