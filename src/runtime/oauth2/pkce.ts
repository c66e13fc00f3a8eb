/** PKCE (RFC 7636) with S256, and the random `state` that ties a redirect to its request. */
import { base64url, randomToken, sha256 } from './base64url.js';

export interface PkcePair {
  /** 43 characters of base64url from 32 random bytes (§4.1 asks for 43 to 128). */
  codeVerifier: string;
  codeChallenge: string;
}

export async function createPkcePair(): Promise<PkcePair> {
  const codeVerifier = randomToken(32);
  return { codeVerifier, codeChallenge: await challengeOf(codeVerifier) };
}

/** BASE64URL(SHA256(ASCII(code_verifier))), §4.2. */
export async function challengeOf(codeVerifier: string): Promise<string> {
  return base64url(await sha256(codeVerifier));
}

export function createState(): string {
  return randomToken(16);
}
