/**
 * The client credentials of each client-authentication method the test authorization server
 * registers, and what its token request log should then say: one table for every e2e file that
 * runs the client credentials grant (plain credentials and the clientCredentials() builder), and
 * a token store whose entries the test reads.
 */
import type { AuthServer } from '../../support/oidc/provider.js';
import type { ClientCredentialsGrant, TokenSet, TokenStore } from '../../../src/runtime/oauth2/types.js';

export interface ClientAuthCase {
  name: string;
  credential: () => ClientCredentialsGrant;
  /** What the token request log holds for it (TokenRequestRecord fields). */
  expected: { clientId: string; clientAuth: string; assertionAlg?: string };
}

/** `auth()` is read when a case's credential is made: the server is started by then. */
export function clientAuthCases(auth: () => AuthServer): ClientAuthCase[] {
  return [
    {
      name: 'client_secret_basic',
      credential: () => ({ clientId: auth().clients.basic.clientId, clientSecret: auth().clients.basic.clientSecret }),
      expected: { clientId: 'keyway-basic', clientAuth: 'client_secret_basic' },
    },
    {
      name: 'client_secret_post',
      credential: () => ({ clientId: auth().clients.post.clientId, clientSecret: auth().clients.post.clientSecret, clientAuthMethod: 'client_secret_post' }),
      expected: { clientId: 'keyway-post', clientAuth: 'client_secret_post' },
    },
    {
      name: 'private_key_jwt, RS256 key as PKCS#8 PEM (no kid)',
      credential: () => ({ clientId: auth().clients.jwt.clientId, privateKey: auth().clientKeys.RS256.privatePkcs8 }),
      expected: { clientId: 'keyway-jwt', clientAuth: 'private_key_jwt', assertionAlg: 'RS256' },
    },
    {
      name: 'private_key_jwt, ES256 key as JWK',
      credential: () => ({ clientId: auth().clients.jwt.clientId, privateKey: auth().clientKeys.ES256.privateJwk }),
      expected: { clientId: 'keyway-jwt', clientAuth: 'private_key_jwt', assertionAlg: 'ES256' },
    },
    {
      name: 'private_key_jwt, EdDSA (Ed25519) key as PKCS#8 PEM',
      credential: () => ({ clientId: auth().clients.jwt.clientId, privateKey: auth().clientKeys.EdDSA.privatePkcs8 }),
      expected: { clientId: 'keyway-jwt', clientAuth: 'private_key_jwt', assertionAlg: 'EdDSA' },
    },
    {
      // `:` in the id, `:`, space, `+`, `%` in the secret: only RFC 6749 §2.3.1 encoding gets through.
      name: 'client_secret_basic with an id and secret that need form-encoding',
      credential: () => ({ clientId: auth().clients.odd.clientId, clientSecret: auth().clients.odd.clientSecret }),
      expected: { clientId: 'keyway:odd client', clientAuth: 'client_secret_basic' },
    },
  ];
}

/** A TokenStore over a Map the test reads (what the client stored, under which keys). */
export function mapTokenStore(entries = new Map<string, TokenSet>()): TokenStore & { entries: Map<string, TokenSet> } {
  return {
    entries,
    get: (key) => Promise.resolve(entries.get(key)),
    set: (key, tokens) => Promise.resolve(void entries.set(key, tokens)),
    delete: (key) => Promise.resolve(void entries.delete(key)),
  };
}
