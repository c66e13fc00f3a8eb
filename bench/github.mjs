#!/usr/bin/env node
// keyway vs oazapfts on GitHub's REST API description (13 MB JSON), each measured as a whole process.
//
//   npm run build && node bench/github.mjs [--check] [--keep]
//
//   --check   also type-check keyway's output with TypeScript 7 (strict, Bundler and NodeNext) and print error counts
//   --keep    keep the output directories (printed) instead of deleting them
// Environment:
//   RUNS=3 WARMUP=1 TIMEOUT=600      timed runs per tool (median reported), untimed warm-ups, seconds per run
//   SPEC=path                        default node_modules/@octokit/openapi/generated/api.github.com.json
//   KEYWAY_CMD='node bin/keyway.js generate {spec} --out {out}'   {spec} = input file, {out} = empty dir
//   OAZAPFTS_CMD='node node_modules/oazapfts/dist/cli.js {spec} {out}/api.ts'
//   GNU_TIME=/usr/bin/time           peak RSS via GNU time when present, else a node --require hook
// Exit code: 0 when every run succeeded and both targets pass, 1 otherwise.
import { mkdirSync, mkdtempSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCommand } from './lib/command.mjs';
import { createMeasurer, median } from './lib/measure.mjs';
import { recordTarget } from './lib/targets.mjs';
import { typecheckDir } from './lib/typecheck.mjs';
import { requireCurrentBuild } from './lib/current-build.mjs';

const TARGET_WALL_RATIO = 0.25;
const TARGET_RSS_MIB = 130;

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const flags = new Set(process.argv.slice(2));
for (const flag of flags) if (!['--check', '--keep'].includes(flag)) { console.error(`unknown option ${flag}`); process.exit(2); }
const nonNegativeInt = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) { console.error(`${name} must be a non-negative integer`); process.exit(2); }
  return value;
};
const runs = Math.max(1, nonNegativeInt('RUNS', 3));
const warmup = nonNegativeInt('WARMUP', 1);
const timeoutS = nonNegativeInt('TIMEOUT', 600);
const spec = resolve(repo, process.env.SPEC ?? 'node_modules/@octokit/openapi/generated/api.github.com.json');
if (!existsSync(spec)) { console.error(`spec not found: ${spec}`); process.exit(2); }

// bin/keyway.js runs the bundled CLI in dist/bin/, so the default command needs a build first.
if (process.env.KEYWAY_CMD === undefined) requireCurrentBuild(repo, 'run `npm run build` first (or set KEYWAY_CMD)');

const work = mkdtempSync(join(tmpdir(), 'keyway-bench-'));
const tools = [
  { name: 'keyway', template: process.env.KEYWAY_CMD ?? 'node bin/keyway.js generate {spec} --out {out}' },
  { name: 'oazapfts', template: process.env.OAZAPFTS_CMD ?? 'node node_modules/oazapfts/dist/cli.js {spec} {out}/api.ts' },
].map((tool) => {
  const scratch = join(work, `${tool.name}-scratch`);
  mkdirSync(scratch);
  return { ...tool, out: join(work, tool.name), measurer: createMeasurer(scratch), results: [] };
});

async function runOnce(tool) {
  // A fresh, empty output dir every run; creating it is not timed.
  rmSync(tool.out, { recursive: true, force: true });
  mkdirSync(tool.out, { recursive: true });
  const argv = renderCommand(tool.template, { spec, out: tool.out });
  const result = await tool.measurer.measure(argv, { cwd: repo, timeoutS });
  if (result.exitCode !== 0) {
    const output = result.output.trimEnd();
    console.error(`!! ${tool.name} failed (${result.exitCode}): ${argv.join(' ')}${output ? `\n${output}` : ''}`);
  }
  return result;
}

console.log(`spec: ${spec}`);
console.log(`runs: ${runs} timed + ${warmup} warm-up per tool, alternating order; RSS via ${tools[0].measurer.method}`);
for (const tool of tools) console.log(`${tool.name}: ${tool.template}`);

