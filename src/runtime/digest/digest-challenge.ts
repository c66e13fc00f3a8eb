import { parseChallenges } from './www-authenticate.js';

export type DigestAlgorithm = 'MD5' | 'MD5-sess' | 'SHA-256' | 'SHA-256-sess';

/** One `Digest` challenge this runtime can answer. */
export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque: string | undefined;
  algorithm: DigestAlgorithm;
  /** `auth` when the server offers it; undefined for an RFC 2069 server that sends no qop. */
  qop: 'auth' | undefined;
  /** The previous nonce expired but the credentials were right: retry with the new nonce. */
  stale: boolean;
  /** The server accepts a hashed username (RFC 7616 §3.4.4). */
  userhash: boolean;
}

const ALGORITHMS = new Map<string, DigestAlgorithm>([
  ['md5', 'MD5'],
  ['md5-sess', 'MD5-sess'],
  ['sha-256', 'SHA-256'],
  ['sha-256-sess', 'SHA-256-sess'],
]);

/**
 * The first Digest challenge in the header we can answer: the server lists its challenges most
 * preferred first (RFC 7616 §3.7), and ones with an unknown algorithm (SHA-512-256) or only
 * `qop=auth-int` (which needs the body hashed) must be skipped, not guessed at.
 */
export function pickDigestChallenge(header: string | null): DigestChallenge | undefined {
  if (header === null) return undefined;
  for (const challenge of parseChallenges(header)) {
    if (challenge.scheme !== 'digest') continue;
    const { params } = challenge;
    const realm = params.get('realm');
    const nonce = params.get('nonce');
    const algorithm = ALGORITHMS.get((params.get('algorithm') ?? 'MD5').toLowerCase());
    if (realm === undefined || nonce === undefined || algorithm === undefined) continue;
    const qopOptions = params.get('qop')?.split(',').map((option) => option.trim().toLowerCase());
    if (qopOptions !== undefined && !qopOptions.includes('auth')) continue;
    return {
      realm,
      nonce,
      opaque: params.get('opaque'),
      algorithm,
      qop: qopOptions === undefined ? undefined : 'auth',
      stale: params.get('stale')?.toLowerCase() === 'true',
      userhash: params.get('userhash')?.toLowerCase() === 'true',
    };
  }
  return undefined;
}
