/**
 * `privateKeyJwt({ privateKey })`: the client authenticates with a signed assertion (RFC 7523
 * §2.2, `private_key_jwt`) instead of a secret. The key is imported and the assertion signed by
 * client-assertion.ts, loaded with import() with the first token request, so an app with a
 * client secret links none of it.
 */
import type { ClientAuthenticator } from './client-secret.js';
import type { ClientSigner, PrivateKeyInput } from './client-assertion.js';
import { loadSigning } from './lazy-modules.js';
import { OAUTH_PART, type OAuthPart } from './oauth-part.js';
import { unloaded } from './token-error.js';
import type { ClientAssertionAlg } from './types.js';

export interface PrivateKeyJwtOptions {
  /** A CryptoKey, a JWK, or a PKCS#8 PEM string (RSA, P-256, Ed25519). */
  privateKey: PrivateKeyInput;
  /** Default: from the key (RSA → RS256, EC P-256 → ES256, RSA-PSS → PS256, Ed25519 → EdDSA). */
  privateKeyAlg?: ClientAssertionAlg | undefined;
  /** `kid` header of the client assertion; default: the JWK's kid. */
  privateKeyId?: string | undefined;
}

/** A client authentication for `clientCredentials({ clientId, clientAuth: privateKeyJwt({ privateKey }) })`; the key is checked with the first token request. */
export function privateKeyJwt(options: PrivateKeyJwtOptions): OAuthPart<'clientAuth', ClientAuthenticator> {
  const { privateKey, privateKeyAlg, privateKeyId } = options ?? {};
  return {
    [OAUTH_PART]: 'clientAuth',
    privateKey,
    make(where, scheme, given) {
      if (privateKey === undefined) throw new TypeError(`${where}privateKeyJwt() needs a privateKey`);
      const clientId = given['clientId'] as string;
      const signer: ClientSigner = { privateKey, alg: privateKeyAlg, kid: privateKeyId, scheme, key: undefined };
      return {
        clientId,
        confidential: true,
        async authenticate(form, _headers, endpoint, nowMs) {
          form.set('client_id', clientId);
          return (await loadSigning().catch(unloaded(scheme, 'private_key_jwt'))).assertClient(form, signer, clientId, endpoint, nowMs);
        },
      };
    },
  };
}
