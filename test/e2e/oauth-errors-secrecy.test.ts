/**
 * End to end: what the generated client reveals and where it sends credentials. Typed TokenErrors
 * from the real oidc-provider that quote no secret; no secret or token in `util.inspect` of a
 * client that holds them; client credentials only to the token endpoint, access tokens only to the
 * API origin (not even across a redirect); and no http token endpoint off loopback.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GeneratedClient, TokenSet } from './support/generated-oauth-client.js';
import { useOAuthE2E } from './support/oauth-e2e.js';
import { recordingFetch } from './support/recording-fetch.js';
import { startRedirector, type Redirector } from './support/redirector.js';
import { shiftedClock } from './support/test-clock.js';

const e2e = useOAuthE2E('pets-oauth.yaml');

beforeEach(() => e2e.stack.resetCounters());

/** Everything an error can show: message, stack, and its own properties and causes, deeply. */
function everythingShown(error: unknown): string {
  const shown = error instanceof Error ? `${error.message}\n${error.stack}\n` : '';
  return shown + inspect(error, { showHidden: true, depth: 10 });
}

function expectNoneOf(text: string, secrets: readonly string[]): void {
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(5); // a blank secret would prove nothing
    expect(text).not.toContain(secret);
  }
}

const WRONG_SECRET = 'wrong-secret-7d3a91';

describe('typed token errors that quote no secret', () => {
  it('a wrong client secret: TokenError invalid_client, 401, and no API request', async () => {
    const client = e2e.client({ auth: { clientCredentials: { clientId: e2e.auth.clients.basic.clientId, clientSecret: WRONG_SECRET } } });
    const error = await client.listPets().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(e2e.mod.TokenError);
    expect(error).toMatchObject({ name: 'TokenError', error: 'invalid_client', status: 401, scheme: 'clientCredentials' });
    expectNoneOf(everythingShown(error), [WRONG_SECRET, e2e.auth.clients.basic.clientSecret]);
    expect(e2e.auth.tokenRequests.map((r) => [r.clientAuth, r.status, r.error])).toEqual([['client_secret_basic', 401, 'invalid_client']]);
    expect(e2e.api.requests).toHaveLength(0);
  });

  it("a wrong user password: TokenError invalid_grant that does not quote it", async () => {
    const { clientId, clientSecret } = e2e.auth.clients.basic;
    const wrongPassword = `${e2e.auth.users.alice.password}!`;
    const client = e2e.client({ auth: { password: { clientId, clientSecret, username: 'alice', password: wrongPassword } } });
    const error = await client.listPets().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(e2e.mod.TokenError);
    expect(error).toMatchObject({ error: 'invalid_grant', status: 400 });
    expectNoneOf(everythingShown(error), [wrongPassword, encodeURIComponent(wrongPassword), clientSecret]);
  });
});

describe('inspecting a client that holds credentials and tokens', () => {
  it('shows no secret, password, refresh token or access token', async () => {
    const { clientId, clientSecret } = e2e.auth.clients.basic;
    const { username, password } = e2e.auth.users.alice;
    const clock = shiftedClock();
    const issued: TokenSet[] = [];
    const client = e2e.client({ auth: { password: { clientId, clientSecret, username, password } }, clock: clock.now, onTokens: ({ tokens }) => void issued.push(tokens) });
    await client.listPets();
    await client.createPet({ body: { name: 'Kit' } });
    clock.advance(6_000);
    await client.listPets(); // a refresh: the client now holds a rotated refresh token too
    expect(e2e.auth.tokenRequests.map((r) => r.grantType)).toEqual(['password', 'password', 'refresh_token']);

    const tokens = issued.flatMap((set) => [set.accessToken, set.refreshToken ?? '']);
    expect(tokens.filter((token) => token !== '')).toHaveLength(6);
    const shown = inspect(client, { showHidden: true, depth: 10 }) + JSON.stringify(client);
    expectNoneOf(shown, [clientSecret, password, encodeURIComponent(password), ...tokens]);
  });

  it('shows no part of a private_key_jwt key', async () => {
    const key = e2e.auth.clientKeys.ES256;
    const client = e2e.client({ auth: { clientCredentials: { clientId: e2e.auth.clients.jwt.clientId, privateKey: key.privateJwk } } });
    await client.listPets();
    expect(e2e.auth.tokenRequests.map((r) => [r.clientAuth, r.status])).toEqual([['private_key_jwt', 200]]);
    expectNoneOf(inspect(client, { showHidden: true, depth: 10 }) + JSON.stringify(client), [String(key.privateJwk.d)]);
  });
});

