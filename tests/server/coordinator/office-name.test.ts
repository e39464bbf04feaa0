// The annual summary speaks in the deployment's own name (OFFICE_NAME), or 本机关 without one.
import type { AnnualReportResult } from '../../../src/contract';
import { createApi } from '../../../src/server/api';
import { openSqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { seedDemo } from '../../../src/server/setup/demo-data';

const NOW = '2026-11-27T02:00:00.000Z';

async function reportWith(officeName?: string): Promise<AnnualReportResult> {
  const store = openSqliteStore(':memory:');
  try {
    await seedDemo(store, NOW);
    const api = createApi({ store, clock: { now: () => NOW }, log: () => undefined, ...(officeName !== undefined ? { officeName } : {}) });
    const res = await api({ action: 'report.annual', data: { year: 2026 } }, { openid: 'demo-coordinator' });
    if (!res.ok) throw new Error(res.error.message);
    return res.data as AnnualReportResult;
  } finally {
    store.close();
  }
}

describe('the reporting office’s name', () => {
  it('is the configured one', async () => {
    const report = await reportWith('市发展改革委');
    expect(report.title).toBe('市发展改革委关于2026年度人大代表建议办理工作情况的报告');
    expect(report.summary.startsWith('2026年，市发展改革委共收到')).toBe(true);
  });

  it('is 本机关 when none (or only blanks) is configured', async () => {
    expect((await reportWith()).title.startsWith('本机关关于')).toBe(true);
    expect((await reportWith('  ')).title.startsWith('本机关关于')).toBe(true);
  });
});
