/**
 * A credential's `dpop` option (RFC 9449), checked when the client is made: the key's shape, its
 * public JWK and the proof algorithm. The prover itself (key import or generation, proofs, nonces)
 * is dpop.ts, loaded with import() the first time a proof is needed, so an app that never turns
 * DPoP on never downloads it.
 */
import { quoteScheme } from '../credential-checks.js';
import { isCryptoKey } from '../web-crypto.js';
import type { PrivateKeyInput } from './client-assertion.js';
import type { DpopProver } from './dpop.js';
import { loadDpop } from './lazy-modules.js';
import type { ClientAssertionAlg, DpopKey } from './types.js';

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

function isDpopKey(value: unknown): value is DpopKey {
  return typeof value === 'object' && value !== null && Reflect.get(value, 'privateKey') !== undefined;
}

/** The key a checked `dpop` option names: made by the prover (`dpop: true`), or the application's. */
export type DpopKeySpec = { generate: true } | { privateKey: PrivateKeyInput; publicJwk: Readonly<Record<string, string>>; alg: ClientAssertionAlg };

/** DPoP for one scheme, its prover loaded (once) when the first proof is needed. */
export interface DpopHandle {
  prover(): Promise<DpopProver>;
}

/** The DPoP a credential's `dpop` asks for; undefined when DPoP is off. Checks shapes now, keys on first use. */
export function dpopProverFor(grant: object, scheme: string): DpopHandle | undefined {
  const option: unknown = Object.hasOwn(grant, 'dpop') ? Reflect.get(grant, 'dpop') : undefined;
  const where = `security scheme ${quoteScheme(scheme)}: dpop`;
  if (option === undefined || option === false) return undefined;
  let key: DpopKeySpec;
  if (option === true) key = { generate: true };
  else {
    if (!isDpopKey(option)) throw new TypeError(`${where} must be true or { privateKey, publicJwk }`);
    const privateKey = option.privateKey as PrivateKeyInput;
    const jwkSource: unknown = option.publicJwk ?? (typeof privateKey === 'object' && !isCryptoKey(privateKey) ? privateKey : undefined);
    if (typeof jwkSource !== 'object' || jwkSource === null) throw new TypeError(`${where}: publicJwk is needed unless privateKey is a JWK`);
    const publicJwk = publicMembers(jwkSource, where);
    const alg = option.alg ?? defaultProofAlg(publicJwk);
    if (alg === undefined) throw new TypeError(`${where}: ${[publicJwk['kty'], publicJwk['crv']].filter(Boolean).join(' ')} keys are not supported; use an EC P-256, RSA or Ed25519 key`);
    key = { privateKey, publicJwk, alg };
  }
  let prover: Promise<DpopProver> | undefined;
  return { prover: () => (prover ??= loadDpop().then(({ makeDpopProver }) => makeDpopProver(scheme, key))) };
}