for (let i = 0; i < warmup; i++) for (const tool of tools) await runOnce(tool);
for (let i = 0; i < runs; i++) {
  // Alternate who goes first so cache warmth and thermal drift do not favour one tool.
  const order = i % 2 === 0 ? tools : [...tools].reverse();
  for (const tool of order) {
    const result = await runOnce(tool);
    tool.results.push(result);
    process.stderr.write(`   ${tool.name} run ${i + 1}: ${result.wallS.toFixed(2)} s, ${(result.rssKiB / 1024).toFixed(1)} MiB, exit ${result.exitCode}\n`);
  }
}

const summary = tools.map((tool) => {
  const ok = tool.results.every((r) => r.exitCode === 0);
  const rssMiB = tool.results.map((r) => r.rssKiB / 1024);
  return { name: tool.name, ok, wallS: median(tool.results.map((r) => r.wallS)), rssMedianMiB: median(rssMiB), rssMaxMiB: Math.max(...rssMiB) };
});
const [keyway, oazapfts] = summary;
const fmt = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const row = (cells) => cells.map((cell, i) => String(cell).padEnd(i === 0 ? 10 : 16)).join('').trimEnd();

console.log('');
console.log(row(['tool', 'median wall s', 'peak RSS MiB', 'max RSS MiB', 'all runs ok']));
for (const s of summary) console.log(row([s.name, fmt(s.wallS), fmt(s.rssMedianMiB, 1), fmt(s.rssMaxMiB, 1), s.ok ? 'yes' : 'NO']));
const wallRatio = keyway.wallS / oazapfts.wallS;
const rssRatio = keyway.rssMedianMiB / oazapfts.rssMedianMiB;
console.log(row(['ratio', fmt(wallRatio), fmt(rssRatio), '', '(keyway/oazapfts)']));
console.log('');

// Targets judge keyway's worst run for memory and its median for time; a failed run fails both.
const wallPass = keyway.ok && oazapfts.ok && wallRatio <= TARGET_WALL_RATIO;
const rssPass = keyway.ok && keyway.rssMaxMiB <= TARGET_RSS_MIB;
const target = (goal, got, pass) => console.log(`${`target: ${goal}`.padEnd(34)}got ${got.padEnd(10)}${pass ? 'PASS' : 'FAIL'}`);
target(`wall ratio ≤ ${fmt(TARGET_WALL_RATIO)}`, fmt(wallRatio), wallPass);
target(`peak RSS ≤ ${TARGET_RSS_MIB} MiB`, `${fmt(keyway.rssMaxMiB, 1)} MiB`, rssPass);
recordTarget({ target: 'GitHub generation wall time (median)', keyway: `${fmt(keyway.wallS)} s`, peer: `oazapfts ${fmt(oazapfts.wallS)} s`, ratio: wallRatio, goal: `≤ ${fmt(TARGET_WALL_RATIO)}`, pass: wallPass });
recordTarget({ target: 'GitHub generation peak RSS (worst run)', keyway: `${fmt(keyway.rssMaxMiB, 1)} MiB`, peer: `budget ${TARGET_RSS_MIB} MiB`, ratio: keyway.rssMaxMiB / TARGET_RSS_MIB, goal: '≤ 1.00', pass: rssPass });

if (flags.has('--check')) {
  console.log('');
  if (!keyway.ok) console.log('check: skipped, keyway did not succeed');
  else {
    // NodeNext decides ESM vs CommonJS from package.json; a generated ESM client without one would be checked as CommonJS.
    const keywayOut = tools[0].out;
    const packageJson = join(keywayOut, 'package.json');
    if (!existsSync(packageJson)) writeFileSync(packageJson, '{ "type": "module" }\n');
    for (const setting of ['Bundler', 'NodeNext']) {
      const check = await typecheckDir(keywayOut, setting);
      const top = check.topCodes.length ? `  (${check.topCodes.join(', ')})` : '';
      console.log(`check: tsc 7 --strict --noEmit, ${setting}: ${fmt(check.errors, 0)} diagnostics in ${fmt(check.wallS)} s${top}`);
      // The first few lines are usually enough to see what kind of mistake the generator makes.
      const head = check.output.trimEnd().split('\n').slice(0, Number.isFinite(check.errors) ? 5 : 40);
      if (check.errors !== 0) console.log(head.map((line) => `  ${line}`).join('\n'));
    }
  }
}

if (flags.has('--keep')) console.log(`\noutputs kept in ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exitCode = wallPass && rssPass ? 0 : 1;
