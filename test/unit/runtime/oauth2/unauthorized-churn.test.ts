/**
 * An API that answers 401 to every token: renewing helps once at most. After a renewed token is
 * refused too, 401s on it are final for a cool-down, and the ApiError says why.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/runtime/api-error.js';
import { RENEWAL_COOL_DOWN_MS } from '../../../../src/runtime/oauth2/oauth2-auth.js';
import { clientCredentials, listPets, oauthClient } from './support/oauth-client.js';
import { bearerRoute, json, startRawServer, type RawServer } from './support/raw-server.js';

let server: RawServer;
let issued = 0;
beforeAll(async () => {
  server = await startRawServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  issued = 0;
  server.on('/oauth/token', (_request, response) => json(response, 200, { access_token: `tok-${++issued}`, token_type: 'Bearer', expires_in: 3600 }));
});

const credentials = { oauth: { clientId: 'app', clientSecret: 'SECRET-client' } };

describe('401 churn', () => {
  it('20 calls to an API that refuses every token cost 2 token requests, not 21', async () => {
    server.on('/api/pets', bearerRoute(() => []));
    let now = 1_000_000;
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, credentials, { now: () => now });
    const errors: unknown[] = [];
    for (let i = 0; i < 20; i++) errors.push(await core.request(listPets(), {}).catch((e: unknown) => e));
    expect(errors.every((error) => error instanceof ApiError && error.status === 401)).toBe(true);
    expect(server.to('/oauth/token')).toHaveLength(2);
    expect(server.to('/api/pets')).toHaveLength(21); // the first call retried once with the renewed token
    const later = errors[1] as ApiError;
    expect(later.authNote).toMatch(/^security scheme "oauth": a token renewed after a 401 was refused too; not renewing again for \d+ s$/);
    expect(later.message).toContain('not renewing again');
    // After the cool-down, one more renewal is tried.
    now += RENEWAL_COOL_DOWN_MS;
    await core.request(listPets(), {}).catch(() => undefined);
    expect(server.to('/oauth/token')).toHaveLength(3);
  });

  it('a revoked token is still renewed and the call succeeds', async () => {
    server.on('/api/pets', bearerRoute(() => (issued >= 2 ? [`tok-${issued}`] : [])));
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, credentials);
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'tok-2' });
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'tok-2' });
    expect(server.to('/oauth/token')).toHaveLength(2);
  });

  it('concurrent calls refused together still share one renewal', async () => {
    server.on('/api/pets', bearerRoute(() => []));
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, credentials);
    await core.request(listPets(), {}).catch(() => undefined);
    expect(server.to('/oauth/token')).toHaveLength(2);
    const results = await Promise.all(Array.from({ length: 5 }, () => core.request(listPets(), {}).catch((e: unknown) => e)));
    expect(results.every((error) => error instanceof ApiError && error.authNote !== undefined)).toBe(true);
    expect(server.to('/oauth/token')).toHaveLength(2);
  });
});
