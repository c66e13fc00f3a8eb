/**
 * DPoP (RFC 9449): proofs that the client holds the private key its tokens are bound to. One key
 * per client: made here (`dpop: true`, ES256, private key non-extractable) or given by the
 * application (P-256, RSA, or Ed25519 where WebCrypto has it). Proofs are made per request and never reused; the latest server nonce (§8, §9) is
 * kept per origin and put in every later proof to that origin. Loaded with import() when the first
 * proof is needed; the credential's option had its shape checked when the client was made
 * (dpop-option.ts), its key is checked here, before the first request that needs a proof.
 */
import { base64url, randomToken, sha256 } from './base64url.js';
import { crypto, importSigning, isCryptoKey } from './lazy-crypto.js';
import { quoteScheme$ as quoteScheme, requireHeaderSafe$ as requireHeaderSafe } from './lazy-module-imports.js';
import type { AuthRequest } from '../auth-strategy.js';
import type { PrivateKeyInput, SigningKey } from './client-assertion.js';
import type { DpopKeySpec } from './dpop-option.js';
import type { ClientAssertionAlg } from './types.js';


// RFC 9449 §9: the API's way of asking for a nonce.
const USE_DPOP_NONCE = /(?:^|,)\s*DPoP\b[^]*?\berror\s*=\s*"?use_dpop_nonce\b/i;

// RFC 7638 §3.2: the required members of each key type, which are also all a public JWK needs.
const PUBLIC_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  EC: ['crv', 'kty', 'x', 'y'],
  RSA: ['e', 'kty', 'n'],
  OKP: ['crv', 'kty', 'x'],
};

/** The public members only, whatever else the JWK holds (a private `d` never goes into a proof). */
export function publicMembers(jwk: object, where: string): Readonly<Record<string, string>> {
  const kty: unknown = Reflect.get(jwk, 'kty');
  const members = typeof kty === 'string' ? PUBLIC_MEMBERS[kty] : undefined;
  if (members === undefined) throw new TypeError(`${where}: publicJwk must be an EC, RSA or OKP public JWK`);
  const out: Record<string, string> = {};
  for (const member of members) {
    const value: unknown = Reflect.get(jwk, member);
    if (typeof value !== 'string' || value === '') throw new TypeError(`${where}: publicJwk lacks its "${member}" member`);
    out[member] = value;
  }
  return Object.freeze(out);
}

/** ES256 for P-256, PS256 for RSA, EdDSA for Ed25519 (RFC 8037); other curves have no default. */
function defaultProofAlg(publicJwk: Readonly<Record<string, string>>): ClientAssertionAlg | undefined {
  if (publicJwk['kty'] === 'EC' && publicJwk['crv'] === 'P-256') return 'ES256';
  if (publicJwk['kty'] === 'RSA') return 'PS256';
  if (publicJwk['kty'] === 'OKP' && publicJwk['crv'] === 'Ed25519') return 'EdDSA';
  return undefined;
}

/**
 * The application's key, checked: its public JWK (given, or the private JWK's public members) and
 * the proof algorithm. Throws the TypeError the option would have had at construction.
 */
function checkedKey(key: { privateKey: PrivateKeyInput; publicJwk?: object | undefined; alg?: ClientAssertionAlg | undefined }, where: string): { privateKey: PrivateKeyInput; publicJwk: Readonly<Record<string, string>>; alg: ClientAssertionAlg } {
  const { privateKey } = key;
  const jwkSource: unknown = key.publicJwk ?? (typeof privateKey === 'object' && !isCryptoKey(privateKey) ? privateKey : undefined);
  if (typeof jwkSource !== 'object' || jwkSource === null) throw new TypeError(`${where}: publicJwk is needed unless privateKey is a JWK`);
  const publicJwk = publicMembers(jwkSource, where);
  const alg = key.alg ?? defaultProofAlg(publicJwk);
  if (alg === undefined) throw new TypeError(`${where}: ${[publicJwk['kty'], publicJwk['crv']].filter(Boolean).join(' ')} keys are not supported; use an EC P-256, RSA or Ed25519 key`);
  return { privateKey, publicJwk, alg };
}

interface ProofKey {
  signing: SigningKey;
  publicJwk: Readonly<Record<string, string>>;
}

/** The htu claim: the request URL without query and fragment (§4.2). */
export function proofTarget(url: URL): string {
  const target = new URL(url.href);
  target.search = '';
  target.hash = '';
  return target.href;
}

/** base64url(SHA-256(access token)): the `ath` claim binding a proof to the token it goes with. */
export async function accessTokenHash(accessToken: string): Promise<string> {
  return base64url(await sha256(accessToken));
}

/** RFC 7638 thumbprint of the public key: what a bound token's `cnf.jkt` holds. */
export async function jwkThumbprint(publicJwk: Readonly<Record<string, string>>): Promise<string> {
  const ordered = Object.fromEntries(Object.keys(publicJwk).sort().map((name) => [name, publicJwk[name]]));
  return base64url(await sha256(JSON.stringify(ordered)));
}

