// The gateway the load benchmark measures, in its own process as in production: the real fastify
// gateway and api function over a SQLite file, with the clock held at the benchmark's instant. Prints
// `PORT <n>` once it listens; stops on SIGTERM.
import { apiEntry } from '../src/server/api/entry';
import { openSqliteStore } from '../src/server/adapters/sqlite/sqlite.store';
import { createApi } from '../src/server/api';
import { createGateway } from '../src/server/gateway/gateway';

async function main() {
  const [file, now] = process.argv.slice(2) as [string, string];
  const store = openSqliteStore(file);
  let clockNow = now;
  const clock = { now: () => clockNow, set: (next: string | null) => void (clockNow = next ?? now) };
  const api = createApi({ store, clock, log: () => undefined });
  const gateway = await createGateway({
    functions: { api: apiEntry(api) },
    staticDir: '/nonexistent',
    demoUsers: [],
    health: () => ({ store: 'sqlite' }),
    clock,
  });
  await gateway.listen({ host: '127.0.0.1', port: 0 });
  const address = gateway.server.address();
  console.log(`PORT ${typeof address === 'object' && address ? address.port : 0}`);
  process.on('SIGTERM', () => {
    void gateway.close().then(() => {
      store.close();
      process.exit(0);
    });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
