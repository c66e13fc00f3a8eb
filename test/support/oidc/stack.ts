/**
 * Both test servers at once: the authorization server and the pets resource server that trusts it.
 *
 *   const { auth, api, stop } = await startOAuthStack({ accessTokenTTL: 2 });
 *   afterAll(() => stop());
 */
import { startAuthServer, type AuthServer, type AuthServerOptions } from './provider.js';
import { startResourceServer, type ResourceServer } from './resource-server.js';

export interface OAuthStack {
  auth: AuthServer;
  api: ResourceServer;
  /** Empties both servers' request logs. */
  resetCounters(): void;
  stop(): Promise<void>;
}

export async function startOAuthStack(options: AuthServerOptions = {}): Promise<OAuthStack> {
  const auth = await startAuthServer(options);
  let api: ResourceServer;
  try {
    api = await startResourceServer({ issuer: auth.issuer, jwksUri: auth.jwksUri, audience: auth.audience });
  } catch (error) {
    await auth.stop();
    throw error;
  }
  return {
    auth,
    api,
    resetCounters() {
      auth.resetCounters();
      api.resetRequests();
    },
    async stop() {
      await Promise.all([api.stop(), auth.stop()]);
    },
  };
}
