/**
 * One OAuth end-to-end test file's world: the real authorization and resource servers
 * (test/support/oidc) and a client generated for them.
 *
 *   const e2e = await startOAuthE2E('pets-oauth.yaml');
 *   const client = e2e.client({ auth: { clientCredentials: { clientId, clientSecret } } });
 *   afterAll(() => e2e.stop());
 */
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
