// The gateway the load benchmark measures, in its own process as in production: the real fastify
// gateway and api function over a SQLite file, with the clock held at the benchmark's instant. Prints
// `PORT <n>` once it listens (and `PIDS <pid,…>` of the processes serving); stops on SIGTERM.
//
// With a third argument N > 1, N worker processes share the port (node:cluster), each with its own
// connection to the file (WAL, busy_timeout): what a machine's cores, or CloudBase's function instances,
// do with the same code. Writes stay correct across them: every commit checks the revisions it read
// inside SQLite's write lock (tests/server/gateway/workers.test.ts). The benchmark's gateway has no reminder
// timer; `npm start` stays one process, where the timer, the dev clock and the file links live.
import cluster from 'node:cluster';
import { apiEntry } from '../src/server/api/entry';
import { openSqliteStore } from '../src/server/adapters/sqlite/sqlite.store';
import { createApi } from '../src/server/api';
import { createGateway } from '../src/server/gateway/gateway';

async function serve(file: string, now: string): Promise<{ port: number; stop: () => Promise<void> }> {
  const store = openSqliteStore(file);
  let clockNow = now;
  const clock = { now: () => clockNow, set: (next: string | null) => void (clockNow = next ?? now) };
  const api = createApi({ store, clock, log: (m, e) => console.error(m, e) });
  const gateway = await createGateway({
    functions: { api: apiEntry(api) },
    staticDir: '/nonexistent',
    demoUsers: [],
    health: () => ({ store: 'sqlite', pid: process.pid }),
    clock,
  });
  await gateway.listen({ host: '127.0.0.1', port: 0 });
  const address = gateway.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    stop: async () => {
      await gateway.close();
      store.close();
    },
  };
}

async function main() {
  const [file, now, workersArg] = process.argv.slice(2) as [string, string, string | undefined];
  const workers = Math.max(1, Number(workersArg ?? 1));
  if (workers > 1 && cluster.isPrimary) {
    const ports: number[] = [];
    const forked = Array.from({ length: workers }, () => cluster.fork());
    for (const worker of forked) {
      worker.on('message', (message: { port?: number }) => {
        if (typeof message?.port !== 'number') return;
        ports.push(message.port);
        if (ports.length === workers) console.log(`PORT ${ports[0]}\nPIDS ${forked.map((w) => w.process.pid).join(',')}`);
      });
    }
    process.on('SIGTERM', () => {
      let left = forked.length;
      for (const worker of forked) {
        worker.once('exit', () => --left === 0 && process.exit(0));
        worker.process.kill('SIGTERM');
      }
    });
    return;
  }
  const { port, stop } = await serve(file, now);
  if (cluster.isWorker) process.send!({ port });
  else console.log(`PORT ${port}\nPIDS ${process.pid}`);
  process.on('SIGTERM', () => void stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
