#!/usr/bin/env node
// Issue 14's four targets in one run: runs bench/github.mjs (generation), bench/typecheck.mjs (tsc time
// of the output) and bench/bundle.mjs (browser bundles) one after another on this machine, each printing
// its own figures, then one table of every target's ratio and verdict.
//
//   npm run build && npm run bench:targets
//
// The environment passes through (RUNS, WARMUP, SPEC, …): each bench reads what it knows.
// Exit code: 0 when every target passes, 1 when one fails, 2 when a bench could not run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCHES = ['github.mjs', 'typecheck.mjs', 'bundle.mjs'];
const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'keyway-targets-'));
const resultsFile = join(work, 'results.jsonl');

let broken = false;
for (const bench of BENCHES) {
  console.log(`\n=== bench/${bench}`);
  const run = spawnSync(process.execPath, [join(here, bench)], { cwd: resolve(here, '..'), stdio: 'inherit', env: { ...process.env, BENCH_RESULTS: resultsFile } });
  // 0 and 1 are verdicts (pass, fail); anything else means the bench could not measure.
  if (run.status !== 0 && run.status !== 1) {
    console.error(`bench/${bench} could not run (exit ${run.status ?? run.signal})`);
    broken = true;
  }
}

const results = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [];
rmSync(work, { recursive: true, force: true });

const cell = (text, width) => String(text).padEnd(width);
console.log('\n=== issue 14 targets');
console.log(`${cell('target', 50)}${cell('keyway', 16)}${cell('peer / budget', 22)}${cell('ratio', 8)}${cell('goal', 10)}verdict`);
for (const r of results) console.log(`${cell(r.target, 50)}${cell(r.keyway, 16)}${cell(r.peer, 22)}${cell(r.ratio.toFixed(2), 8)}${cell(r.goal, 10)}${r.pass ? 'PASS' : 'FAIL'}`);
const failed = results.filter((r) => !r.pass).length;
console.log(`${results.length} targets, ${results.length - failed} pass, ${failed} fail${broken ? '; a bench could not run' : ''}`);
process.exitCode = broken ? 2 : failed > 0 ? 1 : 0;
