/**
 * Requests to the authorization server: token and device endpoints (form POST) and metadata (GET).
 * Redirects are not followed (a token request must not carry its credentials elsewhere); 5xx
 * answers and network errors are retried a few times with backoff.
 */
import type { FetchLike } from '../client-core.js';
import { discardBody } from '../parse-response.js';
import { TokenError } from './token-error.js';

export interface OAuthHttp {
  readonly scheme: string;
  fetch(): FetchLike;
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const MAX_RETRIES = 2;
const BACKOFF_MS = 250;

type JsonObject = Record<string, unknown>;

interface Answer {
  status: number;
  json: JsonObject | undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readAnswer(response: Response): Promise<Answer> {
  let json: JsonObject | undefined;
  try {
    // Parsed whatever the Content-Type: some servers label JSON as text/plain.
    const parsed: unknown = JSON.parse(await response.text());
    if (isObject(parsed)) json = parsed;
  } catch {
    json = undefined;
  }
  return { status: response.status, json };
}

function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

/**
 * Sends until an answer that is not a 5xx (or retries run out). `retry: false` for requests that
 * must not be repeated, such as redeeming a single-use authorization code.
 */
async function send(http: OAuthHttp, url: URL, init: () => Promise<RequestInit>, what: string, retry: boolean): Promise<Answer> {
  const attempts = retry ? MAX_RETRIES + 1 : 1;
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    const request = await init();
    try {
      response = await http.fetch()(url.href, { ...request, redirect: 'manual' });
    } catch (error) {
      if (attempt < attempts) {
        await http.sleep(BACKOFF_MS * 2 ** (attempt - 1));
        continue;
      }
      throw new TokenError({ scheme: http.scheme, error: 'network_error', errorDescription: `the ${what} could not be reached`, cause: error });
    }
    if (isRedirect(response)) {
      await discardBody(response);
      throw new TokenError({ scheme: http.scheme, error: 'invalid_response', errorDescription: `the ${what} answered with a redirect, which is not followed`, status: response.status });
    }
    if (response.status >= 500 && attempt < attempts) {
      await discardBody(response);
      await http.sleep(BACKOFF_MS * 2 ** (attempt - 1));
      continue;
    }
    return readAnswer(response);
  }
}

/** The JSON object of a 2xx answer; an OAuth error answer (RFC 6749 §5.2) becomes its TokenError. */
function expectSuccess(http: OAuthHttp, answer: Answer, what: string): JsonObject {
  const { status, json } = answer;
  if (status >= 200 && status < 300) {
    // The body is not quoted: a malformed success may still hold a token.
    if (json === undefined) throw new TokenError({ scheme: http.scheme, error: 'invalid_response', errorDescription: `the ${what} did not answer with a JSON object`, status });
    return json;
  }
  if (json !== undefined && typeof json['error'] === 'string') {
    const description = typeof json['error_description'] === 'string' ? json['error_description'] : undefined;
    throw new TokenError({ scheme: http.scheme, error: json['error'], errorDescription: description, status });
  }
  throw new TokenError({ scheme: http.scheme, error: 'invalid_response', errorDescription: `the ${what} failed without an OAuth error`, status });
}

export interface FormRequest {
  form: URLSearchParams;
  headers: Headers;
}

/**
 * POSTs a form built afresh for every attempt: a client assertion's `jti` must not be replayed.
 */
export async function postForm(http: OAuthHttp, url: URL, build: () => Promise<FormRequest>, what: string, retry = true): Promise<JsonObject> {
  const init = async (): Promise<RequestInit> => {
    const { form, headers } = await build();
    headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
    headers.set('accept', 'application/json');
    return { method: 'POST', headers, body: form.toString() };
  };
  return expectSuccess(http, await send(http, url, init, what, retry), what);
}

export async function getJson(http: OAuthHttp, url: URL, what: string): Promise<JsonObject> {
  const init = (): Promise<RequestInit> => Promise.resolve({ method: 'GET', headers: { accept: 'application/json' } });
  return expectSuccess(http, await send(http, url, init, what, true), what);
}

export type { JsonObject };
