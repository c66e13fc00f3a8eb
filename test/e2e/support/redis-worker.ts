/**
 * One process of a fleet sharing tokens through Redis (see redis-fleet.ts): bundled with a client
 * generated from fixtures/oauth/pets-oauth.yaml, started with child_process.fork. It waits for a
 * `run` message, connects to Redis with the library it is told (`redis` or `ioredis`), makes
 * `concurrency` callers call listPets() for `durationMs`, and reports what happened.
 */
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import type { RedisClientLike } from '../../../src/runtime/oauth2/redis-client.js';
import type { RedisTokenStoreOptions } from '../../../src/runtime/oauth2/redis-token-store.js';
import type { TokenStoreError } from '../../../src/runtime/oauth2/token-store-error.js';
import type { TokenStore } from '../../../src/runtime/oauth2/types.js';
import type { ClientOptions, PetsClient } from './generated-oauth-client.js';

export type RedisLibrary = 'redis' | 'ioredis';

export interface WorkerRun {
  redisPort: number;
  library: RedisLibrary;
  prefix: string;
  /** Hex of 32 bytes, for RedisTokenStore's encryptionKey. */
  encryptionKeyHex?: string;
  lockTtlMs?: number;
  /** `auth` of the client: one scheme's credential. */
  auth: Record<string, object>;
  concurrency: number;
  durationMs: number;
  /** Pause of each caller between two calls. */
  pauseMs: number;
}

export interface WorkerReport {
  type: 'report';
  calls: number;
  failures: number;
  /** The first few failure messages. */
  failureMessages: string[];
  storeErrors: Array<{ code: string; message: string }>;
  /** Milliseconds each call took, in completion order. */
  latenciesMs: number[];
}

/** Sent as soon as the first call has started (so a test can kill a process mid-renewal). */
export interface WorkerStarted {
  type: 'started';
}

/** Sent with each store error the client reports (so a test can tell every process saw an outage). */
export interface WorkerStoreError {
  type: 'store-error';
  code: string;
}

interface GeneratedModule {
  RedisTokenStore: new (redis: RedisClientLike, options?: RedisTokenStoreOptions) => TokenStore;
  [name: string]: unknown;
}

const CLIENT_CLASS = 'PetsOAuth20Client';
const RECONNECT_MS = 100;

async function connect(library: RedisLibrary, port: number): Promise<{ client: RedisClientLike; close: () => void }> {
  if (library === 'redis') {
    // disableOfflineQueue: while Redis is down commands fail at once instead of queueing.
    const client = createClient({ socket: { host: '127.0.0.1', port, reconnectStrategy: () => RECONNECT_MS }, disableOfflineQueue: true });
    client.on('error', () => undefined);
    await client.connect();
    return { client, close: () => void client.destroy() };
  }
  const client = new Redis(port, '127.0.0.1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => RECONNECT_MS });
  client.on('error', () => undefined);
  await client.connect();
  return { client, close: () => client.disconnect() };
}

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

/** Connects and builds the client; resolves the run itself. */
async function arm(mod: GeneratedModule, config: WorkerRun): Promise<() => Promise<WorkerReport>> {
  const redis = await connect(config.library, config.redisPort);
  const storeErrors: WorkerReport['storeErrors'] = [];
  const options: RedisTokenStoreOptions = { prefix: config.prefix };
  if (config.encryptionKeyHex !== undefined) options.encryptionKey = hexBytes(config.encryptionKeyHex);
  if (config.lockTtlMs !== undefined) options.lockTtlMs = config.lockTtlMs;
  const Client = mod[CLIENT_CLASS] as new (options: ClientOptions & { onStoreError?: (error: TokenStoreError) => void }) => PetsClient;
  const client = new Client({
    auth: config.auth,
    tokenStore: new mod.RedisTokenStore(redis.client, options),
    onStoreError: (error) => {
      storeErrors.push({ code: error.code, message: error.message });
      process.send?.({ type: 'store-error', code: error.code } satisfies WorkerStoreError);
    },
  });
  const report: WorkerReport = { type: 'report', calls: 0, failures: 0, failureMessages: [], storeErrors, latenciesMs: [] };
  return async () => {
    const end = Date.now() + config.durationMs;
    let started = false;
    // Every caller makes at least one call, however short the run; starts are spread over one pause
    // so the callers do not march in step.
    const caller = async (index: number) => {
      await new Promise((resolve) => setTimeout(resolve, index === 0 ? 0 : Math.random() * config.pauseMs));
      do {
        const callStarted = performance.now();
        const call = client.listPets();
        if (!started) {
          started = true;
          process.send?.({ type: 'started' } satisfies WorkerStarted);
        }
        try {
          await call;
        } catch (error) {
          report.failures++;
          if (report.failureMessages.length < 5) report.failureMessages.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
        }
        report.calls++;
        report.latenciesMs.push(Math.round(performance.now() - callStarted));
        await new Promise((resolve) => setTimeout(resolve, config.pauseMs));
      } while (Date.now() < end);
    };
    await Promise.all(Array.from({ length: config.concurrency }, (_, index) => caller(index)));
    redis.close();
    return report;
  };
}

/**
 * The worker's main: the bundle entry calls it with the generated client's index module. Protocol:
 * → `ready`; ← `run` (config) → connects and builds the client, → `armed`; ← `go` → runs, → `report`.
 */
export function runWorker(mod: GeneratedModule): void {
  process.once('message', (message: { type: 'run'; config: WorkerRun }) => {
    arm(mod, message.config).then(
      (start) => {
        process.once('message', () => {
          start().then(
            (report) => process.send?.(report, () => process.exit(0)),
            (error: unknown) => process.send?.({ type: 'crash', message: String(error) }, () => process.exit(1)),
          );
        });
        process.send?.({ type: 'armed' });
      },
      (error: unknown) => process.send?.({ type: 'crash', message: String(error) }, () => process.exit(1)),
    );
  });
  process.send?.({ type: 'ready' });
}
