import type { FetchLike } from '../client-core.js';
import { fetchOrGlobal } from '../retry.js';
import type { FactoryContext } from '../strategy-factory.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from './bounded-body.js';
import { guardStore } from './store-guard.js';
import { option, type OptionKind } from './option-checks.js';
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
  /** Discovery documents by URL (fetched and checked by server-metadata.ts): made by discovery (metadata-endpoints.ts, lazy), when a scheme uses it. */
  metadata?: MetadataDocuments;
  now: () => number;
  /** The application's; absent, the lazy modules that wait (device polling, Retry-After) use setTimeout. */
  sleep: ((ms: number) => Promise<void>) | undefined;
  fetch: () => FetchLike;
  timeoutMs: number;
  maxResponseBytes: number;
}

// Read with the options' checker: a number is checked only when given, said as every option is
// (its name is the client option's own, so the message needs no more words).
const POSITIVE: OptionKind = [(value) => Number.isFinite(value) && (value as number) > 0, 'a finite number > 0'];

/**
 * What the token-managing schemes of the client `context` share: made (and its options checked) by
 * the first, from the client's config (`env`, an object the generated client makes): defaults for
 * what it does not give, a check of what it gives. One function, no separate maker: every OAuth
 * app links it (the call between two cost ~5 B gzip).
 */
export function sharedOAuth(context: FactoryContext): OAuthShared {
  const env = (context.env ?? {}) as Partial<AuthEnvironment>;
  // baseUrl, onTokens and sleep as given, by a spread (naming them cost every app ~15 B gzip): the
  // client's other options ride along unread, those the schemes read differently are set below, and
  // one not given is absent rather than undefined (read alike: hence the cast, which the context's
  // `unknown` slot needs too: the generic core names no OAuth type, so a client without OAuth copies none).
  return (context.shared.oauth2 ??= {
    ...env,
    allowInsecureHttp: env.allowInsecureHttp === true,
    store: guardStore(env.tokenStore, env.onStoreError),
    // Date.now looked up on each call: fake timers installed after the client is made (an app's tests) still count.
    now: env.now ?? (() => Date.now()),
    // Default 30 s; whole milliseconds, at most the longest a timer holds (AbortSignal.timeout fires
    // at once past 2^31 - 1, and throws for a fraction).
    timeoutMs: Math.min(Math.ceil((option(env, 'tokenTimeoutMs', POSITIVE, '') as number | undefined) ?? 30_000), 2 ** 31 - 1),
    maxResponseBytes: (option(env, 'tokenResponseMaxBytes', POSITIVE, '') as number | undefined) ?? DEFAULT_MAX_RESPONSE_BYTES,
    // Looked up per call, like clientCore does (with its check), so a fetch installed later is used.
    fetch: () => fetchOrGlobal(env.fetch),
  }) as OAuthShared;
}

/** The shared settings a client with config `env` makes (sharedOAuth, for one scheme alone). */
export function createOAuthShared(env?: Partial<AuthEnvironment>): OAuthShared {
  return sharedOAuth({ env, shared: {} });
}
