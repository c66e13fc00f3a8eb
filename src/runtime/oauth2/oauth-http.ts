/**
 * Requests to the authorization server: token and device endpoints (form POST) and metadata (GET,
 * server-metadata.ts).
 * Redirects are not followed (a token request must not carry its credentials elsewhere); 5xx and
 * 429 answers and network errors are retried a few times with backoff (or the server's
 * Retry-After, when it fits). Everything, retries and waits included, ends within one time budget,
 * and no answer is read past a size limit. Only a first attempt that succeeds is read here: anything
 * else (retries, redirects, errors and their redaction) goes on in oauth-http-failure.ts, loaded
 * with import() when it happens.
 */
import { abortable } from '../abortable.js';
import type { FetchLike } from '../client-core.js';
import { readBoundedText } from './bounded-body.js';
import { loadOAuthHttpFailure } from './lazy-modules.js';
import type { FirstOutcome, Outgoing } from './oauth-http-failure.js';
import type { ClientAuthenticator } from './client-auth.js';
import type { SecretSources } from './secret-sources.js';
import { TokenError } from './token-error.js';

export interface OAuthHttp {
  readonly scheme: string;
  fetch(): FetchLike;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** The whole budget of one request, retries and waits included (`tokenTimeoutMs`). */
  readonly timeoutMs: number;
  /** The largest answer read (`tokenResponseMaxBytes`). */
  readonly maxResponseBytes: number;
  /** The scheme's secrets, kept out of every error built from what a server wrote. */
  readonly secrets: SecretSources;
}

export const MAX_RETRIES = 2;
/** The longest Retry-After honoured; a server asking for more gets its error now. */
export const MAX_RETRY_AFTER_MS = 10_000;

type JsonObject = Record<string, unknown>;

/** JSON whatever the Content-Type (some servers label it text/plain); a form when labelled so (GitHub). */
export function parseAnswer(text: string, response: Response): JsonObject | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as JsonObject;
  } catch {
    // Not JSON: perhaps a form.
  }
  if (response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() !== 'application/x-www-form-urlencoded') return undefined;
  const form = new URLSearchParams(text);
  return form.size === 0 ? undefined : Object.fromEntries(form);
}

/**
 * Sends until a final answer (or retries run out). `retry: false` for requests that must not be
 * repeated, such as redeeming a single-use authorization code. The budget is real time, whatever
 * clock the client was given: it bounds sockets, not token lifetimes. Only a first attempt that
 * succeeds is read here; anything else goes on in oauth-http-failure.ts or, when that module cannot
 * be loaded (a browser gone offline), ends in a TokenError that says what is known without it: the
 * status, never the server's text (nothing to redact it with).
 */
export async function sendToServer(http: OAuthHttp, url: URL, outgoing: () => Promise<Outgoing>, what: string, retry: boolean): Promise<JsonObject> {
  const budget = new AbortController();
  const { signal } = budget;
  const timer = setTimeout(() => budget.abort(new Error(`${what} timeout`)), http.timeoutMs);
  const started = Date.now();
  try {
    const first = await outgoing();
    let outcome: FirstOutcome;
    try {
      // Raced as well as passed: a custom fetch may ignore the signal.
      const response = await abortable(http.fetch()(url.href, { ...first.init, redirect: 'manual', signal }), signal);
      first.observe?.(response);
      outcome = { kind: 'response', response };
      if (response.status >= 200 && response.status < 300) {
        try {
          const text = await abortable(readBoundedText(response, http.maxResponseBytes), signal);
          const json = text === undefined ? undefined : parseAnswer(text, response);
          if (json !== undefined && typeof json['error'] !== 'string') return json;
          outcome = { kind: 'read', response, text };
        } catch (error) {
          outcome = { kind: 'read', response, readError: { error } };
        }
      }
    } catch (error) {
      outcome = { kind: 'thrown', error };
    }
    let failure: typeof import('./oauth-http-failure.js');
    try {
      failure = await loadOAuthHttpFailure();
    } catch (error) {
      const response = outcome.kind === 'thrown' ? undefined : outcome.response;
      void response?.body?.cancel().catch(() => undefined);
      throw new TokenError({
        scheme: http.scheme,
        error: signal.aborted ? 'timeout' : response === undefined ? 'network_error' : 'invalid_response',
        errorDescription: `the ${what} failed (its details could not be loaded)`,
        status: response?.status,
        cause: outcome.kind === 'thrown' ? outcome.error : error,
      });
    }
    return await failure.finishRequest({ http, url, what, retry, outgoing, budget, started, first }, outcome);
  } finally {
    clearTimeout(timer);
  }
}

export interface FormRequest {
  form: URLSearchParams;
  headers: Headers;
  observe?: ((response: Response) => void) | undefined;
  /** The authenticating client, for the hint on an `invalid_client` answer. */
  client?: Pick<ClientAuthenticator, 'basicEncoding'> | undefined;
}

/**
 * POSTs a form built afresh for every attempt: a client assertion's `jti` must not be replayed.
 */
export async function postForm(http: OAuthHttp, url: URL, build: () => Promise<FormRequest>, what: string, retry = true): Promise<JsonObject> {
  const outgoing = async (): Promise<Outgoing> => {
    const request = await build();
    request.headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
    request.headers.set('accept', 'application/json');
    return { ...request, init: { method: 'POST', headers: request.headers, body: request.form.toString() } };
  };
  return sendToServer(http, url, outgoing, what, retry);
}

export type { JsonObject };
