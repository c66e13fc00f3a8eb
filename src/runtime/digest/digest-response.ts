import { toHex } from '../hex.js';
import { crypto } from '../web-crypto.js';
import { encodeUnreserved } from '../uri-encoding.js';
import type { DigestAlgorithm, DigestChallenge } from './digest-challenge.js';
import { md5 } from './md5.js';

/** What one Digest `Authorization` is computed from. */
export interface DigestInput {
  challenge: DigestChallenge;
  username: string;
  password: string;
  method: string;
  /** The request-target: path and query, exactly as sent. */
  uri: string;
  /** How many requests this nonce has signed, this one included (1 for the first). */
  nc: number;
  cnonce: string;
}

/** H(data): lower-case hex of the algorithm's hash of the UTF-8 bytes (RFC 7616 §3.4.2). */
export async function digestHash(algorithm: DigestAlgorithm, data: string): Promise<string> {
  const bytes = new TextEncoder().encode(data);
  const hash = algorithm.startsWith('MD5') ? md5(bytes) : new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return toHex(hash);
}

/** The `response` value of RFC 7616 §3.4.1 (qop=auth), or RFC 2069's when the server sent no qop. */
export async function computeDigestResponse(input: DigestInput): Promise<string> {
  const { challenge, username, password, nc, cnonce } = input;
  const H = (data: string) => digestHash(challenge.algorithm, data);
  let ha1 = await H(`${username}:${challenge.realm}:${password}`);
  if (challenge.algorithm.endsWith('-sess')) ha1 = await H(`${ha1}:${challenge.nonce}:${cnonce}`);
  const ha2 = await H(`${input.method}:${input.uri}`);
  if (challenge.qop === undefined) return H(`${ha1}:${challenge.nonce}:${ha2}`);
  return H(`${ha1}:${challenge.nonce}:${formatNc(nc)}:${cnonce}:${challenge.qop}:${ha2}`);
}

/** The credentials part of `Authorization: Digest <credentials>`. */
export async function formatDigestCredentials(input: DigestInput): Promise<string> {
  const { challenge } = input;
  const fields = [
    await usernameField(input),
    `realm=${quote(challenge.realm)}`,
    `uri=${quote(input.uri)}`,
    `algorithm=${challenge.algorithm}`,
    `nonce=${quote(challenge.nonce)}`,
  ];
  if (challenge.qop !== undefined) fields.push(`nc=${formatNc(input.nc)}`, `cnonce=${quote(input.cnonce)}`, `qop=${challenge.qop}`);
  fields.push(`response=${quote(await computeDigestResponse(input))}`);
  if (challenge.opaque !== undefined) fields.push(`opaque=${quote(challenge.opaque)}`);
  if (challenge.userhash) fields.push('userhash=true');
  return fields.join(', ');
}

/** nc is 8 lower-case hex digits. */
export function formatNc(nc: number): string {
  return nc.toString(16).padStart(8, '0');
}

/**
 * RFC 7616 §3.4.4: with userhash the name travels as H(username:realm); a name a quoted-string
 * cannot carry (non-ASCII) goes as `username*` in RFC 8187 form.
 */
async function usernameField({ challenge, username }: DigestInput): Promise<string> {
  if (challenge.userhash) return `username=${quote(await digestHash(challenge.algorithm, `${username}:${challenge.realm}`))}`;
  if (/[^\x20-\x7E]/.test(username)) return `username*=UTF-8''${encodeUnreserved(username)}`;
  return `username=${quote(username)}`;
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}
