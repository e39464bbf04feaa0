// What the write-request tests share: the goal, and a recorder of the costliest call of each action on
// the CloudBase emulator (its request counter and trace), which prints them with SHOW_REQUESTS=1 (or
// =trace) and says which actions are over their budget or the goal (docs/performance.md).
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import { sharedEmulator } from '../../support/cloudbase-emulator/sdk';

/** The goal for a write: 15 requests, 0.75 s at 50 ms a request. */
export const WRITE_GOAL = 15;
/** The round trip of a request inside the cloud. */
export const MS_A_REQUEST = 50;

export interface CostRecorder {
  /** Counts from now: call before each measured call. */
  start(): void;
  /** Keeps the requests of the call just made when they are the most its action has cost. */
  record(action: string): void;
  readonly most: ReadonlyMap<string, number>;
  /** Prints the figures (SHOW_REQUESTS), and answers the actions over their budget and over the goal. */
  judge(budgets: Readonly<Record<string, number>>): { overBudget: string[]; overGoal: string[]; unmeasured: string[] };
}

export function costRecorder(emulator: CloudBaseEmulator): CostRecorder {
  const most = new Map<string, number>();
  const traces = new Map<string, string[]>();
  return {
    most,
    start: () => emulator.resetCounter(),
    record(action) {
      if (emulator.requests <= (most.get(action) ?? 0)) return;
      most.set(action, emulator.requests);
      traces.set(action, [...emulator.trace]);
    },
    judge(budgets) {
      if (process.env.SHOW_REQUESTS) console.log([...most].map(([action, n]) => `${action}: ${n} requests, ${n * MS_A_REQUEST} ms`).join('\n'));
      if (process.env.SHOW_REQUESTS === 'trace') console.log([...traces].map(([a, t]) => `${a}\n  ${t.join('\n  ')}`).join('\n'));
      return {
        overBudget: Object.entries(budgets).filter(([a, budget]) => (most.get(a) ?? 0) > budget).map(([a, b]) => `${a}: ${most.get(a)} > ${b}`),
        overGoal: [...most].filter(([, n]) => n > WRITE_GOAL).map(([a, n]) => `${a}: ${n}`),
        unmeasured: Object.keys(budgets).filter((a) => !most.has(a)),
      };
    },
  };
}

/** A test that fails when any budget is above the goal. */
export function holdsBudgetsToGoal(budgets: Readonly<Record<string, number>>): void {
  it(`holds every write to the goal of ${WRITE_GOAL} requests`, () => {
    expect(Object.entries(budgets).filter(([, budget]) => budget > WRITE_GOAL)).toEqual([]);
  });
}

/** The emulator of the test file: started before its tests, closed after. */
export function sharedEmulatorForFile(): () => CloudBaseEmulator {
  let emulator: CloudBaseEmulator | undefined;
  beforeAll(async () => {
    emulator = await sharedEmulator({});
  });
  afterAll(() => emulator?.close());
  return () => emulator!;
}
