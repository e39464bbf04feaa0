// The core at the scales of docs/architecture.md (Scale): a city office (~100 suggestions a year), a city (~500),
// a province (~1,500) and the national congress (~9,200). Figures: median milliseconds per call and
// microseconds per suggestion; a flat per-suggestion figure across scales means linear growth.
import { annualReport } from '../src/core/annual-report';
import { computeMetrics } from '../src/core/metrics';
import { SHANDONG_POLICY } from '../src/core/policy';
import { generateYear } from './generate';
import { median, timeRuns } from './stats';

const SCALES = [100, 500, 1500, 9200];

export async function benchMetrics() {
  const out: Record<string, number> = {};
  for (const n of SCALES) {
    const data = generateYear(n);
    const ms = median(await timeRuns(15, () => computeMetrics(data, { kind: 'all' }, '2026-09-01', SHANDONG_POLICY)));
    out[`metrics ${n} ms (median)`] = ms;
    out[`metrics ${n} µs/suggestion`] = (ms * 1000) / n;
  }
  out['ratio 9200 vs 100 per suggestion'] = out['metrics 9200 µs/suggestion']! / out['metrics 100 µs/suggestion']!;
  return out;
}

export async function benchAnnualReport() {
  const out: Record<string, number> = {};
  for (const n of SCALES) {
    const data = generateYear(n);
    const ms = median(
      await timeRuns(9, () => annualReport(
          data,
          { year: 2026, unitName: '市发展改革委', deputyTitle: '市人大代表', sessionName: '市十八届人大三次会议', scope: { kind: 'all' }, today: '2026-12-31' },
          SHANDONG_POLICY,
        )),
    );
    out[`annual report ${n} ms (median)`] = ms;
  }
  return out;
}
