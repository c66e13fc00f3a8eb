#!/usr/bin/env node
// Runtime cost of the generated client's auth layer, on the compiled JavaScript a user would run:
// bench/runtime/bench-api.yaml is generated with bin/keyway.js and compiled with TypeScript 7.
//
//   npm run build && node bench/runtime.mjs [--keep]      (or: npm run bench:runtime)
//
//   1. auth overhead per request, token cached: (secured call − public call) through the generated
//      client with a fetch stub that answers at once; for OAuth 2.0 client credentials, static
//      bearer, apiKey header and basic. Also "isolated": alternative selection + strategy.apply
//      driven directly on the compiled runtime. Target: < 5 µs per request (full-call figure).
//   2. stampede: CONCURRENCY calls at once on an expired token (the client's `clock` jumps past
//      expiry) against a real node:http token endpoint on 127.0.0.1. Target: exactly 1 token request
//      per round, every call succeeds and carries the new token.
//   --keep    keep the generated and compiled client (path printed)
// Environment:
//   ITERATIONS=200000 ROUNDS=10 WARMUP=20000   calls per case (split into ROUNDS batches), untimed warm-up calls
//   CONCURRENCY=1000 STAMPEDE_ROUNDS=5         calls fired at once, and how many times (clock jumps)
//   TOKEN_DELAY_MS=0                            the token endpoint holds each answer this long
// Exit code: 0 when every target passes, 1 otherwise, 2 on bad usage.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCases, checkCases, CREDENTIALS, respond } from './runtime/cases.mjs';
import { generateAndCompile, importCompiled } from './runtime/compile-client.mjs';
import { measureOne, measureOverhead } from './runtime/overhead.mjs';
import { report } from './runtime/report.mjs';
import { manualClock, runStampede } from './runtime/stampede.mjs';
import { createStubFetch } from './runtime/stub-fetch.mjs';
import { startTokenServer } from './runtime/token-server.mjs';

const TARGET_OVERHEAD_US = 5;
const API_ORIGIN = 'http://api.keyway.invalid';
const EXPIRES_IN_S = 3600;

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const flags = new Set(process.argv.slice(2));
for (const flag of flags) if (flag !== '--keep') { console.error(`unknown option ${flag}`); process.exit(2); }
const intEnv = (name, fallback, min = 1) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min) { console.error(`${name} must be an integer ≥ ${min}`); process.exit(2); }
  return value;
};
const rounds = intEnv('ROUNDS', 10);
const batch = Math.max(1, Math.round(intEnv('ITERATIONS', 200_000) / rounds));
const warmup = intEnv('WARMUP', 20_000, 0);
const concurrency = intEnv('CONCURRENCY', 1000);
const stampedeRounds = intEnv('STAMPEDE_ROUNDS', 5);
const tokenDelayMs = intEnv('TOKEN_DELAY_MS', 0, 0);
if (!existsSync(join(repo, 'dist', 'cli.js'))) { console.error('dist/cli.js is missing: run `npm run build` first'); process.exit(2); }

const tokenServer = await startTokenServer({ expiresIn: EXPIRES_IN_S, delayMs: tokenDelayMs });
const work = mkdtempSync(join(tmpdir(), 'keyway-bench-runtime-'));
let exitCode = 1;
try {
  exitCode = await main();
} finally {
  await tokenServer.close();
  if (flags.has('--keep')) console.log(`\nclient kept in ${work} (src/: generated, js/: compiled)`);
  else rmSync(work, { recursive: true, force: true });
}
process.exitCode = exitCode;

async function main() {
  const specText = readFileSync(join(repo, 'bench', 'runtime', 'bench-api.yaml'), 'utf8').replaceAll('http://auth.keyway.invalid', tokenServer.url);
  const { jsDir, seconds } = await generateAndCompile({ repo, work, specText });
  const compiled = await importCompiled(jsDir);
  console.log(`node ${process.version}, ${process.platform}/${process.arch}; client generated in ${seconds.generate.toFixed(2)} s, compiled by tsc 7 in ${seconds.compile.toFixed(2)} s`);
  console.log(`overhead: ${rounds} rounds × ${batch} sequential calls per case (+${warmup} warm-up); stampede: ${stampedeRounds} × ${concurrency} concurrent calls, token endpoint ${tokenServer.url} (delay ${tokenDelayMs} ms)`);

  // 1. Per-request overhead. `received` is set only while checking what the stub gets, not while timing.
  let received;
  const fetch = createStubFetch({ apiOrigin: API_ORIGIN, respond, onApiRequest: (url, init) => { if (received !== undefined) received.push(new Headers(init?.headers)); } });
  const { client, cases } = buildCases({ compiled, fetch, apiOrigin: API_ORIGIN, tokenUrl: `${tokenServer.url}/token` });
  const capture = async (call) => {
    received = [];
    await call();
    const [headers] = received;
    received = undefined;
    return headers;
  };
  // The first OAuth call obtains tok-1; every call after it must use the cache.
  const problems = await checkCases(cases, capture);
  if (tokenServer.requests() !== 1) problems.push(`priming the OAuth 2.0 token took ${tokenServer.requests()} token requests, not 1`);
  if (problems.length) { console.error(`!! setup check failed:\n   ${problems.join('\n   ')}`); return 1; }
  const timing = { rounds, batch, warmup };
  const overhead = await measureOverhead(cases, timing);
  const petCallUs = await measureOne(() => client.getPet({ petId: 1 }), timing);
  const tokenRequestsWhileTiming = tokenServer.requests() - 1;

  // 2. Stampede on an expired token: a client of its own, whose clock the bench moves.
  const clock = manualClock();
  const seen = [];
  const stampedeFetch = createStubFetch({ apiOrigin: API_ORIGIN, respond, onApiRequest: (url, init) => seen.push(new Headers(init?.headers).get('authorization')) });
  const stampedeClient = new compiled.client.AuthBenchClient({ baseUrl: API_ORIGIN, fetch: stampedeFetch, auth: { oauth: CREDENTIALS.oauth }, clock: clock.now });
  const stampede = await runStampede({ client: stampedeClient, call: (c) => c.pingOAuth(), clock, tokenServer, seen, concurrency, rounds: stampedeRounds, expiresInS: EXPIRES_IN_S });

  const pass = report({ overhead, petCallUs, tokenRequestsWhileTiming, stampede, concurrency, targetUs: TARGET_OVERHEAD_US });
  return pass ? 0 : 1;
}