export class DpopProver {
  readonly #scheme: string;
  readonly #makeKey: () => Promise<ProofKey>;
  #key: Promise<ProofKey> | undefined;
  readonly #nonces = new Map<string, string>();

  constructor(scheme: string, makeKey: () => Promise<ProofKey>) {
    this.#scheme = scheme;
    this.#makeKey = makeKey;
  }

  /** The latest nonce this origin's server sent, if any. */
  nonceFor(url: URL): string | undefined {
    return this.#nonces.get(url.origin);
  }

  /** Keeps a `DPoP-Nonce` the server sent; true when it is new. */
  rememberNonce(url: URL, nonce: string | null): boolean {
    // A nonce goes into a JSON string claim: any visible ASCII is fine (§8.1 allows NQCHAR).
    if (nonce === null || !/^[\x21-\x7E]{1,512}$/.test(nonce) || this.#nonces.get(url.origin) === nonce) return false;
    this.#nonces.set(url.origin, nonce);
    return true;
  }

  /**
   * An API's 401 to a request whose proof carried `sentNonce`: undefined when it does not ask for a
   * nonce; else whether one more attempt can help (the server sent a nonce this proof did not have).
   */
  answerNonceChallenge(url: URL, response: Response, sentNonce: string | undefined): boolean | undefined {
    if (!USE_DPOP_NONCE.test(response.headers.get('www-authenticate') ?? '')) return undefined;
    const isNew = this.rememberNonce(url, response.headers.get('dpop-nonce'));
    return isNew || (this.nonceFor(url) !== undefined && this.nonceFor(url) !== sentNonce);
  }

  /** A fresh proof for one request; `accessToken` adds `ath` (requests to the API). */
  async proof(method: string, url: URL, nowMs: number, accessToken?: string): Promise<{ proof: string; nonce: string | undefined }> {
    const key = await this.#proofKey();
    const nonce = this.nonceFor(url);
    const claims: Record<string, unknown> = { jti: randomToken(16), htm: method.toUpperCase(), htu: proofTarget(url), iat: Math.floor(nowMs / 1000) };
    if (nonce !== undefined) claims['nonce'] = nonce;
    if (accessToken !== undefined) claims['ath'] = await accessTokenHash(accessToken);
    try {
      return { proof: await (await importSigning()).signJws(key.signing, { typ: 'dpop+jwt', alg: key.signing.alg, jwk: key.publicJwk }, claims), nonce };
    } catch {
      // WebCrypto's own error may describe the key; say only what failed.
      throw new TypeError(`security scheme ${quoteScheme(this.#scheme)}: the DPoP key cannot sign ${key.signing.alg} proofs`);
    }
  }

  /**
   * Puts a DPoP token and a fresh proof for it on an API request (RFC 9449 §7.1); the nonce the
   * proof carried, so only a new one earns a retry after a 401.
   */
  async authorize(request: AuthRequest, accessToken: string, scheme: string, nowMs: number): Promise<string | undefined> {
    requireHeaderSafe(accessToken, scheme);
    const { proof, nonce } = await this.proof(request.method, request.url, nowMs, accessToken);
    // RFC 9449 §7.1 spells the scheme DPoP (the registry's spelling too).
    request.headers.set('authorization', `DPoP ${accessToken}`);
    request.headers.set('dpop', proof);
    return nonce;
  }

  /** The `jkt` the server binds tokens to. */
  async thumbprint(): Promise<string> {
    return jwkThumbprint((await this.#proofKey()).publicJwk);
  }

  #proofKey(): Promise<ProofKey> {
    // A failed import is not retried: the same key would fail the same way.
    return (this.#key ??= this.#makeKey());
  }
}

async function generatedKey(): Promise<ProofKey> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { signing: { key: pair.privateKey, alg: 'ES256', kid: undefined }, publicJwk: publicMembers(jwk, 'dpop') };
}

/**
 * The prover for a `dpop` option; the key is checked now (a TypeError naming the scheme, never the
 * key), made or imported with the first proof.
 */
export function makeDpopProver(scheme: string, key: DpopKeySpec): DpopProver {
  if ('generate' in key) return new DpopProver(scheme, generatedKey);
  const { privateKey, publicJwk, alg } = checkedKey(key, `security scheme ${quoteScheme(scheme)}: dpop`);
  return new DpopProver(scheme, async () => {
    try {
      return { signing: await (await importSigning()).importSigningKey(privateKey, alg, undefined, scheme), publicJwk };
    } catch {
      throw new TypeError(`security scheme ${quoteScheme(scheme)}: dpop: privateKey must be a private key (CryptoKey, JWK or PKCS#8 PEM) for ${alg} matching publicJwk`);
    }
  });
}