describe('where credentials go', () => {
  it('client credentials and the password only to the token endpoint, access tokens only to the API', async () => {
    const { clientId, clientSecret } = e2e.auth.clients.basic;
    const { username, password } = e2e.auth.users.alice;
    const recorder = recordingFetch();
    const client = e2e.client({ auth: { password: { clientId, clientSecret, username, password } }, fetch: recorder.fetch });
    await client.listPets();
    await client.createPet({ body: { name: 'Kit' } });

    const toToken = recorder.sent.filter((r) => r.url === e2e.auth.tokenUrl);
    const toApi = recorder.sent.filter((r) => r.url.startsWith(`${e2e.api.url}/`));
    expect(toToken.length + toApi.length).toBe(recorder.sent.length);
    expect([toToken.length, toApi.length]).toEqual([2, 2]);
    for (const request of toToken) {
      expect(request.authorization).toMatch(/^Basic /);
      expect(new URLSearchParams(request.body).get('password')).toBe(password);
    }
    for (const request of toApi) {
      expect(request.authorization).toMatch(/^Bearer /);
      expectNoneOf(`${request.authorization}\n${request.body}`, [clientSecret, password, encodeURIComponent(password)]);
    }
    expect(e2e.api.requests.map((r) => r.authorization)).toEqual(toApi.map((r) => r.authorization));
  });

  describe('a redirect from the API origin to another origin', () => {
    let redirector: Redirector;

    beforeAll(async () => {
      redirector = await startRedirector(e2e.api.url);
    });
    afterAll(() => redirector?.stop());

    it('is followed without the access token, and its 401 is not retried', async () => {
      const { clientId, clientSecret } = e2e.auth.clients.basic;
      const client = e2e.client({ baseUrl: redirector.url, auth: { clientCredentials: { clientId, clientSecret } } });
      const call = client.listPets();
      await expect(call).rejects.toBeInstanceOf(e2e.mod.ApiError);
      await expect(call).rejects.toMatchObject({ status: 401 });
      expect(redirector.authorizations).toHaveLength(1);
      expect(redirector.authorizations[0]).toMatch(/^Bearer /);
      // The other origin saw the request, but no credentials: a bare challenge, no invalid_token.
      expect(e2e.api.requests.map((r) => [r.url, r.authorization, r.status, r.error])).toEqual([['/pets', undefined, 401, undefined]]);
      expect(e2e.auth.tokenRequests).toHaveLength(1);
    });
  });
});

describe('https for token endpoints off loopback', () => {
  let insecure: GeneratedClient;

  beforeAll(async () => {
    insecure = await e2e.variant('insecure-token-url', (spec) => spec.replaceAll(`${e2e.auth.issuer}/token`, 'http://auth.example.invalid/token'));
  }, 30_000);

  it('refuses an http token URL on a non-loopback host before any network I/O', () => {
    const recorder = recordingFetch();
    const { clientId, clientSecret } = e2e.auth.clients.basic;
    const construct = () => new insecure.mod.Client({ auth: { clientCredentials: { clientId, clientSecret } }, fetch: recorder.fetch });
    expect(construct).toThrow(TypeError);
    expect(construct).toThrow(/"clientCredentials": tokenUrl must be an https URL$/);
    expect(recorder.sent).toHaveLength(0);
    expect(e2e.auth.tokenRequests).toHaveLength(0);
  });

  it('allowInsecureHttp lifts the refusal', () => {
    const { clientId, clientSecret } = e2e.auth.clients.basic;
    expect(() => new insecure.mod.Client({ auth: { clientCredentials: { clientId, clientSecret } }, allowInsecureHttp: true })).not.toThrow();
  });
});
