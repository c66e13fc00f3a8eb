/**
 * End to end: the client generated from fixtures/oauth/pets-oauth.yaml, compiled under strict,
 * against the real oidc-provider and the pets resource server. Client credentials with every
 * client-authentication method, tokens cached per scope set, single flight, the renewal after a
 * 401, and a shared token store. Counts come from what the servers received.
 */
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { typecheck } from '../support/tsc.js';
import type { TokenSet } from './support/generated-oauth-client.js';
import { clientAuthCases, mapTokenStore } from './support/client-auth-methods.js';
import { useOAuthE2E } from './support/oauth-e2e.js';

const e2e = useOAuthE2E('pets-oauth.yaml');

beforeEach(() => e2e.stack.resetCounters());

describe('the generated client compiles', () => {
  it.each(['NodeNext', 'Bundler'] as const)('under strict with moduleResolution %s', async (moduleResolution) => {
    const result = await typecheck(e2e.generated.dir, { moduleResolution });
    expect(result.diagnostics).toBe('');
    expect(result.exitCode).toBe(0);
  }, 60_000);
});

function basicCredential() {
  const { clientId, clientSecret } = e2e.auth.clients.basic;
  return { clientId, clientSecret };
}

describe('client credentials, each client-authentication method', () => {
  const methods = clientAuthCases(() => e2e.auth);

  it.each(methods)('$name: each operation asks for its scopes, one token per scope set', async ({ credential, expected }) => {
    const client = e2e.client({ auth: { clientCredentials: credential() } });
    await client.listPets();
    await client.listPets();
    await expect(client.createPet({ body: { name: 'Kit' } })).resolves.toMatchObject({ name: 'Kit' });
    await client.createPet({ body: { name: 'Kat' } });

    const tokenRequests = e2e.auth.tokenRequests;
    expect(tokenRequests.map((r) => [r.grantType, r.scope, r.status])).toEqual([
      ['client_credentials', 'pets:read', 200],
      ['client_credentials', 'pets:write', 200],
    ]);
    for (const request of tokenRequests) expect(request).toMatchObject(expected);
    const secretSentInForm = tokenRequests.some((r) => r.paramNames.includes('client_secret'));
    expect(secretSentInForm).toBe(expected.clientAuth === 'client_secret_post');

    // The resource server verified each token and saw exactly the scope the operation needs.
    expect(e2e.api.requests.map((r) => [r.method, r.status, r.claims?.['scope'], r.claims?.['client_id']])).toEqual([
      ['GET', 200, 'pets:read', expected.clientId],
      ['GET', 200, 'pets:read', expected.clientId],
      ['POST', 201, 'pets:write', expected.clientId],
      ['POST', 201, 'pets:write', expected.clientId],
    ]);
    const [read1, read2, write1, write2] = e2e.api.requests.map((r) => r.authorization);
    expect(read1).toBe(read2);
    expect(write1).toBe(write2);
    expect(read1).not.toBe(write1);
  });
});

describe('single flight', () => {
  it('200 concurrent calls on a fresh client make exactly one token request', async () => {
    const client = e2e.client({ auth: { clientCredentials: basicCredential() } });
    const results = await Promise.all(Array.from({ length: 200 }, () => client.listPets()));
    expect(results).toHaveLength(200);
    expect(e2e.auth.tokenRequests).toHaveLength(1);
    expect(e2e.api.requests).toHaveLength(200);
    expect(new Set(e2e.api.requests.map((r) => r.status))).toEqual(new Set([200]));
    expect(new Set(e2e.api.requests.map((r) => r.authorization)).size).toBe(1);
  }, 15_000);
});

describe('a 401 on a token the client manages', () => {
  it('drops the token, gets a new one and retries once: the call succeeds', async () => {
    const client = e2e.client({ auth: { clientCredentials: basicCredential() } });
    e2e.api.rejectNext(1);
    await expect(client.listPets()).resolves.toHaveLength(2);
    expect(e2e.auth.tokenRequests.map((r) => r.status)).toEqual([200, 200]);
    const [rejected, retried] = e2e.api.requests;
    expect([rejected?.status, retried?.status]).toEqual([401, 200]);
    expect(retried?.authorization).not.toBe(rejected?.authorization);
    // The new token is kept: the next call needs no token request.
    await client.listPets();
    expect(e2e.auth.tokenRequests).toHaveLength(2);
    expect(e2e.api.requests.at(-1)?.authorization).toBe(retried?.authorization);
  });

  it('a second 401 rejects with ApiError 401 after exactly one retry', async () => {
    const client = e2e.client({ auth: { clientCredentials: basicCredential() } });
    e2e.api.rejectNext(2);
    const call = client.listPets();
    await expect(call).rejects.toBeInstanceOf(e2e.mod.ApiError);
    await expect(call).rejects.toMatchObject({ status: 401, operation: 'listPets' });
    expect(e2e.api.requests.map((r) => r.status)).toEqual([401, 401]);
    expect(e2e.auth.tokenRequests).toHaveLength(2);
  });
});

describe('tokenStore and onTokens', () => {
  it('a store shared by two clients: the second makes no token request', async () => {
    const tokenStore = mapTokenStore();
    const { entries } = tokenStore;
    const seenBy = { first: [] as TokenSet[], second: [] as TokenSet[] };
    const first = e2e.client({ auth: { clientCredentials: basicCredential() }, tokenStore, onTokens: ({ tokens }) => void seenBy.first.push(tokens) });
    const second = e2e.client({ auth: { clientCredentials: basicCredential() }, tokenStore, onTokens: ({ tokens }) => void seenBy.second.push(tokens) });

    await first.listPets();
    expect(e2e.auth.tokenRequests).toHaveLength(1);
    expect(entries.size).toBe(1);
    await second.listPets();
    await second.listPets();
    expect(e2e.auth.tokenRequests).toHaveLength(1);

    expect(seenBy.first).toHaveLength(1);
    expect(seenBy.second).toHaveLength(0);
    const issued = seenBy.first[0]!;
    expect(issued).toMatchObject({ tokenType: 'Bearer', scope: 'pets:read' });
    expect([...entries.values()]).toEqual([issued]);
    expect(e2e.api.requests.map((r) => r.authorization)).toEqual(Array(3).fill(`Bearer ${issued.accessToken}`));
  });
});
