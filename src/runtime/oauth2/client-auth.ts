import { encodeBasicCredentials, formatAuthorization } from '../authorization-header.js';
import type { ClientSigner } from './client-assertion.js';
import { formEncode } from './encoding.js';
import { loadSigning } from './lazy-modules.js';
import { option, own, schemeWhere, type OptionKind } from './option-checks.js';
import { unloaded } from './token-error.js';
import type { ClientAuthMethod, ClientIdentity } from './types.js';

const METHODS = 'client_secret_basic client_secret_post private_key_jwt tls_client_auth self_signed_tls_client_auth none'.split(' ');
const ENCODINGS = ['form', 'raw'];

/**
 * How this client proves who it is on every token-endpoint request (RFC 6749 §2.3). Holds the
 * secret or key in private fields only.
 */
export class ClientAuthenticator {
  readonly clientId: string;
  readonly method: ClientAuthMethod;
  /**
   * With client_secret_basic, how the id and secret go into HTTP Basic; else undefined. Read for
   * the hint on `invalid_client` too (oauth-http-failure.ts).
   */
  readonly basicEncoding: 'form' | 'raw' | undefined;
  readonly #secret: string | undefined;
  // private_key_jwt: the key as given and, once imported, the signing key (client-assertion.ts).
  readonly #signer: ClientSigner;

  constructor(identity: ClientIdentity, scheme: string) {
    const where = schemeWhere(scheme);
    const check = (name: string, kind: OptionKind, required?: boolean) => option(identity, name, kind, where, required);
    const clientId = (this.clientId = check('clientId', 'text', true) as string);
    const secret = (this.#secret = check('clientSecret', 'string') as string | undefined);
    const method = (this.method = (check('clientAuthMethod', METHODS) ?? (secret !== undefined ? 'client_secret_basic' : identity.privateKey !== undefined ? 'private_key_jwt' : 'none')) as ClientAuthMethod);
    const needs = method === 'none' ? undefined : method === 'private_key_jwt' ? 'privateKey' : method.startsWith('client_secret') ? 'clientSecret' : 'clientCertificate';
    if (needs && own(identity, needs) === undefined) {
      throw new TypeError(`${where}clientAuthMethod ${method} needs ${needs === 'clientCertificate' ? 'clientCertificate: { fetch } (a fetch whose connections present the client certificate)' : `a ${needs}`}`);
    }
    const encoding = (check('clientSecretEncoding', ENCODINGS) ?? 'form') as 'form' | 'raw';
    // Basic splits at the first colon: unencoded, a colon in the id would move the split.
    if (encoding === 'raw' && clientId.includes(':')) throw new TypeError(`${where}clientSecretEncoding 'raw' cannot carry a clientId that contains ':'`);
    this.basicEncoding = method === 'client_secret_basic' ? encoding : undefined;
    this.#signer = { privateKey: identity.privateKey!, alg: identity.privateKeyAlg, kid: identity.privateKeyId, scheme, key: undefined };
  }

  /** Whether the client can authenticate at all; RFC 6749 §4.4 allows client credentials only then. */
  get confidential(): boolean {
    return this.method !== 'none';
  }

  /** Adds the client's authentication to a token-endpoint request bound for `endpoint`. */
  async authenticate(form: URLSearchParams, headers: Headers, endpoint: string, nowMs: number): Promise<void> {
    const { clientId, method, basicEncoding } = this;
    const secret = this.#secret!;
    if (basicEncoding !== undefined) {
      // RFC 6749 §2.3.1: each part form-urlencoded first, so a `:` in either survives the split.
      const encode = basicEncoding === 'raw' ? (value: string) => value : formEncode;
      return headers.set('authorization', formatAuthorization('basic', encodeBasicCredentials(encode(clientId), encode(secret))));
    }
    // Every other method names the client in the form; with tls_client_auth and
    // self_signed_tls_client_auth the certificate of the TLS connection authenticates (RFC 8705 §2).
    form.set('client_id', clientId);
    if (method === 'client_secret_post') form.set('client_secret', secret);
    if (method === 'private_key_jwt') return (await loadSigning().catch(unloaded(this.#signer.scheme, 'private_key_jwt'))).assertClient(form, this.#signer, clientId, endpoint, nowMs);
  }
}
