/**
 * One OAuth end-to-end test file's world: the real authorization and resource servers
 * (test/support/oidc) and a client generated for them.
 *
 *   const e2e = useOAuthE2E('pets-oauth.yaml'); // started before the file's tests, stopped after
 *   const client = e2e.client({ auth: { clientCredentials: { clientId, clientSecret } } });
 */
import { afterAll, beforeAll } from 'vitest';
import type { OAuthFixture } from '../../support/oidc/spec-fixtures.js';
import { startOAuthStack, type OAuthStack } from '../../support/oidc/stack.js';
import type { AuthServerOptions } from '../../support/oidc/provider.js';
import { makeTempDir, removeTempDir } from '../../support/tmp.js';
import { generateOAuthClient, type ClientOptions, type GeneratedClient, type GeneratedOAuthModule, type PetsClient } from './generated-oauth-client.js';

export interface OAuthE2E {
  stack: OAuthStack;
  auth: OAuthStack['auth'];
  api: OAuthStack['api'];
  /** Temp dir holding the spec copies and generated clients. */
  workDir: string;
  generated: GeneratedClient;
  mod: GeneratedOAuthModule;
  /** A new instance of the generated client; its default baseUrl already is the resource server. */
  client(options?: ClientOptions): PetsClient;
  /** Another client generated from an edited copy of the fixture (see generateOAuthClient). */
  variant(name: string, edit: (spec: string) => string): Promise<GeneratedClient>;
  stop(): Promise<void>;
}

export async function startOAuthE2E(fixture: OAuthFixture, stackOptions: AuthServerOptions = {}): Promise<OAuthE2E> {
  const workDir = await makeTempDir('keyway-oauth-e2e-');
  let stack: OAuthStack | undefined;
  try {
    stack = await startOAuthStack(stackOptions);
    const servers = stack;
    const generated = await generateOAuthClient(servers, fixture, workDir);
    return {
      stack,
      auth: stack.auth,
      api: stack.api,
      workDir,
      generated,
      mod: generated.mod,
      client: (options = {}) => new generated.mod.Client(options),
      variant: (name, edit) => generateOAuthClient(servers, fixture, workDir, { name, edit }),
      async stop() {
        await servers.stop();
        await removeTempDir(workDir);
      },
    };
  } catch (error) {
    await stack?.stop();
    await removeTempDir(workDir);
    throw error;
  }
}

/** Starting the servers and generating the client takes a few seconds, more on a loaded machine. */
const START_TIMEOUT_MS = 30_000;

/**
 * The world of one test file: started in `beforeAll`, stopped in `afterAll`. The object it returns
 * reads the started world at each use, so it is declared once at the top of the file.
 */
export function useOAuthE2E(fixture: OAuthFixture, stackOptions: AuthServerOptions = {}): OAuthE2E {
  let world: OAuthE2E | undefined;
  beforeAll(async () => {
    world = await startOAuthE2E(fixture, stackOptions);
  }, START_TIMEOUT_MS);
  afterAll(() => world?.stop());
  return new Proxy({} as OAuthE2E, {
    get(_, key) {
      if (world === undefined) throw new Error(`the OAuth e2e world for ${fixture} is used before beforeAll started it`);
      return Reflect.get(world, key);
    },
  });
}
