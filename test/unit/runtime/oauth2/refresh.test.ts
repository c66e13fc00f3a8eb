import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SchemeSpec } from '../../../../src/runtime/auth-strategy.js';
import { MemoryTokenStore } from '../../../../src/runtime/oauth2/memory-token-store.js';
import type { OAuth2Auth } from '../../../../src/runtime/oauth2/oauth2-auth.js';
import { TokenError } from '../../../../src/runtime/oauth2/token-error.js';
import { tokenKey } from '../../../support/oauth2/token-key.js';
import { clientCredentialsScheme, listPets, makeClient } from '../../../support/oauth2/client.js';
import { bearerApi, fakeClock, startServer, tokenJson, type Recorded, type Reply, type TestServer } from '../../../support/oauth2/test-server.js';

let server: TestServer;
let valid: string[];

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  valid = [];
  server.on('/api/pets', bearerApi(() => valid));
});

/** Token endpoint that answers each grant type with the handler given. */
function tokenEndpoint(path: string, grants: Record<string, (request: Recorded, n: number) => Reply>) {
  const counts = new Map<string, number>();
  server.on(path, (request) => {
    const grant = request.grantType ?? '';
    const n = (counts.get(grant) ?? 0) + 1;
    counts.set(grant, n);
    const handler = grants[grant];
    if (handler === undefined) return { status: 400, json: { error: 'unsupported_grant_type' } };
    const reply = handler(request, n);
    const token = (reply.json as { access_token?: string } | undefined)?.access_token;
    if (token !== undefined) valid.push(token);
    return reply;
  });
}

const invalidGrant: Reply = { status: 400, json: { error: 'invalid_grant', error_description: 'refresh token expired' } };

const authorizationCode: SchemeSpec = {
  type: 'oauth2',
  flows: { authorizationCode: { authorizationUrl: '/oauth/authorize', tokenUrl: '/oauth/token', scopes: ['pets:read'] } },
};

