import { encodeBasicCredentials, formatAuthorization } from '../authorization-header.js';
import type { ClientSigner } from './client-assertion.js';
import { formEncode } from './encoding.js';
import { loadSigning } from './lazy-modules.js';
import { option, schemeWhere } from './option-checks.js';
import { isTlsClientAuth, TLS_CLIENT_AUTH_METHODS } from './tls-client-auth.js';
import type { ClientAuthMethod, ClientIdentity } from './types.js';

const METHODS: readonly ClientAuthMethod[] = ['client_secret_basic', 'client_secret_post', 'private_key_jwt', ...TLS_CLIENT_AUTH_METHODS, 'none'];
const ENCODINGS = ['form', 'raw'];

/**
 * How this client proves who it is on every token-endpoint request (RFC 6749 §2.3). Holds the
 * secret or key in private fields only.
 */
export class ClientAuthenticator {
  readonly clientId: string;
  readonly method: ClientAuthMethod;
  readonly #secret: string | undefined;
  // private_key_jwt: the key as given and, once imported, the signing key (client-assertion.ts).
  readonly #signer: ClientSigner;
  readonly #encoding: 'form' | 'raw';

  constructor(identity: ClientIdentity, scheme: string) {
    const where = schemeWhere(scheme);
    const clientId = option(identity, 'clientId', 'text', where, true) as string;
    option(identity, 'clientSecret', 'string', where);
    const method = (option(identity, 'clientAuthMethod', METHODS, where) as ClientAuthMethod | undefined) ?? defaultMethod(identity);
    const needs = method === 'private_key_jwt' ? 'privateKey' : isTlsClientAuth(method) ? 'clientCertificate' : method === 'none' ? undefined : 'clientSecret';
    if (needs !== undefined && Reflect.get(identity, needs) === undefined) {
      throw new TypeError(`${where}clientAuthMethod ${method} needs ${needs === 'clientCertificate' ? 'clientCertificate: { fetch } (a fetch whose connections present the client certificate)' : `a ${needs}`}`);
    }
    const encoding = (option(identity, 'clientSecretEncoding', ENCODINGS, where) as 'form' | 'raw' | undefined) ?? 'form';
    // Basic splits at the first colon: unencoded, a colon in the id would move the split.
    if (encoding === 'raw' && clientId.includes(':')) throw new TypeError(`${where}clientSecretEncoding 'raw' cannot carry a clientId that contains ':'`);
    this.clientId = identity.clientId;
    this.method = method;
    this.#secret = identity.clientSecret;
    this.#signer = { privateKey: identity.privateKey!, alg: identity.privateKeyAlg, kid: identity.privateKeyId, scheme, key: undefined };
    this.#encoding = encoding;
  }

  /**
   * For the hint on `invalid_client` (oauth-http-failure.ts): whether this is a Basic-authenticated
   * client whose id or secret the encoding changes, and which encoding it uses.
   */
  get basicEncoding(): { encoding: 'form' | 'raw'; changes: boolean } | undefined {
    if (this.method !== 'client_secret_basic') return undefined;
    return { encoding: this.#encoding, changes: formEncode(this.clientId) !== this.clientId || formEncode(this.#secret!) !== this.#secret };
  }

  /** Whether the client can authenticate at all; RFC 6749 §4.4 allows client credentials only then. */
  get confidential(): boolean {
    return this.method !== 'none';
  }

  /** Adds the client's authentication to a token-endpoint request bound for `endpoint`. */
  async authenticate(form: URLSearchParams, headers: Headers, endpoint: string, nowMs: number): Promise<void> {
    switch (this.method) {
      case 'client_secret_basic':
        // RFC 6749 §2.3.1: each part form-urlencoded first, so a `:` in either survives the split.
        if (this.#encoding === 'form') headers.set('authorization', formatAuthorization('basic', encodeBasicCredentials(formEncode(this.clientId), formEncode(this.#secret!))));
        else headers.set('authorization', formatAuthorization('basic', encodeBasicCredentials(this.clientId, this.#secret!)));
        return;
      case 'client_secret_post':
        form.set('client_id', this.clientId);
        form.set('client_secret', this.#secret!);
        return;
      case 'private_key_jwt':
        form.set('client_id', this.clientId);
        return (await loadSigning()).assertClient(form, this.#signer, this.clientId, endpoint, nowMs);
      // RFC 8705 §2: the certificate of the TLS connection authenticates; the form names the client.
      case 'tls_client_auth':
      case 'self_signed_tls_client_auth':
      case 'none':
        form.set('client_id', this.clientId);
        return;
    }
  }
}

function defaultMethod(identity: ClientIdentity): ClientAuthMethod {
  if (identity.clientSecret !== undefined) return 'client_secret_basic';
  if (identity.privateKey !== undefined) return 'private_key_jwt';
  return 'none';
}
