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

type JsonObject = Record<string, unknown>;

/**
 * Sends until a final answer (or retries run out). `retry: false` for requests that must not be
 * repeated, such as redeeming a single-use authorization code. The budget is real time, whatever
 * clock the client was given: it bounds sockets, not token lifetimes. Only a first attempt that
 * succeeds with a JSON object is read here; anything else (a form-encoded answer included) goes on
 * in oauth-http-failure.ts or, when that module cannot be loaded (a browser gone offline), ends in
 * a TokenError that says what is known without it: the status, never the server's text (nothing
 * to redact it with).
 */
export async function sendToServer(http: OAuthHttp, url: URL, outgoing: () => Promise<Outgoing>, what: string, retry: boolean): Promise<JsonObject> {
  const budget = new AbortController();
  const { signal } = budget;
  const timer = setTimeout(() => budget.abort(new Error(`${what} timeout`)), http.timeoutMs);
  const started = Date.now();
  try {
    const first = await outgoing();
    const outcome: FirstOutcome = {};
    try {
      // Raced as well as passed: a custom fetch may ignore the signal.
      const response = (outcome.response = await abortable(http.fetch()(url.href, { ...first.init, redirect: 'manual', signal }), signal));
      first.observe?.(response);
      if (response.status >= 200 && response.status < 300) {
        outcome.read = true;
        const text = (outcome.text = await abortable(readBoundedText(response, http.maxResponseBytes), signal));
        // JSON here; anything else (a form-encoded answer) is parsed by oauth-http-failure.ts.
        const json = (text && JSON.parse(text)) as JsonObject | undefined;
        if (json?.constructor === Object && typeof json['error'] !== 'string') return json;
      }
    } catch (error) {
      // Once the text is in, only its JSON.parse can throw: that is no error of the request.
      if (outcome.text === undefined) outcome.error = { error };
    }
    const failure = await loadOAuthHttpFailure().catch((error: unknown) => {
      const { response } = outcome;
      void response?.body?.cancel().catch(() => undefined);
      throw new TokenError({
        scheme: http.scheme,
        error: signal.aborted ? 'timeout' : response ? 'invalid_response' : 'network_error',
        errorDescription: `the ${what} failed (its details could not be loaded)`,
        status: response?.status,
        cause: response ? error : outcome.error?.error,
      });
    });
    return await failure.finishRequest(http, url, what, retry, outgoing, budget, started, first, outcome);
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
export function postForm(http: OAuthHttp, url: URL, build: () => Promise<FormRequest>, what: string, retry = true): Promise<JsonObject> {
  const outgoing = async (): Promise<Outgoing> => {
    const request = await build();
    const { headers } = request;
    headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
    headers.set('accept', 'application/json');
    return { ...request, init: { method: 'POST', headers, body: request.form.toString() } };
  };
  return sendToServer(http, url, outgoing, what, retry);
}

export type { JsonObject };
