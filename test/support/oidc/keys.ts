/**
 * Fresh key pairs for one authorization server: the provider's token-signing key and the two keys
 * the private_key_jwt client signs its assertions with. Generated per server, so no private key is
 * checked in anywhere.
 */
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, type JWK } from 'jose';

/** EdDSA: an Ed25519 key (RFC 8037). */
export type ClientKeyAlg = 'RS256' | 'ES256' | 'EdDSA';

export interface ClientSigningKey {
  alg: ClientKeyAlg;
  kid: string;
  /** Private key as a JWK (includes `kid` and `alg`). */
  privateJwk: JWK;
  /** Private key as PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`). */
  privatePkcs8: string;
  /** Public half, as registered in the client's `jwks`. */
  publicJwk: JWK;
}

async function makeKey(alg: ClientKeyAlg, use: 'sig'): Promise<ClientSigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg, use };
  return {
    alg,
    kid,
    privateJwk,
    privatePkcs8: await exportPKCS8(privateKey),
    publicJwk: { ...publicJwk, kid, alg, use },
  };
}

export interface ServerKeys {
  /** Private JWK the provider signs access tokens (and ID tokens) with; its public half is at jwks_uri. */
  providerSigningJwk: JWK;
  /** Keys of the private_key_jwt client, indexed by algorithm. */
  client: Record<ClientKeyAlg, ClientSigningKey>;
}

export async function generateServerKeys(): Promise<ServerKeys> {
  const [provider, rsa, ec, ed] = await Promise.all([makeKey('RS256', 'sig'), makeKey('RS256', 'sig'), makeKey('ES256', 'sig'), makeKey('EdDSA', 'sig')]);
  return { providerSigningJwk: provider.privateJwk, client: { RS256: rsa, ES256: ec, EdDSA: ed } };
}
