/**
 * `private_key_jwt` (RFC 7523 §2.2, OIDC Core §9): a short-lived JWT signed with the client's key,
 * sent instead of a secret. Signed with crypto.subtle; ES256's raw r||s output is already the JWS
 * form, and so is Ed25519's 64-byte signature (EdDSA, RFC 8037), where WebCrypto has Ed25519.
 */
import type { Bytes } from '../bytes.js';
import type { Algorithm, AlgorithmIdentifier, CryptoKey, EcdsaParams, EcKeyImportParams, JsonWebKey, RsaHashedImportParams, RsaPssParams } from '../web-crypto.js';
import { rsaPssAsRsaEncryption } from './rsa-pss-pkcs8.js';
import type { ClientAssertionAlg } from './types.js';
import { base64ToBytes, base64url, base64urlText, randomToken } from './base64url.js';
import { crypto, isCryptoKey } from './lazy-crypto.js';
import { quoteScheme$ as quoteScheme } from './lazy-module-imports.js';

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

// Long enough for clock skew, short enough that a captured assertion is soon useless.
const LIFETIME_SECONDS = 60;

interface AlgParams {
  importParams: RsaHashedImportParams | EcKeyImportParams | Algorithm;
  signParams: AlgorithmIdentifier | RsaPssParams | EcdsaParams;
}

const ALGORITHMS: Record<ClientAssertionAlg, AlgParams> = {
  RS256: { importParams: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, signParams: { name: 'RSASSA-PKCS1-v1_5' } },
  PS256: { importParams: { name: 'RSA-PSS', hash: 'SHA-256' }, signParams: { name: 'RSA-PSS', saltLength: 32 } },
  ES256: { importParams: { name: 'ECDSA', namedCurve: 'P-256' }, signParams: { name: 'ECDSA', hash: 'SHA-256' } },
  EdDSA: { importParams: { name: 'Ed25519' }, signParams: { name: 'Ed25519' } },
};

// JsonWebKey (like lib.dom's) has no `kid`, though RFC 7517 JWKs usually carry one.
interface JsonWebKeyWithKid extends JsonWebKey {
  kid?: unknown;
}

export type PrivateKeyInput = CryptoKey | JsonWebKey | string;

export interface SigningKey {
  key: CryptoKey;
  alg: ClientAssertionAlg;
  kid: string | undefined;
}

function algOfCryptoKey(key: CryptoKey): ClientAssertionAlg | undefined {
  switch (key.algorithm.name) {
    case 'RSASSA-PKCS1-v1_5':
      return 'RS256';
    case 'RSA-PSS':
      return 'PS256';
    case 'ECDSA':
      return 'ES256';
    case 'Ed25519':
      return 'EdDSA';
    default:
      return undefined;
  }
}

function algOfJwk(jwk: JsonWebKey): ClientAssertionAlg | undefined {
  if (jwk.alg === 'RS256' || jwk.alg === 'PS256' || jwk.alg === 'ES256' || jwk.alg === 'EdDSA') return jwk.alg;
  if (jwk.kty === 'RSA') return 'RS256';
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  // RFC 8037: an OKP key on Ed25519; WebCrypto reads it when the runtime has Ed25519.
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  return undefined;
}

function pemBody(pem: string): Bytes {
  const match = /-----BEGIN PRIVATE KEY-----([\s\S]+?)-----END PRIVATE KEY-----/.exec(pem);
  if (match === null) throw new Error('not a PKCS#8 PEM');
  return base64ToBytes(match[1]!.replace(/\s+/g, ''));
}

async function importPem(pem: string, alg: ClientAssertionAlg | undefined): Promise<{ key: CryptoKey; alg: ClientAssertionAlg }> {
  const der = pemBody(pem);
  // An RSA-PSS key is meant for PS256 only; WebCrypto needs it relabelled to import it at all.
  const pss = rsaPssAsRsaEncryption(der);
  if (pss !== undefined) {
    if (alg !== undefined && alg !== 'PS256') throw new Error('an RSA-PSS key signs PS256 only');
    return { key: await crypto.subtle.importKey('pkcs8', pss, ALGORITHMS.PS256.importParams, false, ['sign']), alg: 'PS256' };
  }
  // PKCS#8 does not say which JWS algorithm is meant: try RSA, then P-256, then Ed25519, unless told.
  const candidates: ClientAssertionAlg[] = alg === undefined ? ['RS256', 'ES256', 'EdDSA'] : [alg];
  for (const candidate of candidates) {
    try {
      return { key: await crypto.subtle.importKey('pkcs8', der, ALGORITHMS[candidate].importParams, false, ['sign']), alg: candidate };
    } catch {
      // Not this key type; try the next.
    }
  }
  throw new Error('unsupported PKCS#8 key');
}

