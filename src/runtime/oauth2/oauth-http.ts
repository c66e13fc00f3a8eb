/**
 * Requests to the authorization server: token and device endpoints (form POST) and metadata (GET).
 * Redirects are not followed (a token request must not carry its credentials elsewhere); 5xx and
 * 429 answers and network errors are retried a few times with backoff (or the server's
 * Retry-After, when it fits). Everything, retries and waits included, ends within one time budget,
 * and no answer is read past a size limit.
 */
import { abortable } from '../abortable.js';
import type { FetchLike } from '../client-core.js';
import { discardBody } from '../parse-response.js';
import { readBoundedText } from './bounded-body.js';
import { retryAfterMs } from './retry-after.js';
import { requestSecrets, type SecretSet } from './secret-redaction.js';
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
  readonly secrets: SecretSet;
}

export const MAX_RETRIES = 2;
const BACKOFF_MS = 250;
/** The longest Retry-After honoured; a server asking for more gets its error now. */
export const MAX_RETRY_AFTER_MS = 10_000;

type JsonObject = Record<string, unknown>;

interface Answer {
  status: number;
  json: JsonObject | undefined;
  /** Removes the secrets this request carried (and the scheme's) from server text. */
  redact: (text: string) => string;
  /** What Retry-After asked for, when it was too long to wait. */
  retryAfterMs?: number | undefined;
}

interface Outgoing {
  init: RequestInit;
  secrets: readonly string[];
  /** Sees every answer's headers before it is judged (a DPoP nonce comes with errors and successes alike). */
  observe?: ((response: Response) => void) | undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFormEncoded(response: Response): boolean {
  return response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/** JSON whatever the Content-Type (some servers label it text/plain); a form when labelled so (GitHub). */
function parseAnswer(text: string, response: Response): JsonObject | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (isObject(parsed)) return parsed;
  } catch {
    // Not JSON: perhaps a form.
  }
  if (!isFormEncoded(response)) return undefined;
  const form = new URLSearchParams(text);
  return form.size === 0 ? undefined : Object.fromEntries(form);
}

function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

function timedOut(http: OAuthHttp, what: string, cause: unknown): TokenError {
  return new TokenError({ scheme: http.scheme, error: 'timeout', errorDescription: `the ${what} did not answer within ${http.timeoutMs} ms (tokenTimeoutMs)`, cause });
}

/** How long to wait before the next attempt; undefined when this answer is final. */
function retryDelay(response: Response, attempt: number): number | undefined {
  const { status } = response;
  if (status < 500 && status !== 429) return undefined;
  const asked = status === 429 || status === 503 ? retryAfterMs(response, Date.now()) : undefined;
  return asked ?? BACKOFF_MS * 2 ** (attempt - 1);
}

/**
 * Sends until a final answer (or retries run out). `retry: false` for requests that must not be
 * repeated, such as redeeming a single-use authorization code. The budget is real time, whatever
 * clock the client was given: it bounds sockets, not token lifetimes.
 */
async function send(http: OAuthHttp, url: URL, outgoing: () => Promise<Outgoing>, what: string, retry: boolean): Promise<Answer> {
  const attempts = retry ? MAX_RETRIES + 1 : 1;
  const budget = new AbortController();
  const timer = setTimeout(() => budget.abort(new Error(`${what} timeout`)), http.timeoutMs);
  const started = Date.now();
  const left = (): number => http.timeoutMs - (Date.now() - started);
  try {
    for (let attempt = 1; ; attempt++) {
      const { init, secrets, observe } = await outgoing();
      const redact = http.secrets.redactor(secrets);
      let response: Response;
      try {
        // Raced as well as passed: a custom fetch may ignore the signal.
        response = await abortable(http.fetch()(url.href, { ...init, redirect: 'manual', signal: budget.signal }), budget.signal);
      } catch (error) {
        if (budget.signal.aborted) throw timedOut(http, what, error);
        const delay = BACKOFF_MS * 2 ** (attempt - 1);
        if (attempt < attempts && delay < left()) {
          await http.sleep(delay);
          continue;
        }
        throw new TokenError({ scheme: http.scheme, error: 'network_error', errorDescription: `the ${what} could not be reached`, cause: error });
      }
      observe?.(response);
      if (isRedirect(response)) {
        await discardBody(response);
        throw new TokenError({ scheme: http.scheme, error: 'invalid_response', errorDescription: `the ${what} answered with a redirect, which is not followed`, status: response.status });
      }
      const delay = retryDelay(response, attempt);
      const fits = delay !== undefined && delay <= MAX_RETRY_AFTER_MS && delay < left();
      if (delay !== undefined && fits && attempt < attempts) {
        await discardBody(response);
        await http.sleep(delay);
        continue;
      }
      let text: string | undefined;
      try {
        text = await abortable(readBoundedText(response, http.maxResponseBytes), budget.signal);
      } catch (error) {
        if (budget.signal.aborted) throw timedOut(http, what, error);
        throw new TokenError({ scheme: http.scheme, error: 'network_error', errorDescription: `the ${what}'s answer broke off`, status: response.status, cause: error });
      }
      if (text === undefined) {
        throw new TokenError({ scheme: http.scheme, error: 'invalid_response', errorDescription: `the ${what}'s answer is larger than ${http.maxResponseBytes} bytes (tokenResponseMaxBytes)`, status: response.status });
      }
      return { status: response.status, json: parseAnswer(text, response), redact, retryAfterMs: fits ? undefined : delay };
    }
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The JSON object of a 2xx answer. An OAuth error answer (RFC 6749 §5.2) becomes its TokenError,
 * also when it comes with 200 (GitHub does that).
 */
function expectSuccess(http: OAuthHttp, answer: Answer, what: string): JsonObject {
  const { status, json, redact } = answer;
  if (json !== undefined && typeof json['error'] === 'string') {
    const description = typeof json['error_description'] === 'string' ? json['error_description'] : undefined;
    throw new TokenError({ scheme: http.scheme, error: json['error'], errorDescription: description, status, redact, retryAfterMs: answer.retryAfterMs });
  }
  if (status >= 200 && status < 300) {
    // The body is not quoted: a malformed success may still hold a token.
    if (json === undefined) throw new TokenError({ scheme: http.scheme, error: 'invalid_response', errorDescription: `the ${what} did not answer with a JSON object`, status });
    return json;
  }
  throw new TokenError({ scheme: http.scheme, error: 'invalid_response', errorDescription: `the ${what} failed without an OAuth error`, status, retryAfterMs: answer.retryAfterMs });
}

export interface FormRequest {
  form: URLSearchParams;
  headers: Headers;
  observe?: ((response: Response) => void) | undefined;
}

/**
 * POSTs a form built afresh for every attempt: a client assertion's `jti` must not be replayed.
 */
export async function postForm(http: OAuthHttp, url: URL, build: () => Promise<FormRequest>, what: string, retry = true): Promise<JsonObject> {
  const outgoing = async (): Promise<Outgoing> => {
    const { form, headers, observe } = await build();
    headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
    headers.set('accept', 'application/json');
    return { init: { method: 'POST', headers, body: form.toString() }, secrets: requestSecrets(form, headers), observe };
  };
  return expectSuccess(http, await send(http, url, outgoing, what, retry), what);
}

export async function getJson(http: OAuthHttp, url: URL, what: string): Promise<JsonObject> {
  const outgoing = (): Promise<Outgoing> => Promise.resolve({ init: { method: 'GET', headers: { accept: 'application/json' } }, secrets: [] });
  return expectSuccess(http, await send(http, url, outgoing, what, true), what);
}

export type { JsonObject };
