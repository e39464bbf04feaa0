// `npm run lint:layers`: the rules of .dependency-cruiser.cjs (docs/architecture.md, Layer rules)
// over src and cloudfunctions, plus one rule dependency-cruiser's folder scope does not see:
// a cycle between a folder's own files and a folder below it (src/server → src/server/use-cases →
// src/server). Prints each violation and exits 1 when there is one.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

export const CONFIG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../.dependency-cruiser.cjs');

/** The violations of the tree in `dir` (paths relative to it): { rule, from, to }. */
export async function checkLayers(dir) {
  const here = process.cwd();
  process.chdir(dir);
  try {
    const options = await extractDepcruiseOptions(CONFIG);
    const tsConfig = extractTSConfig(path.join(dir, 'tsconfig.json'));
    const { output } = await cruise(['src', 'cloudfunctions'], options, {}, { tsConfig });
    const violations = output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
    return [...violations, ...ownFolderCycles(output.modules)];
  } finally {
    process.chdir(here);
  }
}

/**
 * Cycles between folders, each folder holding only the files directly in it (so a parent and its
 * child are two folders). One violation per cycle found, named by its first dependency.
 */
function ownFolderCycles(modules) {
  const folderOf = (file) => path.posix.dirname(file);
  const edges = new Map();
  for (const m of modules) {
    if (m.coreModule || m.couldNotResolve || /(^|\/)node_modules\//.test(m.source)) continue;
    const from = folderOf(m.source);
    for (const d of m.dependencies) {
      if (d.coreModule || d.couldNotResolve || /(^|\/)node_modules\//.test(d.resolved)) continue;
      const to = folderOf(d.resolved);
      if (to === from) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from).has(to)) edges.get(from).set(to, { from: m.source, to: d.resolved });
    }
  }
  const found = [];
  for (const component of stronglyConnected([...edges.keys()], (f) => [...(edges.get(f)?.keys() ?? [])])) {
    if (component.length < 2) continue;
    const inside = new Set(component);
    const [first] = component.sort();
    const next = [...edges.get(first).keys()].find((to) => inside.has(to));
    const example = edges.get(first).get(next);
    found.push({ rule: 'no-folder-cycle', from: example.from, to: example.to, folders: component });
  }
  return found;
}

/** Tarjan's strongly connected components. */
function stronglyConnected(nodes, next) {
  let index = 0;
  const stack = [];
  const on = new Set();
  const idx = new Map();
  const low = new Map();
  const out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    on.add(v);
    for (const w of next(v)) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) {
        low.set(v, Math.min(low.get(v), idx.get(w)));
      }
    }
    if (low.get(v) === idx.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        component.push(w);
      } while (w !== v);
      out.push(component);
    }
  };
  for (const v of nodes) if (!idx.has(v)) visit(v);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.dirname(CONFIG);
  const violations = await checkLayers(root);
  for (const v of violations) {
    console.error(`error ${v.rule}: ${v.from} → ${v.to}${v.folders ? `（文件夹循环：${v.folders.join(' ⇄ ')}）` : ''}`);
  }
  if (violations.length > 0) {
    console.error(`分层规则：${violations.length} 处违反（规则见 .dependency-cruiser.cjs 与 docs/architecture.md）`);
    process.exit(1);
  }
  console.log('分层规则：全部通过');
}
