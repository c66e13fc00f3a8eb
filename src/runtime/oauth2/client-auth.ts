/**
 * How a plain credential's client proves who it is on every token-endpoint request (RFC 6749
 * §2.3): its options checked, then the secret methods (client-secret.ts), or private_key_jwt and
 * the TLS methods, which are parts of their own (private-key-jwt.ts, client-certificate.ts) the
 * plain options are converted into.
 */
import { oneOf, option, own, schemeWhere, STRING, TEXT, type OptionKind } from './option-checks.js';
import { privateKeyJwt } from './private-key-jwt.js';
import { selfSignedTlsClientAuth, tlsClientAuth } from './client-certificate.js';
import { secretAuthenticator, type ClientAuthenticator } from './client-secret.js';
import type { ClientAuthMethod, ClientIdentity } from './types.js';

// Marked pure, with literal lists (not a split string): a bundler keeps a call it cannot prove pure, even in an app that never calls this module.
const METHODS = /* @__PURE__ */ oneOf(['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'tls_client_auth', 'self_signed_tls_client_auth', 'none']);
const ENCODINGS = /* @__PURE__ */ oneOf(['form', 'raw']);

export type { ClientAuthenticator };

/**
 * The authentication of a plain credential (`{ clientId, clientSecret | privateKey, clientAuthMethod? }`):
 * its options checked now, with the messages of every path that takes them.
 */
export function clientAuthenticator(identity: ClientIdentity, scheme: string): ClientAuthenticator {
  const where = schemeWhere(scheme);
  const check = (name: string, kind: OptionKind, required?: boolean) => option(identity, name, kind, where, required);
  const clientId = check('clientId', TEXT, true) as string;
  const secret = check('clientSecret', STRING) as string | undefined;
  const method = (check('clientAuthMethod', METHODS) ?? (secret !== undefined ? 'client_secret_basic' : identity.privateKey !== undefined ? 'private_key_jwt' : 'none')) as ClientAuthMethod;
  const needs = method === 'none' ? undefined : method === 'private_key_jwt' ? 'privateKey' : method.startsWith('client_secret') ? 'clientSecret' : 'clientCertificate';
  if (needs && own(identity, needs) === undefined) {
    throw new TypeError(`${where}clientAuthMethod ${method} needs ${needs === 'clientCertificate' ? 'clientCertificate: { fetch } (a fetch whose connections present the client certificate)' : `a ${needs}`}`);
  }
  const encoding = check('clientSecretEncoding', ENCODINGS) as 'form' | 'raw' | undefined;
  // Basic splits at the first colon: unencoded, a colon in the id would move the split.
  if (encoding === 'raw' && clientId.includes(':')) throw new TypeError(`${where}clientSecretEncoding 'raw' cannot carry a clientId that contains ':'`);
  if (method.startsWith('client_secret')) return secretAuthenticator(clientId, secret!, method === 'client_secret_post', encoding);
  // The other methods are parts: the plain options converted into the built value.
  const part = method === 'private_key_jwt' ? privateKeyJwt(identity as Parameters<typeof privateKeyJwt>[0]) : method === 'tls_client_auth' ? tlsClientAuth() : method === 'self_signed_tls_client_auth' ? selfSignedTlsClientAuth() : undefined;
  return part ? part.make(where, scheme, { clientId, clientCertificate: true }) : { clientId, confidential: false, authenticate: (form) => void form.set('client_id', clientId) };
}
