// Runs bench/github.mjs end to end with stand-in tools, so its mechanics are tested before keyway's CLI exists.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = new URL('../../bench/github.mjs', import.meta.url).pathname;
const SMALL_SPEC = new URL('../../fixtures/e2e/auth-matrix.yaml', import.meta.url).pathname;

/** A tool that holds `mib` MiB, writes $STANDIN_SOURCE (or a valid module) to {out}/api.ts and lingers `ms` milliseconds. */
const standIn = (ms: number, mib: number): string =>
  `node -e "Buffer.alloc(${mib}*1048576,1); require('fs').writeFileSync(process.argv[1]+'/api.ts', process.env.STANDIN_SOURCE ?? 'export const n: number = 1;'); setTimeout(()=>{},${ms})" {out}`;

function bench(env: Record<string, string>, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, ...args], { env: { ...process.env, SPEC: SMALL_SPEC, RUNS: '3', WARMUP: '1', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

const rowOf = (stdout: string, tool: string): string[] => {
  const line = stdout.split('\n').find((l) => l.startsWith(tool + ' '));
  if (line === undefined) throw new Error(`no row for ${tool} in:\n${stdout}`);
  return line.trim().split(/\s+/);
};

describe('bench/github.mjs', () => {
  it('PASSes when the stand-in keyway is much faster and small, and type-checks its output with --check', async () => {
    // The stand-ins linger 50 ms and 3 s; each also pays a Node start, which a loaded machine makes
    // slow (0.5 s seen): the walls are told apart by the 2.95 s between them, not by absolute bounds.
    const { code, stdout } = await bench({ KEYWAY_CMD: standIn(50, 1), OAZAPFTS_CMD: standIn(3000, 1) }, ['--check']);
    const [, wall, rss] = rowOf(stdout, 'keyway');
    const oazapftsWall = Number(rowOf(stdout, 'oazapfts')[1]);
    expect(Number(wall)).toBeGreaterThan(0.04);
    expect(oazapftsWall).toBeGreaterThanOrEqual(3);
    expect(oazapftsWall - Number(wall)).toBeGreaterThan(2.5);
    expect(Number(rss)).toBeGreaterThan(10);
    expect(stdout).toMatch(/target: wall ratio ≤ 0\.25\s+got 0\.\d\d\s+PASS/);
    expect(stdout).toMatch(/target: peak RSS ≤ 130 MiB\s+got [\d.]+ MiB\s+PASS/);
    expect(stdout).toMatch(/check: tsc 7 --strict --noEmit, Bundler: 0 diagnostics/);
    expect(stdout).toMatch(/check: tsc 7 --strict --noEmit, NodeNext: 0 diagnostics/);
    expect(code).toBe(0);
  }, 60_000);

  it('FAILs on memory: a 300 MiB keyway is measured as such, and hands both verdicts to bench/targets.mjs', async () => {
    const results = join(mkdtempSync(join(tmpdir(), 'keyway-bench-test-')), 'results.jsonl');
    const { code, stdout } = await bench({ KEYWAY_CMD: standIn(0, 300), OAZAPFTS_CMD: standIn(600, 1), RUNS: '1', WARMUP: '0', BENCH_RESULTS: results });
    expect(Number(rowOf(stdout, 'keyway')[2])).toBeGreaterThan(300);
    expect(stdout).toMatch(/target: peak RSS ≤ 130 MiB\s+got [\d.]+ MiB\s+FAIL/);
    expect(code).toBe(1);
    const [wall, rss] = readFileSync(results, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(wall).toMatchObject({ target: 'GitHub generation wall time (median)', goal: '≤ 0.25' });
    expect(wall.pass).toBe(wall.ratio <= 0.25);
    expect(rss).toMatchObject({ target: 'GitHub generation peak RSS (worst run)', pass: false });
    expect(rss.ratio).toBeGreaterThan(300 / 130);
  }, 60_000);

  it('--check counts the diagnostics in keyway\'s output', async () => {
    const source = "export const n: number = 'x';\nexport function f(a) { return a; }\n";
    const { stdout } = await bench({ KEYWAY_CMD: standIn(0, 1), OAZAPFTS_CMD: standIn(0, 1), STANDIN_SOURCE: source, RUNS: '1', WARMUP: '0' }, ['--check']);
    expect(stdout).toMatch(/Bundler: 2 diagnostics in [\d.]+ s {2}\((TS2322×1, TS7006×1|TS7006×1, TS2322×1)\)/);
    expect(stdout).toContain("api.ts(1,14): error TS2322: Type 'string' is not assignable to type 'number'.");
  }, 60_000);

  it('FAILs and names the command when keyway exits non-zero', async () => {
    const { code, stdout, stderr } = await bench({ KEYWAY_CMD: 'node -e "process.exit(3)"', OAZAPFTS_CMD: standIn(0, 1), RUNS: '1', WARMUP: '0' });
    expect(stderr).toContain('!! keyway failed (3)');
    expect(rowOf(stdout, 'keyway')[4]).toBe('NO');
    expect(stdout).toMatch(/wall ratio.*FAIL/);
    expect(code).toBe(1);
  }, 60_000);
});
