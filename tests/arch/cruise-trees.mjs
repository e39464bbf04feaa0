// Runs the layer check (scripts/layers.mjs) over small trees of files, in one process (loading
// dependency-cruiser once per tree would take seconds each). Input on stdin: { nodeModules, trees };
// output on stdout: one list of violations per tree, { rule, from, to }.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkLayers } from '../../scripts/layers.mjs';

const { nodeModules, trees } = JSON.parse(fs.readFileSync(0, 'utf8'));
const results = [];
for (const tree of trees) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'));
  try {
    for (const [file, text] of Object.entries(tree)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    fs.symlinkSync(nodeModules, path.join(dir, 'node_modules'), 'dir');
    const violations = await checkLayers(dir);
    results.push(violations.map(({ rule, from, to }) => ({ rule, from, to })));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
process.stdout.write(JSON.stringify(results));
