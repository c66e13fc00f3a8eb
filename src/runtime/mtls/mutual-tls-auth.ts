import type { AuthRequest, AuthStrategy } from '../auth-strategy.js';
import type { FetchLike } from '../client-core.js';
import { quoteScheme } from '../credential-checks.js';
import { requireTlsFetch } from './tls-fetch.js';

/**
 * Mutual TLS: the client certificate is presented in the TLS handshake, which `fetch` has no
 * portable option for, so the application passes a `fetch` already configured with it; the
 * certificate and key go there, not into the credential (the runtime could not use them, and
 * holding a key it cannot use would only be one more place for it to leak from).
 *
 * Node: Node's fetch accepts an `Agent` of the `undici` package as `dispatcher`. On Node 20 use
 * undici 6 or 7 (undici 8 needs Node ≥ 22.19):
 * ```ts
 * // Agent: from the undici package
 * const dispatcher = new Agent({ connect: { cert: readFileSync('client.crt', 'utf8'), key: readFileSync('client.key', 'utf8'), ca: readFileSync('ca.crt', 'utf8') } });
 * const client = new ApiClient({
 *   baseUrl: 'https://api.example.com',
 *   auth: { clientCert: { fetch: (input, init) => fetch(input, { ...init, dispatcher } as RequestInit) } },
 * });
 * ```
 * Deno: `const httpClient = Deno.createHttpClient({ cert, key, caCerts: [ca] });` then
 * `fetch: (input, init) => fetch(input, { ...init, client: httpClient })`.
 * Browsers present a certificate from the user's own store and never hand the key to scripts:
 * this credential is meant for server-side runtimes.
 *
 * Requests whose security uses this scheme go through that `fetch` instead of the client's.
 */
export interface MutualTlsCredentials {
  /** A fetch whose connections present the client certificate (see above). */
  fetch: FetchLike;
}

/** Routes requests through the TLS-configured fetch, and only over https. */
export class MutualTlsAuth implements AuthStrategy {
  readonly scheme: string;
  readonly #fetch: FetchLike;

  constructor(scheme: string, credentials: MutualTlsCredentials) {
    this.scheme = scheme;
    this.#fetch = requireTlsFetch(credentials, `security scheme ${quoteScheme(scheme)}`);
  }
  /** The fetch the client core sends these requests through (an accessor: kept off inspect output). */
  get transport(): FetchLike {
    return this.#fetch;
  }

  apply(request: AuthRequest): void {
    // Over plain HTTP there is no handshake to present the certificate in: fail loudly rather
    // than send the request unauthenticated.
    if (request.url.protocol !== 'https:') {
      throw new TypeError(`security scheme ${quoteScheme(this.scheme)} (mutual TLS) needs an https URL`);
    }
  }
}