/** Turns what the application passed into a non-extractable signing key. Errors never quote the key. */
export async function importSigningKey(input: PrivateKeyInput, alg: ClientAssertionAlg | undefined, kid: string | undefined, scheme: string): Promise<SigningKey> {
  const where = `security scheme ${quoteScheme(scheme)}: privateKey`;
  try {
    if (isCryptoKey(input)) {
      const keyAlg = alg ?? algOfCryptoKey(input);
      if (keyAlg === undefined || input.type !== 'private') throw new Error('unsupported key');
      return { key: input, alg: keyAlg, kid };
    }
    if (typeof input === 'string') return { ...(await importPem(input, alg)), kid };
    const jwkAlg = alg ?? algOfJwk(input);
    if (jwkAlg === undefined) throw new Error('unsupported key');
    const key = await crypto.subtle.importKey('jwk', input, ALGORITHMS[jwkAlg].importParams, false, ['sign']);
    const jwkKid = (input as JsonWebKeyWithKid).kid;
    return { key, alg: jwkAlg, kid: kid ?? (typeof jwkKid === 'string' ? jwkKid : undefined) };
  } catch {
    // The underlying error may describe the key material; say only what is wrong.
    throw new TypeError(`${where} must be an RSA, P-256 or Ed25519 private key (CryptoKey, JWK or PKCS#8 PEM) usable for ${alg ?? 'RS256, PS256, ES256 or EdDSA'}`);
  }
}

/** A private_key_jwt client's key as given, and once imported its signing key (kept by ClientAuthenticator). */
export interface ClientSigner {
  readonly privateKey: PrivateKeyInput;
  readonly alg: ClientAssertionAlg | undefined;
  readonly kid: string | undefined;
  readonly scheme: string;
  key: Promise<SigningKey> | undefined;
}

/** private_key_jwt (RFC 7523 §2.2): a fresh client assertion for a request bound for `endpoint`. */
export async function assertClient(form: URLSearchParams, signer: ClientSigner, clientId: string, endpoint: string, nowMs: number): Promise<void> {
  // A bad key fails every time with the same message, but is not kept as a rejected promise.
  signer.key ??= importSigningKey(signer.privateKey, signer.alg, signer.kid, signer.scheme).catch((error: unknown) => {
    signer.key = undefined;
    throw error;
  });
  form.set('client_assertion_type', CLIENT_ASSERTION_TYPE);
  form.set('client_assertion', await signClientAssertion(await signer.key, clientId, endpoint, nowMs));
}

export async function signClientAssertion(signing: SigningKey, clientId: string, audience: string, nowMs: number): Promise<string> {
  const iat = Math.floor(nowMs / 1000);
  return signJwt(signing, { iss: clientId, sub: clientId, aud: audience, jti: randomToken(16), iat, exp: iat + LIFETIME_SECONDS });
}

/** A compact JWS of `claims`; the header carries the key's `kid` when it has one. */
export async function signJwt(signing: SigningKey, claims: Readonly<Record<string, unknown>>): Promise<string> {
  const header = signing.kid === undefined ? { alg: signing.alg, typ: 'JWT' } : { alg: signing.alg, typ: 'JWT', kid: signing.kid };
  return signJws(signing, header, claims);
}

/** A compact JWS with the caller's header (a DPoP proof's `typ` and `jwk`); `alg` is the key's. */
export async function signJws(signing: SigningKey, header: Readonly<Record<string, unknown>>, claims: Readonly<Record<string, unknown>>): Promise<string> {
  const input = `${base64urlText(JSON.stringify(header))}.${base64urlText(JSON.stringify(claims))}`;
  const signature = await crypto.subtle.sign(ALGORITHMS[signing.alg].signParams, signing.key, new TextEncoder().encode(input));
  return `${input}.${base64url(new Uint8Array(signature))}`;
}
