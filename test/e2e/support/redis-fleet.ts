/**
 * Real separate Node processes sharing tokens through one Redis: a generated client bundled with
 * redis-worker.ts (esbuild, CommonJS, dependencies included) and started with child_process.fork,
 * each stopped by its handle.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { WorkerReport, WorkerRun } from './redis-worker.js';

const WORKER_SOURCE = resolve(import.meta.dirname, 'redis-worker.ts');

/** Bundles the worker with the generated client in `clientDir` as `<workDir>/<name>.cjs`; resolves its path. */
export async function bundleFleetWorker(clientDir: string, workDir: string, name = 'fleet-worker'): Promise<string> {
  const entry = join(workDir, `${name}-entry.ts`);
  await writeFile(
    entry,
    `import * as mod from ${JSON.stringify(join(clientDir, 'index.ts'))};\nimport { runWorker } from ${JSON.stringify(WORKER_SOURCE)};\nrunWorker(mod);\n`,
  );
  const outfile = join(workDir, `${name}.cjs`);
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' });
  return outfile;
}

export interface FleetWorker {
  child: ChildProcess;
  /** Resolves once connected to Redis with its client built, waiting for go(). */
  armed: Promise<void>;
  /** Starts the calls. */
  go(): void;
  /** Resolves once the first call has left. */
  started: Promise<void>;
  /** Resolves at the first store error the process's client reported. */
  storeError: Promise<void>;
  /** The process's report; rejects if it died without one. */
  report: Promise<WorkerReport>;
  kill(signal: NodeJS.Signals): void;
}

export function startFleetWorker(bundle: string, config: WorkerRun): FleetWorker {
  const child = fork(bundle, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'json' });
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  let markArmed: () => void = () => undefined;
  const armed = new Promise<void>((resolve) => (markArmed = resolve));
  let markStoreError: () => void = () => undefined;
  const storeError = new Promise<void>((resolve) => (markStoreError = resolve));
  const report = new Promise<WorkerReport>((resolve, reject) => {
    child.on('message', (message: { type: string; message?: string }) => {
      if (message.type === 'ready') child.send({ type: 'run', config });
      else if (message.type === 'armed') markArmed();
      else if (message.type === 'started') markStarted();
      else if (message.type === 'store-error') markStoreError();
      else if (message.type === 'report') resolve(message as unknown as WorkerReport);
      else if (message.type === 'crash') reject(new Error(`fleet worker crashed: ${message.message}`));
    });
    child.once('exit', (code, signal) => reject(new Error(`fleet worker exited (${signal ?? code}) without a report`)));
    child.once('error', reject);
  });
  // A killed worker's report is never awaited: keep its rejection from counting as unhandled.
  report.catch(() => undefined);
  return { child, armed, go: () => void child.send({ type: 'go' }), started, storeError, report, kill: (signal) => void child.kill(signal) };
}

/** Starts `configs.length` processes and lets them all go at once, when every one is armed. */
export async function startFleet(bundle: string, configs: readonly WorkerRun[], into: FleetWorker[]): Promise<FleetWorker[]> {
  const workers = configs.map((config) => startFleetWorker(bundle, config));
  into.push(...workers);
  await Promise.all(workers.map((w) => Promise.race([w.armed, w.report])));
  for (const worker of workers) worker.go();
  return workers;
}

/** Kills whatever is still running (test clean-up). */
export function stopFleet(workers: readonly FleetWorker[]): void {
  for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
}
