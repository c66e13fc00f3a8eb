/**
 * The surface of a client generated from fixtures/oauth/*.yaml, as the OAuth end-to-end tests use
 * it, and how to get one: copy the fixture with the real servers' URLs (optionally edited), run
 * `generate()` into a temp dir, dynamic-import its index.ts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate } from '../../../src/generate.js';
import type { AuthorizationCodeFlow, TokenSet, TokenStore } from '../../../src/runtime/oauth2/types.js';
import type { FetchLike } from '../../../src/runtime/client-core.js';
import { writeSpecFor, type OAuthFixture } from '../../support/oidc/spec-fixtures.js';

export type { AuthorizationCodeFlow, FetchLike, TokenSet, TokenStore };

export interface Pet {
  id: number;
  name: string;
  tag?: string;
}

export interface Identity {
  sub?: string;
  client_id?: string;
  scope?: string;
  aud?: string;
  iss?: string;
}

/** ClientOptions of the generated client; `auth` loosely typed: each test passes one scheme's credential. */
export interface ClientOptions {
  baseUrl?: string;
  auth?: Record<string, object>;
  fetch?: FetchLike;
  tokenStore?: TokenStore;
  onTokens?: (event: { scheme: string; tokens: TokenSet }) => void | Promise<void>;
  clock?: () => number;
  allowInsecureHttp?: boolean;
}

export interface PetsClient {
  listPets(): Promise<Pet[]>;
  createPet(args: { body: { name: string; tag?: string } }): Promise<Pet>;
  getPet(args: { petId: number }): Promise<Pet>;
  whoAmI(): Promise<Identity>;
  authorization(scheme: string): AuthorizationCodeFlow;
}

export interface GeneratedApiError extends Error {
  status: number;
  body: unknown;
  operation: string;
}

export interface GeneratedTokenError extends Error {
  error: string;
  errorDescription?: string;
  status?: number;
  scheme: string;
}

export interface GeneratedOAuthModule {
  Client: new (options?: ClientOptions) => PetsClient;
  ApiError: new (...args: never[]) => GeneratedApiError;
  TokenError: new (...args: never[]) => GeneratedTokenError;
}

/** The class each fixture's `info.title` yields. */
const CLIENT_CLASS: Record<OAuthFixture, string> = {
  'pets-oauth.yaml': 'PetsOAuth20Client',
  'pets-oauth-3.2.yaml': 'PetsOAuth20OpenAPI32Client',
};

export interface GeneratedClient {
  /** The folder holding index.ts, client.ts, runtime/… */
  dir: string;
  mod: GeneratedOAuthModule;
  /** Everything index.ts exports (the `<Name>Core`, the operation functions, the builders). */
  exports: Record<string, unknown>;
}

/**
 * Generates the client for `fixture` (URLs of `servers`) into `workDir/<name>` and imports it.
 * `edit` rewrites the spec text first, e.g. to point one endpoint elsewhere.
 */
export async function generateOAuthClient(
  servers: { auth: { issuer: string }; api: { url: string } },
  fixture: OAuthFixture,
  workDir: string,
  options: { name?: string; edit?: (spec: string) => string } = {},
): Promise<GeneratedClient> {
  const name = options.name ?? 'client';
  const specPath = await writeSpecFor(servers.auth, servers.api, fixture, workDir);
  let input = specPath;
  if (options.edit !== undefined) {
    input = join(workDir, `${name}-${fixture}`);
    await writeFile(input, options.edit(await readFile(specPath, 'utf8')));
  }
  const dir = join(workDir, name);
  await generate({ input, output: dir });
  const exports = (await import(pathToFileURL(join(dir, 'index.ts')).href)) as Record<string, unknown>;
  const mod = {
    Client: exports[CLIENT_CLASS[fixture]],
    ApiError: exports['ApiError'],
    TokenError: exports['TokenError'],
  } as GeneratedOAuthModule;
  for (const [key, value] of Object.entries(mod)) {
    if (typeof value !== 'function') throw new Error(`the generated ${fixture} client exports no ${key}`);
  }
  return { dir, mod, exports };
}
