import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// The mini-program build the WeChat devtools open (built once by the project's global setup): it
// lists every page and keeps the main package within our 512 KB budget (WeChat's own limit is 2 MB).
const root = path.resolve(__dirname, '../..');

describe('the weapp build', () => {
  let sizeReport = '';
  let appJson: { pages: string[]; subPackages?: { root: string; pages: string[] }[] };

  beforeAll(() => {
    appJson = JSON.parse(readFileSync(path.join(root, 'dist/app.json'), 'utf8'));
    sizeReport = execFileSync('npm', ['run', '--silent', 'size'], { cwd: root, encoding: 'utf8' });
  });

  it('writes dist/app.json with the home page first and every page of the app config', () => {
    const config = readFileSync(path.join(root, 'src/app.config.ts'), 'utf8');
    expect(appJson.pages[0]).toBe('pages/index/index');
    const all = [...appJson.pages, ...(appJson.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
    for (const page of all) {
      const leaf = page.split('/').slice(-2).join('/');
      expect(config).toContain(leaf);
    }
    expect(all.length).toBeGreaterThanOrEqual(10);
  });

  it('gives the mini-program the desk layout of WeChat for PC, and leaves the browser-only rules out', () => {
    const wxss = readFileSync(path.join(root, 'dist/app.wxss'), 'utf8');
    expect(wxss).toContain('.screen');
    // The desk rules at 1024 px and wider are WXSS media rules; lengths in PX are not scaled to rpx.
    expect(wxss).toMatch(/@media \(min-width:\s*1024px\)\{\.screen\{[^}]*max-width:1200PX[^}]*\}\.desk-columns\{[^}]*display:grid/);
    // The H5-only block of app.css (attribute and universal selectors) is not in the mini-program.
    expect(wxss).not.toMatch(/\[disabled|>\s*\*/);
  });

  it('keeps the main package within the 512 KB budget', () => {
    const main = /main package\s+([\d.]+) KB/.exec(sizeReport);
    expect(main).not.toBeNull();
    expect(Number(main![1])).toBeLessThanOrEqual(512);
    expect(sizeReport).not.toContain('OVER');
  });
});
