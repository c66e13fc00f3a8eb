import type { PreparedRequest } from './build-request.js';
import type { AttemptOptions } from './call-state.js';
import type { CoreConfig, FetchLike, FetchOptions } from './client-core.js';
import type { RequestRedirect } from './fetch-types.js';
import type { OperationSpec } from './operation.js';
import { ApiConnectionError } from './transport-errors.js';

const RESERVED_FETCH_OPTIONS = /^(method|headers|body|signal|redirect|duplex)$/;

// Node's fetch needs `duplex` to send a stream; lib.dom does not know the option yet.
type FetchInit = RequestInit & { duplex?: 'half' };

/**
 * The only place fetch is called. A failure without an answer becomes an ApiConnectionError; an
 * abort stays the abort. `transport`: the fetch of a strategy that authenticates in the TLS
 * handshake (mutual TLS), else the client's, else the global one (looked up on every request).
 */
export async function sendFetch(
  config: CoreConfig,
  op: OperationSpec,
  request: PreparedRequest,
  options: AttemptOptions,
  transport: FetchLike | undefined,
  redirect: RequestRedirect,
): Promise<Response> {
  const body = request.body;
  const init: FetchInit = config.fetchOptions === undefined && options.fetchOptions === undefined ? {} : passThrough(config.fetchOptions, options.fetchOptions);
  init.method = request.method;
  init.headers = request.headers;
  init.redirect = redirect;
  if (body !== undefined) {
    init.body = body.body;
    if (!body.replayable) {
      init.duplex = 'half';
      options.state.replayable = false;
    }
  }
  if (options.signal !== undefined) init.signal = options.signal;
  // Called as a plain function: browsers throw "Illegal invocation" if fetch's `this` is our config.
  const fetchImpl = transport ?? config.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new TypeError('no fetch available: pass `fetch` in the client config');
  options.state.url = request.url;
  try {
    return await fetchImpl(request.url.href, init);
  } catch (error) {
    if (options.signal?.aborted) throw error; // the caller's abort or our timeout: told apart by the retry loop
    // fetch reports a network error as a TypeError; anything else is a custom fetch's own and passes unchanged.
    if (!(error instanceof TypeError)) throw error;
    throw new ApiConnectionError({ operation: op.id, method: request.method, url: request.url, cause: error });
  }
}

/** The caller's fetch options, client's first, without the ones the client owns. */
function passThrough(...layers: ReadonlyArray<FetchOptions | undefined>): FetchInit {
  const init: Record<string, unknown> = {};
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer ?? {})) if (!RESERVED_FETCH_OPTIONS.test(name)) init[name] = value;
  }
  return init as FetchInit;
}
