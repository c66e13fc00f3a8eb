/** The `{ fetch }` shape TLS client certificates come in: the certificate lives in the fetch. */
import type { FetchLike } from '../client-core.js';

// Earlier versions took these beside `fetch` and only shape-checked them; they never reached it.
const TLS_FIELDS = ['cert', 'key', 'ca', 'passphrase'];

/**
 * The fetch of a `{ fetch }` TLS credential (a mutualTLS scheme's, or an OAuth credential's
 * `clientCertificate`); `where` names it in the errors.
 */
export function requireTlsFetch(credentials: unknown, where: string): FetchLike {
  if (typeof credentials !== 'object' || credentials === null) throw new TypeError(`${where} needs { fetch }`);
  const given = TLS_FIELDS.filter((field) => Object.hasOwn(credentials, field));
  if (given.length > 0) {
    throw new TypeError(`${where}: ${given.join(', ')} would not be used: configure the certificate and key on the fetch you pass (Node: an undici Agent as dispatcher; Deno: Deno.createHttpClient)`);
  }
  const fetch: unknown = Reflect.get(credentials, 'fetch');
  if (typeof fetch !== 'function') throw new TypeError(`${where}: fetch must be a function configured with the client certificate`);
  return fetch as FetchLike;
}
