/** PKCE (RFC 7636) with S256, and the random `state` that ties a redirect to its request. */
import { base64url$ as base64url, randomToken$ as randomToken, sha256$ as sha256 } from './lazy-module-imports.js';

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
