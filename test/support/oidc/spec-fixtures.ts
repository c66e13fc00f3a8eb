/**
 * Copies of fixtures/oauth/*.yaml pointing at running servers. The fixtures name two placeholder
 * origins (valid URLs, so the originals validate too); these helpers swap in the real ones.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const AUTH_PLACEHOLDER = 'http://auth.keyway.invalid';
export const API_PLACEHOLDER = 'http://api.keyway.invalid';

export const OAUTH_FIXTURES_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../fixtures/oauth');

export type OAuthFixture = 'pets-oauth.yaml' | 'pets-oauth-3.2.yaml';

export async function specTextFor(auth: { issuer: string }, api: { url: string }, fixture: OAuthFixture): Promise<string> {
  const text = await readFile(join(OAUTH_FIXTURES_DIR, fixture), 'utf8');
  return text.replaceAll(AUTH_PLACEHOLDER, auth.issuer).replaceAll(API_PLACEHOLDER, api.url);
}

/** Writes `fixture` with the real URLs into `dir` (same file name) and returns its path. */
export async function writeSpecFor(auth: { issuer: string }, api: { url: string }, fixture: OAuthFixture, dir: string): Promise<string> {
  const path = join(dir, fixture);
  await writeFile(path, await specTextFor(auth, api, fixture));
  return path;
}
