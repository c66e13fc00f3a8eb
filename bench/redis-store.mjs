#!/usr/bin/env node
// Scale-out with RedisTokenStore, on the compiled JavaScript a user would run: K processes (1, 4, 16)
// × 100 concurrent callers through one real redis-server, side by side with the default in-memory
// store (one per process), against a real token endpoint on 127.0.0.1.
//
//   npm run build && node bench/redis-store.mjs      (or: npm run bench:redis)
//
//   1. latency of a cached-token call, one process, calls one after another: p50/p99 with the
//      in-memory store and with Redis through `redis` and through `ioredis`; the difference is
//      what Redis adds (the API is a fetch stub that answers at once).
//   2. renewals: K processes × CONCURRENCY callers for DURATION_MS with TOKEN_LIFETIME_S tokens:
//      token requests, how many expiries they answered (requests < 500 ms apart are one expiry),
//      requests per expiry (target with Redis: exactly 1; in memory: about K), calls per second.
// Environment:
//   PROCESSES=1,4,16 CONCURRENCY=100 DURATION_MS=4000 TOKEN_LIFETIME_S=3 SEQUENTIAL=5000
// Exit code: 0 when Redis gives exactly one token request per expiry in every run and no call
// fails, 1 otherwise, 2 on bad usage.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generateAndCompile } from './runtime/compile-client.mjs';
import { startRedis } from './redis-store/redis-server.mjs';
import { expiriesOf, startTimedTokenServer } from './redis-store/token-server.mjs';
import { requireCurrentBuild } from './lib/current-build.mjs';

const run = promisify(execFile);
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORKER = join(repo, 'bench', 'redis-store', 'worker.mjs');
const SAME_EXPIRY_MS = 500;
const us = (value) => `${value} µs`.padStart(9);

const intEnv = (name, fallback, min = 1) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min) { console.error(`${name} must be an integer ≥ ${min}`); process.exit(2); }
  return value;
};
const processCounts = (process.env.PROCESSES ?? '1,4,16').split(',').map(Number);
if (processCounts.some((k) => !Number.isInteger(k) || k < 1)) { console.error('PROCESSES must be a comma-separated list of integers ≥ 1'); process.exit(2); }
const concurrency = intEnv('CONCURRENCY', 100);
const durationMs = intEnv('DURATION_MS', 4000);
const lifetimeS = intEnv('TOKEN_LIFETIME_S', 3);
const sequential = intEnv('SEQUENTIAL', 5000);
requireCurrentBuild(repo);
if (!existsSync('/usr/bin/redis-server')) { console.error('/usr/bin/redis-server is missing: apt-get install redis-server'); process.exit(2); }

const tokens = await startTimedTokenServer();
const redis = await startRedis();
const work = mkdtempSync(join(tmpdir(), 'keyway-bench-redis-'));
let runs = 0;
try {
  process.exitCode = await main();
} finally {
  await Promise.all([tokens.close(), redis.stop()]);
  rmSync(work, { recursive: true, force: true });
}

/** Starts `count` worker processes with the same run; resolves their reports. */
async function workers(count, runConfig) {
  const prefix = `bench${++runs}:`;
  return Promise.all(Array.from({ length: count }, async (_, i) => {
    const library = runConfig.library ?? (i % 2 === 0 ? 'redis' : 'ioredis');
    const { stdout } = await run(process.execPath, [WORKER, JSON.stringify({ ...runConfig, library, prefix, redisPort: redis.port })], { maxBuffer: 1 << 20 });
    return JSON.parse(stdout.trim().split('\n').at(-1));
  }));
}


async function main() {
  const specText = readFileSync(join(repo, 'bench', 'runtime', 'bench-api.yaml'), 'utf8').replaceAll('http://auth.keyway.invalid', tokens.url);
  const { jsDir } = await generateAndCompile({ repo, work, specText });
  console.log(`node ${process.version}, ${process.platform}/${process.arch}; redis-server on 127.0.0.1:${redis.port}; token endpoint ${tokens.url}`);
  let pass = true;

  console.log(`\n1. cached-token call, one process, ${sequential} calls one after another (API: fetch stub)`);
  tokens.reset(3600);
  const latency = {};
  for (const [label, store, library] of [['in memory', 'memory', 'redis'], ['redis (redis)', 'redis', 'redis'], ['redis (ioredis)', 'redis', 'ioredis']]) {
    const [report] = await workers(1, { jsDir, store, library, concurrency: 1, durationMs: 0, sequential });
    latency[label] = report;
    if (report.failures > 0) pass = false;
  }
  const base = latency['in memory'];
  console.log('   store              p50        p99     added p50  added p99');
  for (const [label, r] of Object.entries(latency)) {
    console.log(`   ${label.padEnd(16)} ${us(r.p50Us)} ${us(r.p99Us)}  ${us(r.p50Us - base.p50Us)}  ${us(r.p99Us - base.p99Us)}`);
  }

  const reuseS = lifetimeS - Math.min(60, lifetimeS * 0.1 + 1, lifetimeS / 2);
  console.log(`\n2. ${concurrency} concurrent callers per process for ${durationMs} ms, ${lifetimeS} s tokens (renewed after ${reuseS.toFixed(1)} s)`);
  console.log('   K   store      calls/s   p50 (load)  token requests  expiries  per expiry  failures');
  for (const k of processCounts) {
    for (const store of ['memory', 'redis']) {
      tokens.reset(lifetimeS);
      const reports = await workers(k, { jsDir, store, concurrency, durationMs, sequential: 0 });
      // The first token of each process is fetched before timing starts, and counts like any other.
      const requests = tokens.arrivals.length;
      const expiries = expiriesOf(tokens.arrivals, SAME_EXPIRY_MS);
      const calls = reports.reduce((sum, r) => sum + r.calls, 0);
      const failures = reports.reduce((sum, r) => sum + r.failures, 0);
      const p50 = Math.max(...reports.map((r) => r.p50Us));
      const perExpiry = expiries === 0 ? 0 : requests / expiries;
      if (store === 'redis' && (requests !== expiries || failures > 0)) pass = false;
      console.log(`   ${String(k).padEnd(3)} ${store.padEnd(8)} ${String(Math.round(calls / (durationMs / 1000))).padStart(9)} ${us(p50).padStart(12)} ${String(requests).padStart(15)} ${String(expiries).padStart(9)} ${perExpiry.toFixed(2).padStart(11)} ${String(failures).padStart(9)}`);
    }
  }
  console.log(pass ? '\nPASS: with Redis, one token request per expiry in every run, no failed call' : '\nFAIL: see above');
  return pass ? 0 : 1;
}
