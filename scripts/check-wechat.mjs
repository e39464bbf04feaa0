// WeChat's upload compile (miniprogram-ci getCompiledResult) over the weapp build, offline.
// miniprogram-ci lives in tools/wechat-ci with its own package.json so that it does not weigh on
// `npm install`; see docs/wechat.md ("The upload's own compile").
// Usage: node scripts/check-wechat.mjs            compile dist/, fail on any error or warning
//        node scripts/check-wechat.mjs --self-test compile a copy of dist/ with planted faults, expect failure
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const toolDir = path.join(root, 'tools/wechat-ci');
const ciDir = path.join(toolDir, 'node_modules/miniprogram-ci');
const dist = path.join(root, 'dist');

function prepare() {
  if (!fs.existsSync(path.join(ciDir, 'package.json'))) {
    execSync('npm install --prefix tools/wechat-ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  }
  if (!fs.existsSync(path.join(dist, 'app.json'))) {
    execSync('npx taro build --type weapp', { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
}

// getCompiledResult first asks WeChat's server for the project's attributes (dist/ci/projectattr.js,
// getProjectAttr). Offline we answer with the defaults the package itself ships (dist/config/config.js
// DefaultProjectAttr) by replacing that module in require's cache before miniprogram-ci loads it.
function loadCi() {
  const req = createRequire(path.join(ciDir, 'package.json'));
  const attrPath = req.resolve('./dist/ci/projectattr.js');
  const { DefaultProjectAttr } = req('./dist/config/config.js');
  if (!DefaultProjectAttr) throw new Error('miniprogram-ci: DefaultProjectAttr not found in dist/config/config.js');
  const real = req(attrPath);
  const offline = { ...real, getProjectAttr: async () => ({ ...DefaultProjectAttr }) };
  req.cache[attrPath].exports = offline;
  return req('miniprogram-ci');
}

function readAppid() {
  try {
    const id = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8')).appid;
    return /^wx[0-9a-f]{16}$/.test(id) ? id : 'wx0000000000000000';
  } catch {
    return 'wx0000000000000000';
  }
}

const SETTING = { es6: true, es7: true, enhance: true, minify: true, minifyJS: true, minifyWXML: true, minifyWXSS: true, autoPrefixWXSS: true };

/** Compiles projectPath; returns { files, bytes, problems } where problems lists every error or warning. */
async function compile(ci, projectPath) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-ci-'));
  const privateKeyPath = path.join(tmp, 'private.key');
  // A placeholder key: compiling never signs anything, only uploading does.
  fs.writeFileSync(privateKeyPath, '-----BEGIN RSA PRIVATE KEY-----\nplaceholder\n-----END RSA PRIVATE KEY-----\n');
  const problems = [];
  try {
    const project = new ci.Project({ appid: readAppid(), type: 'miniProgram', projectPath, privateKeyPath, ignores: ['node_modules/**/*'] });
    const result = await ci.getCompiledResult({ project, setting: SETTING });
    const files = Object.entries(result ?? {});
    let bytes = 0;
    for (const [name, content] of files) {
      const text = typeof content === 'string' ? content : Buffer.isBuffer(content) ? content.toString('utf8') : JSON.stringify(content);
      bytes += Buffer.byteLength(text);
      if (/__warning__/.test(text)) problems.push(`${name}: ${text.match(/.{0,80}__warning__.{0,120}/s)[0]}`);
    }
    return { files, bytes, problems };
  } catch (err) {
    problems.push(`error: ${err && err.message ? err.message : String(err)}`);
    return { files: [], bytes: 0, problems };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function report(label, { files, bytes, problems }) {
  console.log(`${label}: ${files.length} files compiled, ${(bytes / 1024).toFixed(1)} KB`);
  const largest = [...files]
    .map(([n, c]) => [n, Buffer.byteLength(typeof c === 'string' ? c : JSON.stringify(c))])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
  for (const [n, b] of largest) console.log(`  ${n}  ${(b / 1024).toFixed(1)} KB`);
  for (const p of problems) console.error(`  ${p}`);
}

async function selfTest(ci) {
  // Each fault is planted in its own copy of dist/: the check must fail on each.
  const faults = {
    'a script ES6 cannot compile': (dir) => fs.appendFileSync(path.join(dir, 'app.js'), '\nconst = ;\n'),
    'an invalid app.json key': (dir) => {
      const file = path.join(dir, 'app.json');
      const app = JSON.parse(fs.readFileSync(file, 'utf8'));
      app.notAWechatKey = true;
      fs.writeFileSync(file, JSON.stringify(app));
    },
  };
  let ok = true;
  for (const [name, plant] of Object.entries(faults)) {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-ci-plant-'));
    fs.cpSync(dist, copy, { recursive: true });
    plant(copy);
    const result = await compile(ci, copy);
    fs.rmSync(copy, { recursive: true, force: true });
    const caught = result.problems.length > 0;
    console.log(`self-test, ${name}: ${caught ? 'refused, as it must be' : 'NOT refused'}`);
    if (caught) console.log(`  ${result.problems[0].slice(0, 200)}`);
    if (!caught) ok = false;
  }
  return ok;
}

prepare();
const ci = loadCi();
if (process.argv.includes('--self-test')) {
  process.exit((await selfTest(ci)) ? 0 : 1);
} else {
  const result = await compile(ci, dist);
  report('miniprogram-ci getCompiledResult', result);
  process.exit(result.problems.length === 0 && result.files.length > 0 ? 0 : 1);
}
