// Whole-process measurement of one command: wall time and peak RSS.
// Peak RSS comes from GNU time (%M: ru_maxrss of the largest process in the tree, KiB) when it is
// installed. Otherwise every node process in the tree is preloaded with a hook that appends its own
// process.resourceUsage().maxRSS at exit (node-only tools; that is all this bench runs).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const GNU_TIME = process.env.GNU_TIME ?? '/usr/bin/time';

/** `measure` reads its RSS from files in `scratchDir`; one per tool keeps runs independent. */
export function createMeasurer(scratchDir) {
  const rssFile = join(scratchDir, 'rss');
  const useGnuTime = existsSync(GNU_TIME);
  const hook = join(scratchDir, 'rss-hook.cjs');
  if (!useGnuTime) {
    writeFileSync(hook, `process.on('exit', () => require('node:fs').appendFileSync(process.env.BENCH_RSS_FILE, process.resourceUsage().maxRSS + '\\n'));\n`);
  }
  return {
    method: useGnuTime ? `GNU time (${GNU_TIME} -f %M)` : 'node --require hook (process.resourceUsage().maxRSS)',
    /** Runs argv in cwd; resolves { wallS, rssKiB, exitCode, output } (output = last 4 KiB of stdout+stderr). */
    measure(argv, { cwd, timeoutS }) {
      writeFileSync(rssFile, '');
      const [file, ...args] = useGnuTime ? [GNU_TIME, '-f', '%M', '-o', rssFile, ...argv] : argv;
      const env = useGnuTime
        ? process.env
        : { ...process.env, BENCH_RSS_FILE: rssFile, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${hook}` };
      return new Promise((resolve) => {
        const started = process.hrtime.bigint();
        // detached: a new process group, so a timeout can kill the tool and all it started.
        const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
        let output = '';
        const keep = (chunk) => { output = (output + chunk).slice(-4096); };
        child.stdout.on('data', keep);
        child.stderr.on('data', keep);
        let timedOut = false;
        const timer = setTimeout(() => { timedOut = true; try { process.kill(-child.pid, 'SIGKILL'); } catch {} }, timeoutS * 1000);
        child.on('error', (error) => keep(`\n${error.message}`));
        child.on('close', (code, signal) => {
          const wallS = Number(process.hrtime.bigint() - started) / 1e9;
          clearTimeout(timer);
          // Blank when the run was killed; GNU time also writes a "Command exited with…" line on failure.
          const samples = readFileSync(rssFile, 'utf8').split('\n').filter((line) => /^\d+$/.test(line.trim())).map(Number);
          const exitCode = timedOut ? 'timeout' : code ?? `signal ${signal}`;
          resolve({ wallS, rssKiB: samples.length ? Math.max(...samples) : NaN, exitCode, output });
        });
      });
    },
  };
}

export function median(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
