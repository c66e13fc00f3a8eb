// One process of the Redis bench: the compiled generated client (AuthBenchClient), its API answered
// by a fetch stub (so only the client's own work and the token store are timed), tokens from the
// bench's real token endpoint. Reads its run as JSON from argv[2]; prints one JSON line.
//   { jsDir, store: 'memory' | 'redis', library: 'redis' | 'ioredis', redisPort, prefix,
//     concurrency, durationMs, sequential }
// sequential > 0: that many calls one after another (latency); else `concurrency` callers for
// durationMs (throughput, renewals).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { createStubFetch } from '../runtime/stub-fetch.mjs';
import { CREDENTIALS, respond } from '../runtime/cases.mjs';

const API_ORIGIN = 'http://api.keyway.invalid';
const run = JSON.parse(process.argv[2]);
const generated = await import(pathToFileURL(join(run.jsDir, 'index.js')).href);

async function connect() {
  if (run.library === 'redis') {
    const client = createClient({ socket: { host: '127.0.0.1', port: run.redisPort }, disableOfflineQueue: true });
    client.on('error', () => {});
    await client.connect();
    return { client, close: () => client.destroy() };
  }
  const client = new Redis(run.redisPort, '127.0.0.1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  client.on('error', () => {});
  await client.connect();
  return { client, close: () => client.disconnect() };
}

const redis = run.store === 'redis' ? await connect() : undefined;
const storeErrors = [];
const client = new generated.AuthBenchClient({
  baseUrl: API_ORIGIN,
  fetch: createStubFetch({ apiOrigin: API_ORIGIN, respond }),
  auth: { oauth: CREDENTIALS.oauth },
  tokenStore: redis === undefined ? undefined : new generated.RedisTokenStore(redis.client, { prefix: run.prefix }),
  onStoreError: (error) => storeErrors.push(error.code),
});

let calls = 0;
let failures = 0;
const latenciesUs = [];
const timed = async () => {
  const started = performance.now();
  try {
    await client.pingOAuth();
  } catch {
    failures++;
  }
  calls++;
  latenciesUs.push(Math.round((performance.now() - started) * 1000));
};

await client.pingOAuth(); // the first token, outside the figures
if (run.sequential > 0) {
  for (let i = 0; i < run.sequential; i++) await timed();
} else {
  const end = performance.now() + run.durationMs;
  await Promise.all(Array.from({ length: run.concurrency }, async () => {
    while (performance.now() < end) await timed();
  }));
}
redis?.close();
latenciesUs.sort((a, b) => a - b);
const at = (q) => latenciesUs[Math.min(latenciesUs.length - 1, Math.floor(latenciesUs.length * q))] ?? 0;
process.stdout.write(`${JSON.stringify({ calls, failures, storeErrors: storeErrors.length, p50Us: at(0.5), p99Us: at(0.99) })}\n`);