describe('refresh tokens', () => {
  it('uses the refresh token once the access token expires, authenticated as the client', async () => {
    tokenEndpoint('/oauth/token', {
      client_credentials: () => tokenJson('cc-1', { expires_in: 60, refresh_token: 'r1' }),
      refresh_token: (_r, n) => tokenJson(`refreshed-${n}`, { expires_in: 60 }),
    });
    const clock = fakeClock();
    const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, { oauth: { clientId: 'app', clientSecret: 's' } }, clock.env);
    await core.request(listPets(), {});
    clock.tick(60_000);
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'refreshed-1' });
    const [, refresh] = server.to('/oauth/token');
    expect(refresh!.grantType).toBe('refresh_token');
    expect(refresh!.form.get('refresh_token')).toBe('r1');
    expect(refresh!.basic).toEqual({ id: 'app', secret: 's' });
  });

  it('a rotated refresh token replaces the old one; a response without one keeps it', async () => {
    tokenEndpoint('/oauth/token', {
      client_credentials: () => tokenJson('cc-1', { expires_in: 60, refresh_token: 'r1' }),
      refresh_token: (_r, n) => tokenJson(`refreshed-${n}`, n === 1 ? { expires_in: 60, refresh_token: 'r2' } : { expires_in: 60 }),
    });
    const clock = fakeClock();
    const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, { oauth: { clientId: 'app', clientSecret: 's' } }, clock.env);
    for (let i = 0; i < 4; i++) {
      await core.request(listPets(), {});
      clock.tick(60_000);
    }
    expect(server.to('/oauth/token').map((r) => r.form.get('refresh_token'))).toEqual([null, 'r1', 'r2', 'r2']);
  });

  it('goes to refreshUrl when the flow declares one', async () => {
    tokenEndpoint('/oauth/token', { client_credentials: () => tokenJson('cc-1', { expires_in: 60, refresh_token: 'r1' }) });
    tokenEndpoint('/oauth/refresh', { refresh_token: () => tokenJson('from-refresh-url', { expires_in: 60 }) });
    const clock = fakeClock();
    const scheme = clientCredentialsScheme('/oauth/token', { refreshUrl: '/oauth/refresh' });
    const { core } = makeClient(server.origin, { oauth: scheme }, { oauth: { clientId: 'app', clientSecret: 's' } }, clock.env);
    await core.request(listPets(), {});
    clock.tick(60_000);
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'from-refresh-url' });
    expect(server.to('/oauth/refresh')).toHaveLength(1);
  });

  it('client credentials: a rejected refresh falls back to the original grant', async () => {
    tokenEndpoint('/oauth/token', {
      client_credentials: (_r, n) => tokenJson(`cc-${n}`, { expires_in: 60, refresh_token: `r${n}` }),
      refresh_token: () => invalidGrant,
    });
    const clock = fakeClock();
    const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, { oauth: { clientId: 'app', clientSecret: 's' } }, clock.env);
    await core.request(listPets(), {});
    clock.tick(60_000);
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'cc-2' });
    expect(server.to('/oauth/token').map((r) => r.grantType)).toEqual(['client_credentials', 'refresh_token', 'client_credentials']);
  });

  it('password: a rejected refresh falls back to the password grant', async () => {
    tokenEndpoint('/oauth/token', {
      password: (_r, n) => tokenJson(`pw-${n}`, { expires_in: 60, refresh_token: `r${n}` }),
      refresh_token: () => invalidGrant,
    });
    const clock = fakeClock();
    const scheme: SchemeSpec = { type: 'oauth2', flows: { password: { tokenUrl: '/oauth/token', scopes: [] } } };
    const { core } = makeClient(server.origin, { oauth: scheme }, { oauth: { clientId: 'app', username: 'ann', password: 'pw' } }, clock.env);
    await core.request(listPets(), {});
    clock.tick(60_000);
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'pw-2' });
    const requests = server.to('/oauth/token');
    expect(requests.map((r) => r.grantType)).toEqual(['password', 'refresh_token', 'password']);
    expect(requests[2]!.form.get('username')).toBe('ann');
    expect(requests[2]!.form.get('password')).toBe('pw');
  });

  it('a refresh failing for another reason is not papered over by the original grant', async () => {
    tokenEndpoint('/oauth/token', {
      client_credentials: () => tokenJson('cc-1', { expires_in: 60, refresh_token: 'r1' }),
      refresh_token: () => ({ status: 401, json: { error: 'invalid_client' } }),
    });
    const clock = fakeClock();
    const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, { oauth: { clientId: 'app', clientSecret: 's' } }, clock.env);
    await core.request(listPets(), {});
    clock.tick(60_000);
    await expect(core.request(listPets(), {})).rejects.toMatchObject({ name: 'TokenError', error: 'invalid_client', status: 401 });
    expect(server.to('/oauth/token')).toHaveLength(2);
  });
});

