/**
 * Hooks: what the caller may run around requests, and the Request a hook sees. The conversions
 * are loaded with before-send-steps.ts (lazy-core-modules.ts) by a client that has hooks; this module imports
 * no up-front code.
 */
import type { PreparedRequest } from './build-request.js';

export interface HookContext {
  /** The generated method's name. */
  operation: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
}

/**
 * Code of the caller's that runs around every request; each may be async, and one that throws
 * rejects the call with its error (not retried). Hooks never see a credential: they run before
 * authentication is applied, and the request handed to afterResponse is the one from before it.
 */
export interface Hooks {
  /**
   * Before credentials are applied, once per send (retries and 401 renewals included), so a
   * signature covers what it changed. Change `request.headers` in place or return a new Request.
   * A streamed body is not shown (it can be read once); a new Request's body replaces it.
   */
  beforeRequest?: ((request: Request, context: HookContext) => Request | void | Promise<Request | void>) | undefined;
  /** Every response, retried ones included. Leave the body alone (or read a `clone()`): the client reads it. */
  afterResponse?: ((response: Response, request: Request, context: HookContext) => void | Promise<void>) | undefined;
  /** Every rejection of a call, whatever its cause, before the caller sees it. */
  onError?: ((error: unknown, context: { operation: string }) => void | Promise<void>) | undefined;
}

/** The request as a hook sees it: no credentials yet; a streamed body left out. */
function toHookRequest(prepared: PreparedRequest): Request {
  const init: RequestInit = { method: prepared.method, headers: new Headers(prepared.headers) };
  if (prepared.body?.replayable === true) init.body = prepared.body.body;
  return new Request(prepared.url.href, init);
}

/**
 * The request the hook left, as the client sends it. A replayable body is taken back from the
 * Request as bytes (with the Content-Type the Request gave it), so what is signed is what is sent.
 */
async function fromHookRequest(prepared: PreparedRequest, shown: Request, returned: Request): Promise<PreparedRequest> {
  const headers = new Headers(returned.headers);
  const url = new URL(returned.url);
  const method = returned.method.toUpperCase();
  const keepStream = returned === shown && prepared.body !== undefined && !prepared.body.replayable;
  if (keepStream) return { ...prepared, url, method, headers };
  if (returned.body === null) return { method, url, headers, body: undefined };
  const bytes = new Uint8Array(await returned.arrayBuffer());
  const contentType = headers.get('content-type') ?? undefined;
  const next: PreparedRequest = { method, url, headers, body: { body: bytes, contentType, replayable: true } };
  if (prepared.formBody === undefined) return next;
  return { ...next, formBody: new TextDecoder().decode(bytes) };
}

/** What the hooks made of one send: the request to send, and the step that shows afterResponse the answer. */
export interface Hooked {
  request: PreparedRequest;
  /** Runs afterResponse (if any) with the send's final answer and the request as the hooks saw it (beforeRequest's returned one), without credentials. */
  after: (response: Response) => Promise<void>;
}

/** Runs beforeRequest (if any) on the request before authentication; what afterResponse will be shown. */
export async function beforeSend(hooks: Hooks, prepared: PreparedRequest, operation: string, attempt: number): Promise<Hooked> {
  const context: HookContext = { operation, attempt };
  const shown = toHookRequest(prepared);
  const returned = (await hooks.beforeRequest?.(shown, context)) ?? shown;
  if (!(returned instanceof Request)) throw new TypeError('hooks.beforeRequest must return a Request or nothing');
  return {
    request: hooks.beforeRequest === undefined ? prepared : await fromHookRequest(prepared, shown, returned),
    after: async (response) => void (await hooks.afterResponse?.(response, returned, context)),
  };
}
