/**
 * Three steps few calls take before they send, in one chunk (one loader, one chunk name in every
 * app's download instead of three): what hooks see (a client with hooks), an Idempotency-Key, and
 * the bare request a challenge-response scheme probes with. Loaded with import()
 * (lazy-core-modules.ts); imports no up-front module.
 */
import { bareRequest } from './bare-request.js';
import type { PreparedRequest } from './build-request.js';
import type { RequestRedirect } from './fetch-types.js';

export { bareRequest };
export { beforeSend } from './hooks.js';
export { idempotencyKeyFor, withIdempotencyKey } from './idempotency-key.js';

/**
 * A challenge-response scheme's probe: the bare request, sent by the core's `send` with the
 * attempt's transport, its redirects not followed and the strategies not told it is done.
 */
export function probe(request: PreparedRequest, send: (request: PreparedRequest, withCredentials: boolean, redirect: RequestRedirect, settles: boolean) => Promise<Response>): Promise<Response> {
  return send(bareRequest(request), true, 'manual', false);
}
