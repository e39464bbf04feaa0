// The wx API of WeChat's base library, each name with the base library version it needs, read from
// WeChat's own typings (miniprogram-api-typings: "需要基础库： `x.y.z`" in each API's documentation;
// no such line means the API is as old as the base library). The cloud API is in a typings file of its
// own; wx.cloud needs 2.2.3 (WeChat's 云开发 guide).
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type Version = string;

export function compareVersions(a: Version, b: Version): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

let cache: Map<string, Version> | undefined;

/** Every wx API name with the base library version it needs. */
export function wxApiVersions(): Map<string, Version> {
  if (cache) return cache;
  const typings = path.join(path.dirname(require.resolve('miniprogram-api-typings/package.json')), 'types/wx/lib.wx.api.d.ts');
  const text = readFileSync(typings, 'utf8');
  const versions = new Map<string, Version>();
  const heading = /^\s*\/\*\* \[[^\n]*?\bwx\.([a-zA-Z]+)\(/gm;
  for (let m = heading.exec(text); m; m = heading.exec(text)) {
    const name = m[1] as string;
    if (versions.has(name)) continue;
    const doc = text.slice(m.index, text.indexOf('*/', m.index));
    versions.set(name, /需要基础库[：:]\s*`([\d.]+)`/.exec(doc)?.[1] ?? '1.0.0');
  }
  versions.set('cloud', '2.2.3');
  cache = versions;
  return versions;
}

/** The base library the project declares as its minimum (project.config.json libVersion). */
export function declaredMinimum(root: string): Version {
  const config = JSON.parse(readFileSync(path.join(root, 'project.config.json'), 'utf8')) as { libVersion?: string };
  if (!config.libVersion) throw new Error('project.config.json 没有 libVersion（最低基础库）');
  return config.libVersion;
}