describe('authorization code tokens passed in', () => {
  it('a refresh token alone is redeemed before the first request', async () => {
    tokenEndpoint('/oauth/token', { refresh_token: () => tokenJson('ac-1', { expires_in: 3600, refresh_token: 'r2' }) });
    const { core } = makeClient(server.origin, { oauth: authorizationCode }, { oauth: { clientId: 'spa', refreshToken: 'r1' } }, fakeClock().env);
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'ac-1' });
    const [refresh] = server.to('/oauth/token');
    expect(refresh!.form.get('refresh_token')).toBe('r1');
    expect(refresh!.clientAuth).toBe('none');
    expect(refresh!.form.get('client_id')).toBe('spa');
  });

  it('a valid access token is used as is until it expires, then refreshed', async () => {
    tokenEndpoint('/oauth/token', { refresh_token: () => tokenJson('ac-2', { expires_in: 3600 }) });
    valid.push('given');
    const clock = fakeClock();
    const credential = { clientId: 'spa', accessToken: 'given', refreshToken: 'r1', expiresAt: clock.now + 600_000 };
    const { core } = makeClient(server.origin, { oauth: authorizationCode }, { oauth: credential }, clock.env);
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'given' });
    expect(server.to('/oauth/token')).toHaveLength(0);
    clock.tick(600_000);
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'ac-2' });
  });

  it('without a token store, tokens saved while a refresh is refused (a sign-in meanwhile) are kept', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let asked!: () => void;
    const refreshing = new Promise<void>((resolve) => (asked = resolve));
    server.on('/oauth/token', async () => {
      asked();
      await gate;
      return invalidGrant;
    });
    valid.push('T_new');
    const { core, auth } = makeClient(server.origin, { oauth: authorizationCode }, { oauth: { clientId: 'spa', refreshToken: 'R_old' } }, fakeClock().env);
    const first = core.request(listPets(), {}).catch((error: unknown) => error);
    await refreshing;
    await (auth.get('oauth') as OAuth2Auth).save([], { accessToken: 'T_new', refreshToken: 'R_new', tokenType: 'Bearer' });
    release();
    expect(await first).toMatchObject({ name: 'TokenError', error: 'login_required' });
    // Forgetting the dead refresh token dropped only that set: the saved one is still there.
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'T_new' });
    expect(server.to('/oauth/token')).toHaveLength(1);
  });

  it('a rejected refresh token means the user must sign in again; the dead tokens are deleted', async () => {
    tokenEndpoint('/oauth/token', {
      refresh_token: () => tokenJson('ac-1', { expires_in: 60, refresh_token: 'r2' }),
    });
    const clock = fakeClock();
    const store = new MemoryTokenStore();
    const { core } = makeClient(server.origin, { oauth: authorizationCode }, { oauth: { clientId: 'spa', refreshToken: 'r1' } }, { ...clock.env, tokenStore: store });
    await core.request(listPets(), {});
    expect(await store.get(tokenKey('oauth', 'spa', []))).toMatchObject({ refreshToken: 'r2' });
    tokenEndpoint('/oauth/token', { refresh_token: () => invalidGrant });
    clock.tick(60_000);
    const error = await core.request(listPets(), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ error: 'login_required', scheme: 'oauth' });
    expect((error as Error).message).toMatch(/sign the user in again/);
    expect(await store.get(tokenKey('oauth', 'spa', []))).toBeUndefined();
  });

  it('an expired access token without a refresh token: login_required, no token request', async () => {
    const clock = fakeClock();
    const credential = { clientId: 'spa', accessToken: 'old', expiresAt: clock.now - 1 };
    const { core } = makeClient(server.origin, { oauth: authorizationCode }, { oauth: credential }, clock.env);
    await expect(core.request(listPets(), {})).rejects.toMatchObject({ name: 'TokenError', error: 'login_required' });
    expect(server.requests).toHaveLength(0);
  });

  it('a 401 on an access token without a refresh token: login_required', async () => {
    const { core } = makeClient(server.origin, { oauth: authorizationCode }, { oauth: { clientId: 'spa', accessToken: 'revoked' } }, fakeClock().env);
    await expect(core.request(listPets(), {})).rejects.toMatchObject({ name: 'TokenError', error: 'login_required' });
    expect(server.to('/api/pets')).toHaveLength(1);
    expect(server.to('/oauth/token')).toHaveLength(0);
  });

  it('a 401 with a refresh token refreshes and retries', async () => {
    tokenEndpoint('/oauth/token', { refresh_token: () => tokenJson('ac-new', { expires_in: 3600 }) });
    const { core } = makeClient(server.origin, { oauth: authorizationCode }, { oauth: { clientId: 'spa', accessToken: 'revoked', refreshToken: 'r1' } }, fakeClock().env);
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'ac-new' });
    expect(server.to('/oauth/token').map((r) => r.form.get('refresh_token'))).toEqual(['r1']);
  });
});
