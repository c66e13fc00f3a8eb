/**
 * End to end: the clientCredentials() builder's strategy against the real oidc-provider and the
 * pets resource server. A ClientCore is made by hand with the strategies the built credentials
 * make (the way a `<Name>Core` makes them; the generated wiring is tested with the generator).
 * Counts come from what the servers received.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SchemeSpec } from '../../src/runtime/auth-strategy.js';
import { testCore, type TestCore } from '../support/test-core.js';
import { clientCredentials, type ClientCredentialsOptions } from '../../src/runtime/oauth2/client-credentials.js';
import { privateKeyJwt } from '../../src/runtime/oauth2/private-key-jwt.js';
import { oauth2Strategies } from '../../src/runtime/oauth2/oauth2-strategies.js';
import type { AuthEnvironment, ClientCredentialsGrant, TokenSet } from '../../src/runtime/oauth2/types.js';
import type { OperationSpec } from '../../src/runtime/operation.js';
import { buildPlainCredentials } from '../../src/runtime/plain-credentials.js';
import { buildAuthStrategies } from '../../src/runtime/strategy-factory.js';
import { startOAuthStack, type OAuthStack } from '../support/oidc/stack.js';
import { clientAuthCases, mapTokenStore } from './support/client-auth-methods.js';
import { recordingFetch } from './support/recording-fetch.js';

let stack: OAuthStack;
beforeAll(async () => {
  stack = await startOAuthStack();
}, 30_000);
afterAll(() => stack?.stop());
beforeEach(() => stack.resetCounters());

/** The fixture's two schemes a client credentials grant fits (fixtures/oauth/pets-oauth.yaml). */
function schemes(): Record<string, SchemeSpec> {
  return {
    clientCredentials: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: stack.auth.tokenUrl, scopes: ['pets:read', 'pets:write'] } } },
    openIdConnect: { type: 'openIdConnect', url: stack.auth.discoveryUrl },
  };
}

const listPets = (scheme = 'clientCredentials'): OperationSpec => ({ id: 'listPets', method: 'GET', path: '/pets', params: [], security: [[[scheme, ['pets:read']]]] });

function client(auth: Record<string, object>, env: Partial<AuthEnvironment> = {}): TestCore {
  const baseUrl = stack.api.url;
  return testCore({ baseUrl, auth: buildAuthStrategies(schemes(), buildPlainCredentials(auth, [oauth2Strategies]) as object, { baseUrl, ...env }) });
}

/** A case's plain credential as the builder takes it: a private key becomes privateKeyJwt(…). */
function builtOptions({ privateKey, clientAuthMethod, ...rest }: ClientCredentialsGrant): ClientCredentialsOptions {
  if (privateKey !== undefined) return { ...rest, clientAuth: privateKeyJwt({ privateKey }) } as ClientCredentialsOptions;
  return { ...rest, ...(clientAuthMethod === undefined ? {} : { clientAuthMethod: clientAuthMethod as 'client_secret_post' }) } as ClientCredentialsOptions;
}

describe('clientCredentials(): each client-authentication method gets a token', () => {
  const methods = clientAuthCases(() => stack.auth);

  it.each(methods)('$name', async ({ credential, expected }) => {
    const core = client({ clientCredentials: clientCredentials(builtOptions(credential())) });
    await expect(core.request(listPets(), {})).resolves.toHaveLength(2);
    await core.request(listPets(), {});
    expect(stack.auth.tokenRequests.map((r) => [r.grantType, r.scope, r.status])).toEqual([['client_credentials', 'pets:read', 200]]);
    expect(stack.auth.tokenRequests[0]).toMatchObject(expected);
    expect(stack.auth.tokenRequests[0]!.paramNames.includes('client_secret')).toBe(expected.clientAuth === 'client_secret_post');
    // The resource server verified the token: issued to this client, with the operation's scope.
    expect(stack.api.requests.map((r) => [r.status, r.claims?.['client_id'], r.claims?.['scope']])).toEqual([
      [200, expected.clientId, 'pets:read'],
      [200, expected.clientId, 'pets:read'],
    ]);
  });
});

const basic = () => clientCredentials({ clientId: stack.auth.clients.basic.clientId, clientSecret: stack.auth.clients.basic.clientSecret });

describe('clientCredentials(): the token lifecycle', () => {
  it('100 concurrent calls on a fresh client make one token request', async () => {
    const core = client({ clientCredentials: basic() });
    const results = await Promise.all(Array.from({ length: 100 }, () => core.request(listPets(), {})));
    expect(results).toHaveLength(100);
    expect(stack.auth.tokenRequests).toHaveLength(1);
    expect(stack.api.requests).toHaveLength(100);
    expect(new Set(stack.api.requests.map((r) => r.authorization)).size).toBe(1);
  }, 30_000);

  it('a 401 renews the token once and the call succeeds', async () => {
    const core = client({ clientCredentials: basic() });
    stack.api.rejectNext(1);
    await expect(core.request(listPets(), {})).resolves.toHaveLength(2);
    expect(stack.auth.tokenRequests.map((r) => r.status)).toEqual([200, 200]);
    const [refused, retried] = stack.api.requests;
    expect([refused?.status, retried?.status]).toEqual([401, 200]);
    expect(retried?.authorization).not.toBe(refused?.authorization);
    await core.request(listPets(), {});
    expect(stack.auth.tokenRequests).toHaveLength(2);
  });

  it("the client's fetch and clock reach it: the token request goes through that fetch, its expiry is on that clock", async () => {
    const recording = recordingFetch();
    const now = Date.UTC(2030, 0, 1);
    const tokenStore = mapTokenStore();
    const core = client({ clientCredentials: basic() }, { fetch: recording.fetch, now: () => now, tokenStore });
    await core.request(listPets(), {});
    expect(recording.sent.map((r) => [r.method, r.url])).toEqual([['POST', stack.auth.tokenUrl]]);
    expect(stack.auth.tokenRequests).toHaveLength(1);
    const [stored] = [...tokenStore.entries.values()];
    // The test authorization server issues 6-second access tokens (test/support/oidc/provider.ts).
    expect(stored?.expiresAt).toBe(now + 6_000);
  });

  it("two schemes of one client share the client's token store (a built and a plain credential too)", async () => {
    const tokenStore = mapTokenStore();
    const { entries } = tokenStore;
    const seen: string[] = [];
    const onTokens = ({ scheme }: { scheme: string }) => void seen.push(scheme);
    const { clientId, clientSecret } = stack.auth.clients.basic;
    const core = client({ clientCredentials: basic(), openIdConnect: clientCredentials({ clientId, clientSecret }) }, { tokenStore, onTokens });
    await core.request(listPets('clientCredentials'), {});
    await core.request(listPets('openIdConnect'), {});
    expect(stack.auth.tokenRequests.map((r) => [r.grantType, r.clientId])).toEqual([
      ['client_credentials', 'keyway-basic'],
      ['client_credentials', 'keyway-basic'],
    ]);
    expect(entries.size).toBe(2);
    expect(seen).toEqual(['clientCredentials', 'openIdConnect']);

    // A second client on the same store: the plain credential finds the built one's token.
    const plain = client({ clientCredentials: { clientId, clientSecret } }, { tokenStore });
    await plain.request(listPets('clientCredentials'), {});
    expect(stack.auth.tokenRequests).toHaveLength(2);
    expect(stack.api.requests.at(-1)?.authorization).toBe(stack.api.requests[0]?.authorization);
  });
});
