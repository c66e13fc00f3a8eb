/**
 * The types of a request to an authorization server: token and device endpoints (form POST) and
 * metadata (GET). The request itself is token-endpoint.ts (`sendToServer`, `requestTokens`); what
 * it does once an attempt goes wrong is oauth-http-failure.ts, loaded with import() then.
 */
import type { FetchLike } from '../client-core.js';
import type { ClientAuthenticator } from './client-auth.js';
import type { SecretSources } from './secret-sources.js';

export interface OAuthHttp {
  readonly scheme: string;
  fetch(): FetchLike;
  now(): number;
  /** The application's (tests'); absent, each waiting module (lazy) waits with its own setTimeout, so the entry carries no default. */
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
  /** The whole budget of one request, retries and waits included (`tokenTimeoutMs`). */
  readonly timeoutMs: number;
  /** The largest answer read (`tokenResponseMaxBytes`). */
  readonly maxResponseBytes: number;
  /** The scheme's secrets, kept out of every error built from what a server wrote. */
  readonly secrets: SecretSources;
}

export type JsonObject = Record<string, unknown>;

/**
 * One attempt's request, built afresh for every attempt (a client assertion's `jti` must not be
 * replayed). A form POST's headers and form (its body) are where the secrets an error must not
 * show are read from: the form fields and the Authorization value.
 */
export interface Outgoing {
  init: RequestInit;
  /** The authenticating client, for the hint on an `invalid_client` answer. */
  client?: Pick<ClientAuthenticator, 'basicEncoding'> | undefined;
}

/** A form POST's attempt. */
export interface FormRequest extends Outgoing {
  init: RequestInit & { headers: Headers; body: URLSearchParams };
}
