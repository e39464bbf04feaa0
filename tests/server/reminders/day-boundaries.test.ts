// Deadlines are Shanghai dates: on a machine whose clock runs on UTC, a day still turns at midnight
// in Shanghai (16:00 UTC), and quiet hours still run from 22:00 to 08:00 Shanghai time. The scenario
// runs in a child process started with TZ=UTC (Jest's process.env is a copy, so TZ cannot be changed
// from inside a test), and once more on another zone to show the machine's zone plays no part.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const SCENARIO = path.join(__dirname, 'support', 'day-boundaries.scenario.ts');

function runUnder(tz: string) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', SCENARIO], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as { offsetMinutes: number; dueDay: string[][]; feedback: string[][]; quiet: string[][] };
}

const EXPECTED = {
  // 23:59 on 1 March, 00:00 on 2 March (handler and reviewer on the due day), 23:59 on 2 March, 00:00 on 3 March.
  dueDay: [['答复期限提醒：剩余1天'], ['答复期限提醒：今天到期', '答复期限提醒：今天到期'], [], ['答复期限提醒：已超期1天', '答复期限提醒：已超期1天']],
  // Signed at 00:30 on 22 February in Shanghai (the 21st in UTC): 6 days on 28 February, 7 on 1 March.
  feedback: [[], ['请评价办理答复']],
  // 21:59 on 1 March sends; at 22:00 nothing new is due; at 07:59 on 2 March the 7-day reminder is due but
  // held; at 08:00 it goes out.
  quiet: [['答复期限提醒：剩余8天'], [], [], ['答复期限提醒：剩余7天']],
};

describe('day boundaries on a machine running on UTC', () => {
  it('turns the day at midnight and ends quiet hours at 08:00 in Shanghai with TZ=UTC', () => {
    const result = runUnder('UTC');
    expect(result.offsetMinutes).toBe(0);
    expect(result).toMatchObject(EXPECTED);
  }, 60_000);

  it('answers the same on a machine in another zone', () => {
    const result = runUnder('America/Los_Angeles');
    expect(result.offsetMinutes).not.toBe(0);
    expect(result).toMatchObject(EXPECTED);
  }, 60_000);
});
