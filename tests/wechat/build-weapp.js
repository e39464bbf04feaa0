// Jest global setup of the wechat project: the weapp build (the dist/ the WeChat devtools open), made
// once for every test of the project with the README's command, in production mode as uploaded.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function buildWeapp() {
  const root = path.resolve(__dirname, '../..');
  execFileSync('npm', ['run', '--silent', 'build:weapp'], { cwd: root, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } });
};
