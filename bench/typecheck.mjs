#!/usr/bin/env node
// Type-check time of keyway's GitHub client against openapi-typescript's types-only output of the
// same document, both under TypeScript 7 (`tsc --noEmit --strict`), measured in one run.
//
//   npm run build && node bench/typecheck.mjs
//
// openapi-typescript 7.13.0 is installed on first run into bench/.peers/ (gitignored) with
// `npm install --prefix` (TypeScript 5.9.3 beside it: its peer range excludes 7; it is only the
// generator's library, both outputs are checked with our TypeScript 7 devDependency).
// Environment:
//   RUNS=5 WARMUP=1 TIMEOUT=600   timed tsc runs per output (median reported), untimed warm-ups, seconds per run
//   SPEC=path                     default node_modules/@octokit/openapi/generated/api.github.com.json
//   KEEP=1                        keep the outputs and tsconfigs (printed)
//   INSTRUCTIONS=1                also count each output's instructions under valgrind (cachegrind), once
//                                 single-threaded and once with tsc's default checkers, with Go's GC off
//                                 (GOGC=off GOMAXPROCS=1): the same count whatever the machine's load, to
//                                 compare changes on a shared machine (about 30 s per count; the target
//                                 stays the median wall time)
// Exit code: 0 when both outputs check without diagnostics and the ratio meets the target, 1 otherwise.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tscCommand } from '../scripts/lib/tsc-command.mjs';
import { createMeasurer, median } from './lib/measure.mjs';
import { recordTarget } from './lib/targets.mjs';
import { requireCurrentBuild } from './lib/current-build.mjs';

const TARGET_RATIO = 1.0;
const OPENAPI_TYPESCRIPT = '7.13.0';
const ITS_TYPESCRIPT = '5.9.3';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const nonNegativeInt = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) { console.error(`${name} must be a non-negative integer`); process.exit(2); }
  return value;
};
const runs = Math.max(1, nonNegativeInt('RUNS', 5));
const warmup = nonNegativeInt('WARMUP', 1);
const timeoutS = nonNegativeInt('TIMEOUT', 600);
const spec = resolve(repo, process.env.SPEC ?? 'node_modules/@octokit/openapi/generated/api.github.com.json');
if (!existsSync(spec)) { console.error(`spec not found: ${spec}`); process.exit(2); }
requireCurrentBuild(repo);

