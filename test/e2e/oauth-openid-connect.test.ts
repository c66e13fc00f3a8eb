/**
 * End to end: the `openIdConnect` scheme of the generated client. The spec names only the discovery
 * document, so the token endpoint can come from nowhere else; discovery is fetched once per client
 * however many calls, concurrent or not, need it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DISCOVERY_PATH } from '../support/oidc/request-log.js';
import { useOAuthE2E } from './support/oauth-e2e.js';
import { recordingFetch } from './support/recording-fetch.js';

const e2e = useOAuthE2E('pets-oauth.yaml');

beforeEach(() => e2e.stack.resetCounters());

function openIdConnectClient(fetch?: ReturnType<typeof recordingFetch>['fetch']) {
  const { clientId, clientSecret } = e2e.auth.clients.basic;
  return e2e.client({ auth: { openIdConnect: { clientId, clientSecret } }, ...(fetch === undefined ? {} : { fetch }) });
}

describe('openIdConnect', () => {
  it('two concurrent first calls share one discovery; the token endpoint comes from it', async () => {
    const recorder = recordingFetch();
    const client = openIdConnectClient(recorder.fetch);
    await Promise.all([client.listPets(), client.createPet({ body: { name: 'Kit' } })]);

    expect(e2e.auth.discoveryPaths).toEqual([DISCOVERY_PATH]);
    expect(e2e.auth.tokenRequests.map((r) => [r.grantType, r.scope, r.clientAuth, r.status]).sort()).toEqual([
      ['client_credentials', 'pets:read', 'client_secret_basic', 200],
      ['client_credentials', 'pets:write', 'client_secret_basic', 200],
    ]);
    // Discovery first, then the token endpoint the document names, then the API.
    const document = (await (await fetch(e2e.auth.discoveryUrl)).json()) as { token_endpoint: string };
    const toAuthServer = recorder.sent.filter((r) => r.url.startsWith(e2e.auth.issuer));
    expect(toAuthServer.map((r) => [r.method, r.url])).toEqual([
      ['GET', e2e.auth.discoveryUrl],
      ['POST', document.token_endpoint],
      ['POST', document.token_endpoint],
    ]);
    expect(e2e.api.requests.map((r) => [r.method, r.status, r.claims?.['scope']]).sort()).toEqual([
      ['GET', 200, 'pets:read'],
      ['POST', 201, 'pets:write'],
    ]);
  });

  it('many later calls: still one discovery, one token per scope set', async () => {
    const client = openIdConnectClient();
    await client.listPets();
    for (let call = 0; call < 5; call++) {
      await client.getPet({ petId: 1 });
      await client.listPets();
    }
    await client.whoAmI();
    expect(e2e.auth.discoveryRequests).toBe(1);
    // pets:read, then whoAmI's empty scope set.
    expect(e2e.auth.tokenRequests.map((r) => r.scope)).toEqual(['pets:read', undefined]);
    expect(e2e.api.requests).toHaveLength(12);
    expect(e2e.api.requests.every((r) => r.status === 200)).toBe(true);
  });
});
