import type { AuthRequest, AuthStrategy } from '../auth-strategy.js';
import type { FetchLike } from '../client-core.js';
import { quoteScheme } from '../credential-checks.js';
import { isPemCertificates, isPemPrivateKey } from './pem.js';

/**
 * Mutual TLS: the client certificate is presented in the TLS handshake, which `fetch` has no
 * portable option for, so the application passes a `fetch` already configured with it:
 *
 * Node: Node's fetch accepts an `Agent` of the `undici` package as `dispatcher` (`Agent` from
 * "undici", `readFileSync` from "node:fs"):
 * ```ts
 * const tls = { cert: readFileSync('client.crt', 'utf8'), key: readFileSync('client.key', 'utf8'), ca: readFileSync('ca.crt', 'utf8') };
 * const dispatcher = new Agent({ connect: tls });
 * const client = new ApiClient({
 *   baseUrl: 'https://api.example.com',
 *   auth: { clientCert: { ...tls, fetch: (input, init) => fetch(input, { ...init, dispatcher } as RequestInit) } },
 * });
 * ```
 * Deno: `const httpClient = Deno.createHttpClient({ cert, key, caCerts: [ca] });` then
 * `fetch: (input, init) => fetch(input, { ...init, client: httpClient })`.
 * Browsers present a certificate from the user's own store and never hand the key to scripts, so
 * this credential (which needs the PEM key) is meant for server-side runtimes.
 *
 * Requests whose security uses this scheme go through that `fetch` instead of the client's.
 */
export interface MutualTlsCredentials {
  /** PEM client certificate (chain). */
  cert: string;
  /** PEM private key of the certificate. */
  key: string;
  /** PEM certificates to trust for the server, when it is not publicly trusted. */
  ca?: string;
  /** For an encrypted private key. */
  passphrase?: string;
  /** A fetch whose connections present `cert`/`key` (see above). */
  fetch: FetchLike;
}

/**
 * Checks the certificate and key at construction and routes requests through the TLS-configured
 * fetch. It keeps no copy of cert, key or passphrase: only that fetch can use them, and a key
 * the runtime does not hold cannot leak from it.
 */
export class MutualTlsAuth implements AuthStrategy {
  readonly scheme: string;
  readonly #fetch: FetchLike;

  constructor(scheme: string, credentials: MutualTlsCredentials) {
    const where = `security scheme ${quoteScheme(scheme)}`;
    if (typeof credentials !== 'object' || credentials === null) throw new TypeError(`${where} needs { cert, key, fetch }`);
    const { cert, key, ca, passphrase, fetch } = credentials;
    if (!isPemCertificates(cert)) throw new TypeError(`${where}: cert must be PEM text of a certificate (-----BEGIN CERTIFICATE-----)`);
    if (!isPemPrivateKey(key)) throw new TypeError(`${where}: key must be PEM text of one private key (-----BEGIN PRIVATE KEY-----)`);
    if (ca !== undefined && !isPemCertificates(ca)) throw new TypeError(`${where}: ca must be PEM text of one or more certificates`);
    if (passphrase !== undefined && typeof passphrase !== 'string') throw new TypeError(`${where}: passphrase must be a string`);
    if (typeof fetch !== 'function') throw new TypeError(`${where}: fetch must be a function configured with the client certificate`);
    this.scheme = scheme;
    this.#fetch = fetch;
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