const peers = join(repo, 'bench', '.peers');
const openapiTypescript = join(peers, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
function installedVersion() {
  try {
    return JSON.parse(readFileSync(join(peers, 'node_modules', 'openapi-typescript', 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}
if (installedVersion() !== OPENAPI_TYPESCRIPT) {
  console.log(`installing openapi-typescript@${OPENAPI_TYPESCRIPT} into ${peers} (first run)`);
  mkdirSync(peers, { recursive: true });
  if (!existsSync(join(peers, 'package.json'))) writeFileSync(join(peers, 'package.json'), '{ "private": true }\n');
  execFileSync('npm', ['install', '--prefix', peers, '--no-audit', '--no-fund', '--no-save', `openapi-typescript@${OPENAPI_TYPESCRIPT}`, `typescript@${ITS_TYPESCRIPT}`], { stdio: 'inherit' });
}

const work = mkdtempSync(join(tmpdir(), 'keyway-bench-typecheck-'));
const outputs = [
  { name: 'keyway', dir: join(work, 'keyway'), generate: (dir) => [process.execPath, join(repo, 'bin', 'keyway.js'), 'generate', spec, '--out', dir, '--quiet'] },
  { name: 'openapi-typescript', dir: join(work, 'openapi-typescript'), generate: (dir) => [process.execPath, openapiTypescript, spec, '-o', join(dir, 'schema.ts')] },
];
for (const output of outputs) {
  const [file, ...args] = output.generate(output.dir);
  mkdirSync(output.dir, { recursive: true });
  execFileSync(file, args, { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
  // The settings /work/shared/bench/peers.sh checks every peer's output with: strict, ES2022 + DOM, no @types.
  output.config = join(work, `${output.name}.tsconfig.json`);
  writeFileSync(output.config, JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom', 'dom.iterable'], skipLibCheck: true, types: [] },
    include: [join(output.dir, '**/*.ts')],
  }));
  const scratch = join(work, `${output.name}-scratch`);
  mkdirSync(scratch);
  output.measurer = createMeasurer(scratch);
  output.results = [];
}

const { file: tsc, prefixArgs } = tscCommand();
const typecheck = (output) => output.measurer.measure([tsc, ...prefixArgs, '-p', output.config, '--pretty', 'false'], { cwd: work, timeoutS });
const tscVersion = execFileSync(tsc, [...prefixArgs, '--version'], { encoding: 'utf8' }).trim();

console.log(`spec: ${spec}`);
console.log(`tsc: ${tscVersion} (${tsc}), --strict --noEmit; ${runs} timed + ${warmup} warm-up runs per output, alternating order`);
for (let i = 0; i < warmup; i++) for (const output of outputs) await typecheck(output);
for (let i = 0; i < runs; i++) {
  // Alternate who goes first so cache warmth and load drift do not favour one output.
  for (const output of i % 2 === 0 ? outputs : [...outputs].reverse()) {
    const result = await typecheck(output);
    output.results.push(result);
    process.stderr.write(`   ${output.name} run ${i + 1}: ${result.wallS.toFixed(2)} s, exit ${result.exitCode}\n`);
  }
}

const fmt = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const row = (cells) => cells.map((cell, i) => String(cell).padEnd(i === 0 ? 20 : 16)).join('').trimEnd();
console.log('');
console.log(row(['output', 'median tsc s', 'min tsc s', 'diagnostics']));
const summary = outputs.map((output) => {
  const diagnostics = output.results.some((r) => r.exitCode !== 0) ? (output.results.at(-1).output.match(/error TS\d+/g) ?? ['?']).length : 0;
  const s = { name: output.name, wallS: median(output.results.map((r) => r.wallS)), minS: Math.min(...output.results.map((r) => r.wallS)), diagnostics };
  console.log(row([s.name, fmt(s.wallS), fmt(s.minS), s.diagnostics]));
  return s;
});
const [keyway, peer] = summary;
const ratio = keyway.wallS / peer.wallS;
console.log(row(['ratio', fmt(ratio), fmt(keyway.minS / peer.minS), '(keyway/openapi-typescript)']));
console.log('');
const pass = keyway.diagnostics === 0 && peer.diagnostics === 0 && ratio <= TARGET_RATIO;
console.log(`${`target: type-check ratio ≤ ${fmt(TARGET_RATIO)}`.padEnd(34)}got ${fmt(ratio).padEnd(10)}${pass ? 'PASS' : 'FAIL'}`);
recordTarget({ target: 'GitHub client type-check, tsc 7 strict (median)', keyway: `${fmt(keyway.wallS)} s`, peer: `openapi-ts ${fmt(peer.wallS)} s`, ratio, goal: `≤ ${fmt(TARGET_RATIO)}`, pass });

if (process.env.INSTRUCTIONS === '1') {
  console.log('');
  console.log(row(['output', 'M instr single', 'M instr multi']));
  const count = (output, threads) => {
    // valgrind reports on stderr; tsc's own output (no diagnostics) goes to stdout.
    const run = spawnSync('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', tsc, ...prefixArgs, '-p', output.config, ...threads], {
      cwd: work, encoding: 'utf8', env: { ...process.env, GOGC: 'off', GOMAXPROCS: '1' }, maxBuffer: 64 * 1024 * 1024, timeout: timeoutS * 1000,
    });
    const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr ?? '')?.[1];
    if (refs === undefined) throw new Error(run.error?.message ?? 'valgrind printed no instruction count (is valgrind installed?)');
    return Number(refs.replaceAll(',', '')) / 1e6;
  };
  const counts = outputs.map((output) => {
    try {
      return [count(output, ['--singleThreaded']), count(output, [])];
    } catch (error) {
      return [NaN, NaN, error.message.split('\n')[0]];
    }
  });
  outputs.forEach((output, i) => console.log(row([output.name, fmt(counts[i][0], 0), fmt(counts[i][1], 0), counts[i][2] ?? ''])));
  console.log(row(['ratio', fmt(counts[0][0] / counts[1][0]), fmt(counts[0][1] / counts[1][1])]));
}

if (process.env.KEEP === '1') console.log(`\noutputs kept in ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exitCode = pass ? 0 : 1;
