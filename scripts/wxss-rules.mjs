// `npm run lint:wxss`: the styles that go to the mini-program kept to what WXSS supports (see
// docs/wechat.md). The browser-only parts of a stylesheet sit between `/* #ifdef h5 */` and
// `/* #endif */` (Taro's style directive drops them from the weapp build) and are not checked here.
// Refused in the rest: the universal selector (WeChat's compiler stops at it: `error at token *`),
// an id right after a combinator (the same compiler stops there too), attribute selectors (WXSS has none), selectors and at-rules newer than the declared base library's
// renderers, and media features that WXSS does not evaluate.
// Usage: node scripts/wxss-rules.mjs [file.css ...] (default: every .css under src/ outside src/server).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postcss from 'postcss';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What Taro's style directive keeps for the weapp: drops `#ifdef` blocks of other platforms and `#ifndef weapp` ones. */
export function weappPart(css) {
  return css.replace(/\/\*\s*#(ifdef|ifndef)\s+([\w\s|]+?)\s*\*\/([\s\S]*?)\/\*\s*#endif\s*\*\//g, (all, kind, platforms, body) => {
    const names = platforms.split(/[\s|]+/).filter(Boolean);
    const forWeapp = kind === 'ifdef' ? names.includes('weapp') : !names.includes('weapp');
    // Keep the line count, so that the positions reported are the file's own.
    return forWeapp ? body : all.replace(/[^\n]/g, ' ');
  });
}

// WXSS media queries evaluate these features only (WeChat's WXSS reference, "媒体查询").
const MEDIA_FEATURES = new Set(['width', 'min-width', 'max-width', 'height', 'min-height', 'max-height', 'orientation', 'prefers-color-scheme']);
const AT_RULES = new Set(['media', 'import', 'font-face', 'keyframes']);
// Pseudo-classes the WebView renderers of older WeChat clients lack (Safari < 14 / Chromium < 88).
const NEW_PSEUDO = /:(is|where|has|focus-visible)\(/;

export function problemsIn(css, file = 'style.css') {
  const problems = [];
  const report = (node, message) => problems.push(`${file}:${node.source?.start?.line ?? '?'}: ${message}`);
  const tree = postcss.parse(weappPart(css), { from: file });
  tree.walkRules((rule) => {
    if (rule.parent?.type === 'atrule' && /keyframes$/.test(rule.parent.name)) return;
    const selector = rule.selector.replace(/"[^"]*"|'[^']*'/g, '""');
    if (selector.includes('*')) report(rule, `「${rule.selector}」: WXSS 不支持通配选择器 *`);
    if (selector.includes('[')) report(rule, `「${rule.selector}」: WXSS 不支持属性选择器 [...]`);
    // wcsc stops at an id right after a combinator (`.a > #b`: error at token #b); `.a #b` and `.a > .c#b` compile.
    if (/[>~+]\s*#/.test(selector)) report(rule, `「${rule.selector}」: WXSS 不支持组合符（> ~ +）后直接跟 #id，请写成后代选择器`);
    if (NEW_PSEUDO.test(selector)) report(rule, `「${rule.selector}」: 最低基础库的渲染层不支持 :is/:where/:has/:focus-visible`);
  });
  tree.walkAtRules((at) => {
    if (!AT_RULES.has(at.name)) {
      report(at, `@${at.name}: WXSS 不支持这一规则`);
      return;
    }
    if (at.name !== 'media') return;
    for (const [, feature] of at.params.matchAll(/\(\s*([a-z-]+)\s*[:)]/g)) {
      if (!MEDIA_FEATURES.has(feature)) report(at, `@media ${at.params}: WXSS 媒体查询不支持「${feature}」`);
    }
  });
  return problems;
}

function cssFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return p.endsWith(`${path.sep}server`) ? [] : cssFiles(p);
    return p.endsWith('.css') ? [p] : [];
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = process.argv.length > 2 ? process.argv.slice(2) : cssFiles(path.join(root, 'src'));
  const problems = files.flatMap((f) => problemsIn(readFileSync(f, 'utf8'), path.relative(root, path.resolve(f))));
  for (const p of problems) console.error(p);
  if (problems.length > 0) {
    console.error(`\n${problems.length} 处样式小程序不支持（见 docs/wechat.md）；仅浏览器用的样式放在 /* #ifdef h5 */ 与 /* #endif */ 之间。`);
    process.exit(1);
  }
  console.log(`WXSS rules: ${files.length} stylesheet(s) ok`);
}
