/**
 * A real redis-server (Debian package `redis-server`) for tests: 127.0.0.1, a port the OS picked,
 * no persistence, its own temp dir; stopped by its process handle. `stop()` then `start()` again
 * brings it back on the same port, empty, as a restarted cache would.
 *
 *   const redis = await startRedisServer();
 *   redis.url;            // redis://127.0.0.1:<port>
 *   await redis.stop();   // SIGTERM, waits for the exit
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { findFreePort } from './free-port.js';
import { makeTempDir, removeTempDir } from './tmp.js';

const REDIS_SERVER = '/usr/bin/redis-server';
const READY = /Ready to accept connections/;
const START_TIMEOUT_MS = 15_000;

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Stops the server (SIGTERM) and waits until it has exited. Idempotent. */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** Stops it and removes its temp dir. */
  dispose(): Promise<void>;
}

function launch(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`redis-server did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!READY.test(output)) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.removeAllListeners('error');
      child.stdout!.off('data', onData);
      child.stdout!.resume();
      child.stderr!.resume();
      resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  });
}

export async function startRedisServer(): Promise<RedisServer> {
  if (!existsSync(REDIS_SERVER)) throw new Error(`${REDIS_SERVER} is missing: apt-get install redis-server (.ci/run does)`);
  const dir = await makeTempDir('keyway-redis-');
  let child: ChildProcess | undefined;
  let port = 0;
  // The free port can be taken between the probe and the bind: try a few.
  for (let attempt = 0; child === undefined; attempt++) {
    port = await findFreePort();
    try {
      child = await launch(port, dir);
    } catch (error) {
      if (attempt >= 3) {
        await removeTempDir(dir);
        throw error;
      }
    }
  }
  const stop = async () => {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null) return;
    const exited = once(running, 'exit');
    running.kill('SIGTERM');
    await exited;
  };
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    async start() {
      if (child === undefined) child = await launch(port, dir);
    },
    async dispose() {
      await stop();
      await removeTempDir(dir);
    },
  };
}
