// The simulated year (bench/reminder-year.ts): with the app asking at the taps people make anyway and
// SMS carrying what WeChat cannot, at least 95% of the deadline reminders to unit staff reach them;
// asked only by the 开启办理提醒 button, far fewer do. A functional bound, not a timing.
import { simulateYear } from '../../../bench/reminder-year';

jest.setTimeout(600_000);

describe('a simulated year of deadline reminders', () => {
  it('delivers at least 95% by WeChat or SMS when the app asks at taps, against a small share with the button only', async () => {
    const taps = await simulateYear('taps');
    expect(taps.deadlineReminders).toBeGreaterThan(500);
    expect(taps.byWeChat).toBeGreaterThan(0);
    expect(taps.bySms).toBeGreaterThan(0);
    expect(taps.delivered).toBeGreaterThanOrEqual(0.95);
    const button = await simulateYear('button');
    expect(button.delivered).toBeLessThan(0.5);
  });
});
