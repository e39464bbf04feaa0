// What a page shows: its setData data rendered through the page's templates as WeChat's own WXML
// compiler (wcc) compiles them. wcc emits a script whose $gwx(path) gives the render function of a
// .wxml; that function turns the data into a virtual tree ({ tag: 'wx-view', attr, children }).
// Taro's nodes deeper than its template levels go through its `comp` component, rendered here from
// comp.wxml with the node it is given, as the view layer would.
import vm from 'node:vm';
import { compileWxml } from '../wechat-tools';

export interface VNode {
  tag: string;
  attr: Record<string, unknown>;
  children: (VNode | string)[];
}

type Render = (data: Record<string, unknown>, env: Record<string, unknown>, global: Record<string, unknown>) => VNode;

const compiled = new Map<string, (file: string) => Render>();

function gwxOf(dist: string): (file: string) => Render {
  let gwx = compiled.get(dist);
  if (!gwx) {
    const context = vm.createContext({ window: {}, console: { warn: () => undefined, log: () => undefined, error: () => undefined } });
    vm.runInContext(compileWxml(dist), context, { filename: 'wcc-output.js' });
    gwx = (context as { $gwx: (file: string) => Render }).$gwx;
    compiled.set(dist, gwx);
  }
  return gwx;
}

/** The virtual tree of a page (`pages/index/index`) for its data, components expanded. */
export function renderPage(dist: string, route: string, data: Record<string, unknown>): VNode {
  const gwx = gwxOf(dist);
  const page = gwx(`${route}.wxml`);
  if (typeof page !== 'function') throw new Error(`${route}.wxml 没有被 wcc 编译`);
  const comp = gwx('comp.wxml');
  const expand = (node: VNode | string, depth: number): VNode | string => {
    if (typeof node === 'string') return node;
    if (node.tag === 'wx-comp' && depth < 50) {
      const inner = comp({ i: node.attr.i as Record<string, unknown>, l: node.attr.l }, {}, {});
      return { ...node, attr: node.attr ?? {}, children: inner.children.map((c) => expand(c, depth + 1)) };
    }
    return { ...node, attr: node.attr ?? {}, children: (node.children ?? []).map((c) => expand(c, depth)) };
  };
  return expand(page(JSON.parse(JSON.stringify(data)) as Record<string, unknown>, {}, {}), 0) as VNode;
}

/** The text a person reads, in document order, spaces between separate pieces. */
export function textOf(node: VNode | string): string {
  if (typeof node === 'string') return node;
  return (node.children ?? []).map(textOf).filter((t) => t.trim() !== '').join(' ');
}

/** Every element of the tree, depth first. */
export function elementsOf(node: VNode | string): VNode[] {
  if (typeof node === 'string') return [];
  return [node, ...(node.children ?? []).flatMap(elementsOf)];
}

export const classesOf = (node: VNode) => String(node.attr.class ?? '').split(/\s+/).filter(Boolean);
