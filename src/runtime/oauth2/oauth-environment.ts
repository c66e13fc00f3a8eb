import type { FetchLike } from '../client-core.js';
import type { FactoryContext } from '../strategy-factory.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from './bounded-body.js';
import { guardStore } from './store-guard.js';
import type { MetadataDocuments } from './server-metadata.js';
import type { RenewalStore } from './token-manager.js';
import type { AuthEnvironment, TokenSet } from './types.js';

/** What all token-managing schemes of one client share. */
export interface OAuthShared {
  baseUrl: string | undefined;
  allowInsecureHttp: boolean;
  /** An application's store, guarded; none: each strategy keeps its tokens in memory. */
  store: RenewalStore | PromiseLike<RenewalStore> | undefined;
  onTokens: ((event: { scheme: string; tokens: TokenSet }) => void | Promise<void>) | undefined;
  /** Discovery documents by URL (fetched and checked by server-metadata.ts, loaded with discovery). */
  metadata: MetadataDocuments;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  fetch: () => FetchLike;
  timeoutMs: number;
  maxResponseBytes: number;
}

const DEFAULT_TOKEN_TIMEOUT_MS = 30_000;

function positiveOption(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  // Number.isFinite is false for anything but a finite number.
  if (!Number.isFinite(value) || (value as number) <= 0) throw new TypeError(`the auth environment's ${name} must be a positive number`);
  return value as number;
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function createOAuthShared(env: AuthEnvironment | undefined): OAuthShared {
  if (env !== undefined && (typeof env !== 'object' || env === null)) throw new TypeError('the auth environment must be an object');
  return {
    baseUrl: env?.baseUrl,
    allowInsecureHttp: env?.allowInsecureHttp === true,
    store: guardStore(env?.tokenStore, env?.onStoreError),
    onTokens: env?.onTokens,
    metadata: new Map(),
    now: env?.now ?? (() => Date.now()),
    sleep: env?.sleep ?? defaultSleep,
    // Whole milliseconds a timer can hold: AbortSignal.timeout throws for a fraction and fires at once past 2^31 − 1.
    timeoutMs: Math.min(Math.ceil(positiveOption(env?.tokenTimeoutMs, 'tokenTimeoutMs', DEFAULT_TOKEN_TIMEOUT_MS)), 2 ** 31 - 1),
    maxResponseBytes: positiveOption(env?.tokenResponseMaxBytes, 'tokenResponseMaxBytes', DEFAULT_MAX_RESPONSE_BYTES),
    // Looked up per call, like ClientCore does, so a fetch installed later is used.
    fetch: () => {
      const fetchImpl = env?.fetch ?? globalThis.fetch;
      if (typeof fetchImpl !== 'function') throw new TypeError('no fetch available: pass `fetch` in the client config');
      return fetchImpl;
    },
  };
}

/** What the token-managing schemes of the client `context` builds for share: made (and its options checked) by the first. */
export function sharedOAuth(context: FactoryContext): OAuthShared {
  return context.shared('oauth2', () => createOAuthShared(context.env as AuthEnvironment | undefined));
}
