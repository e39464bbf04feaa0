import { execFileSync } from 'node:child_process';
import path from 'node:path';

// The core's dates are Asia/Shanghai dates whatever the machine's time zone. The date-handling core
// tests run again in child processes under other zones (a process's zone is fixed at start).
const root = path.resolve(__dirname, '../..');
const DATE_TESTS = ['tests/core/calendar.test.ts', 'tests/core/deadlines.test.ts', 'tests/core/reminders.test.ts', 'tests/core/metrics.test.ts', 'tests/core/annual-report.test.ts'];

describe.each(['UTC', 'America/New_York', 'Asia/Shanghai'])('the core under TZ=%s', (tz) => {
  it('gives the same deadlines, reminders and figures', () => {
    const out = execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/jest/bin/jest.js'), ...DATE_TESTS, '--selectProjects', 'core', '--json', '--silent'],
      { cwd: root, env: { ...process.env, TZ: tz }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const result = JSON.parse(out) as { success: boolean; numPassedTests: number; numFailedTests: number; numTotalTestSuites: number };
    expect(result.numTotalTestSuites).toBe(DATE_TESTS.length);
    expect(result.numFailedTests).toBe(0);
    expect(result.numPassedTests).toBeGreaterThan(50);
    expect(result.success).toBe(true);
  }, 120_000);
});
