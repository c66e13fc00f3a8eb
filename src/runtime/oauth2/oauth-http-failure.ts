/**
 * The rest of an authorization-server request once its first attempt did not simply succeed: a
 * network error, a timeout, a redirect, a 5xx or 429 to retry (with the server's Retry-After when it
 * fits), an answer too large, an OAuth error answer, a success without a usable token. It turns what happened into a TokenError with
 * the secrets the request carried redacted from whatever the server wrote. Loaded with import() by
 * token-endpoint.ts the first time a request goes wrong (lazy-modules.ts), so an app whose token
 * requests succeed never downloads it.
 */
import type { JsonObject, OAuthHttp, Outgoing } from './oauth-http.js';
import { abortable$ as abortable, discardBody$ as discardBody, readBoundedText$ as readBoundedText, tokenError, TokenError$ as TokenError } from './lazy-module-imports.js';
import { retryAfterMs } from './retry-after.js';
import { redactorFor, tokenTypeRefusal } from './secret-redaction.js';

const BACKOFF_MS = 250;
const MAX_RETRIES = 2;
/** The longest Retry-After honoured; a server asking for more gets its error now. */
export const MAX_RETRY_AFTER_MS = 10_000;

/** The wait before a retry when the application gives no `sleep` (oauth-environment.ts leaves the default to the modules that wait).; its own copy, as the other lazy module that waits has: a module both imported would be a chunk of its own, one more request for either. */
const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** JSON whatever the Content-Type (some servers label it text/plain); a form when labelled so (GitHub). */
function parseAnswer(text: string, response: Response): JsonObject | undefined {
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

/** How one attempt ended. */
type Outcome = { kind: 'thrown'; error: unknown } | { kind: 'response'; response: Response } | { kind: 'read'; response: Response; text: string | undefined; readError?: { error: unknown } | undefined };

/** The request in flight: its time budget (the signal token-endpoint.ts started) and how to build each attempt. */
export interface Flight {
  http: OAuthHttp;
  url: URL;
  what: string;
  retry: boolean;
  outgoing: () => Promise<Outgoing>;
  budget: AbortSignal;
  started: number;
  /** The first attempt's request. */
  first: Outgoing;
}

interface Answer {
  status: number;
  json: JsonObject | undefined;
  redact: (text: string) => string;
  retryAfterMs?: number | undefined;
}

function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

function timedOut(http: OAuthHttp, what: string, cause: unknown): TokenError {
  return tokenError(http.scheme, 'timeout', `the ${what} did not answer within ${http.timeoutMs} ms (tokenTimeoutMs)`, undefined, cause);
}

/** How long to wait before the next attempt; undefined when this answer is final. */
function retryDelay(response: Response, attempt: number): number | undefined {
  const { status } = response;
  if (status < 500 && status !== 429) return undefined;
  const asked = status === 429 || status === 503 ? retryAfterMs(response, Date.now()) : undefined;
  return asked ?? BACKOFF_MS * 2 ** (attempt - 1);
}

/**
 * Goes on from the first attempt as sendToServer (token-endpoint.ts) left it: without a response,
 * fetch threw (`failed`); with a 2xx one it read its `text` (undefined when too large), or `failed`
 * when the read broke off; any other response is unread. Sends until a final answer (or retries
 * run out), then the JSON object of a 2xx answer or the TokenError of any other.
 */
export async function finishRequest(
  http: OAuthHttp,
  url: URL,
  what: string,
  retry: boolean,
  outgoing: () => Promise<Outgoing>,
  budget: AbortSignal,
  started: number,
  sent: Outgoing,
  response: Response | undefined,
  text: string | undefined,
  failed: { error: unknown } | undefined,
): Promise<JsonObject> {
  const first: Outcome = !response ? { kind: 'thrown', error: failed?.error } : response.ok ? { kind: 'read', response, text, readError: failed } : { kind: 'response', response };
  const flight: Flight = { http, url, what, retry, outgoing, budget, started, first: sent };
  return expectSuccess(http, await settle(flight, first), what, sent);
}

/** An endpoint a request needs that neither the spec nor the server metadata names (token-endpoint.ts looked). */
export function noEndpoint(http: OAuthHttp, what: string): never {
  throw tokenError(http.scheme, 'invalid_response', `neither the spec nor the server metadata names the ${what}`);
}

/**
 * A token response without a token this client can use (token-endpoint.ts checked): no
 * access_token, or a token_type other than Bearer (or DPoP, when the client asked for it), quoted
 * redacted.
 */
export function tokenSetError(json: JsonObject, http: OAuthHttp, dpop: boolean): TokenError {
  const { access_token: accessToken, token_type: issued } = json;
  if (typeof accessToken !== 'string' || accessToken === '') return tokenError(http.scheme, 'invalid_response', 'the token response has no access_token');
  return tokenError(http.scheme, 'unsupported_token_type', tokenTypeRefusal(http.secrets)(String(issued), dpop));
}

async function settle(flight: Flight, first: Outcome): Promise<Answer> {
  const { http, url, what, budget } = flight;
  const attempts = flight.retry ? MAX_RETRIES + 1 : 1;
  const left = (): number => http.timeoutMs - (Date.now() - flight.started);
  for (let attempt = 1; ; attempt++) {
    const sent = attempt === 1 ? flight.first : await flight.outgoing();
    let outcome: Outcome;
    if (attempt === 1) outcome = first;
    else {
      try {
        // Raced as well as passed: a custom fetch may ignore the signal.
        const response = await abortable(http.fetch()(url.href, { ...sent.init, redirect: 'manual', signal: budget }), budget);
        outcome = { kind: 'response', response };
      } catch (error) {
        outcome = { kind: 'thrown', error };
      }
    }
    if (outcome.kind === 'thrown') {
      const { error } = outcome;
      if (budget.aborted) throw timedOut(http, what, error);
      const delay = BACKOFF_MS * 2 ** (attempt - 1);
      if (attempt < attempts && delay < left()) {
        await (http.sleep ?? wait)(delay);
        continue;
      }
      throw tokenError(http.scheme, 'network_error', `the ${what} could not be reached`, undefined, error);
    }
    const { response } = outcome;
    let delay: number | undefined;
    let fits = false;
    if (outcome.kind === 'response') {
      if (isRedirect(response)) {
        await discardBody(response);
        throw tokenError(http.scheme, 'invalid_response', `the ${what} answered with a redirect, which is not followed`, response.status);
      }
      delay = retryDelay(response, attempt);
      fits = delay !== undefined && delay <= MAX_RETRY_AFTER_MS && delay < left();
      if (delay !== undefined && fits && attempt < attempts) {
        await discardBody(response);
        await (http.sleep ?? wait)(delay);
        continue;
      }
    }
    let text: string | undefined;
    if (outcome.kind === 'read') {
      if (outcome.readError !== undefined) throw brokenOff(flight, response, outcome.readError.error);
      text = outcome.text;
    } else {
      try {
        text = await abortable(readBoundedText(response, http.maxResponseBytes), budget);
      } catch (error) {
        throw brokenOff(flight, response, error);
      }
    }
    if (text === undefined) {
      throw tokenError(http.scheme, 'invalid_response', `the ${what}'s answer is larger than ${http.maxResponseBytes} bytes (tokenResponseMaxBytes)`, response.status);
    }
    // Only the attempt that answers needs its secrets redacted from what the server wrote.
    const { body, headers } = sent.init;
    const redact = redactorFor(http.secrets, body instanceof URLSearchParams && headers instanceof Headers ? requestSecrets(body, headers) : []);
    return { status: response.status, json: parseAnswer(text, response), redact, retryAfterMs: fits ? undefined : delay };
  }
}

function brokenOff(flight: Flight, response: Response, error: unknown): TokenError {
  const { http, what } = flight;
  if (flight.budget.aborted) return timedOut(http, what, error);
  return tokenError(http.scheme, 'network_error', `the ${what}'s answer broke off`, response.status, error);
}

/**
 * The JSON object of a 2xx answer. An OAuth error answer (RFC 6749 §5.2) becomes its TokenError,
 * also when it comes with 200 (GitHub does that).
 */
function expectSuccess(http: OAuthHttp, answer: Answer, what: string, sent: Outgoing): JsonObject {
  const { status, json, redact } = answer;
  if (json !== undefined && typeof json['error'] === 'string') {
    const description = typeof json['error_description'] === 'string' ? json['error_description'] : undefined;
    const hint = json['error'] === 'invalid_client' ? invalidClientHint(sent.client?.basicEncoding, sent.init.headers instanceof Headers ? sent.init.headers : undefined) : undefined;
    throw answerError({ scheme: http.scheme, error: tidy(json['error'], redact), errorDescription: description === undefined ? undefined : tidy(description, redact), status, retryAfterMs: answer.retryAfterMs, hint });
  }
  if (status >= 200 && status < 300) {
    // The body is not quoted: a malformed success may still hold a token.
    if (json === undefined) throw tokenError(http.scheme, 'invalid_response', `the ${what} did not answer with a JSON object`, status);
    return json;
  }
  throw answerError({ scheme: http.scheme, error: 'invalid_response', errorDescription: `the ${what} failed without an OAuth error`, status, retryAfterMs: answer.retryAfterMs });
}

/** What an error answer's TokenError is made of. */
interface AnswerError {
  scheme: string;
  error: string;
  errorDescription?: string | undefined;
  status: number;
  hint?: string | undefined;
  retryAfterMs?: number | undefined;
}

/** The TokenError of an error answer: its message says how long the server asked to wait, and the hint. */
function answerError({ scheme, error, errorDescription, status, retryAfterMs, hint }: AnswerError): TokenError {
  const more = `${retryAfterMs === undefined ? '' : ` (the server asked to retry after ${Math.ceil(retryAfterMs / 1000)} s)`}${hint === undefined ? '' : ` (${hint})`}`;
  return Object.assign(tokenError(scheme, error, errorDescription, status, undefined, more), { hint, retryAfterMs });
}

// What the server wrote goes into a TokenError short, on one line (it cannot forge log lines) and
// redacted before the cut, so a secret straddling the cut cannot survive in part.
function tidy(text: string, redact: (text: string) => string): string {
  const oneLine = redact(text.replace(/[\0-\x1F\x7F]+/g, ' ').trim());
  return oneLine.length > 300 ? `${oneLine.slice(0, 300)}…` : oneLine;
}

/** The secret values a token-endpoint request carries: secret form fields and the Authorization value. */
const SECRET_FIELDS = ['client_secret', 'password', 'refresh_token', 'code', 'code_verifier', 'device_code', 'client_assertion', 'assertion', 'subject_token', 'actor_token'];

export function requestSecrets(form: URLSearchParams, headers: Headers): string[] {
  const secrets = SECRET_FIELDS.flatMap((name) => form.getAll(name));
  const authorization = headers.get('authorization');
  if (authorization !== null) {
    const value = authorization.replace(/^\S+\s+/, '');
    secrets.push(authorization, value);
    const decoded = decodeBasic(value);
    const colon = decoded?.indexOf(':') ?? -1;
    if (decoded !== undefined && colon >= 0) secrets.push(decoded, decoded.slice(colon + 1), formDecode(decoded.slice(colon + 1)));
  }
  return secrets;
}

function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function decodeBasic(value: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(value), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/**
 * Said on `invalid_client` from a Basic-authenticated request whose id or secret the encoding
 * changes: servers disagree on decoding, so the other encoding may be what this one expects.
 */
export function invalidClientHint(encoding: 'form' | 'raw' | undefined, headers: Headers | undefined): string | undefined {
  // The id and secret as they went out (form-encoded, or raw): form encoding changes a value
  // unless it is all of A-Z a-z 0-9 * - . _, and what it produces holds a % or + where it did.
  const sent = decodeBasic(headers?.get('authorization')?.replace(/^\S+\s+/, '') ?? '');
  if (encoding === undefined || sent === undefined || !/[^\w*.-]/.test(sent.replace(':', ''))) return undefined;
  return encoding === 'form'
    ? "the client id or secret has characters that RFC 6749 form-encoding changes before HTTP Basic; if this server does not decode them, set clientSecretEncoding: 'raw' or clientAuthMethod: 'client_secret_post'"
    : "the client id or secret went into HTTP Basic unencoded (clientSecretEncoding: 'raw'); a server that follows RFC 6749 §2.3.1 needs clientSecretEncoding: 'form' or clientAuthMethod: 'client_secret_post'";
}
