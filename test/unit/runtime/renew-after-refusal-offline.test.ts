/**
 * renew-after-refusal.ts (asking strategies to renew after a 401 or 403) is loaded with import()
 * at the first refusal. When it cannot be loaded (a browser gone offline), the refusal is the
 * answer: an ApiError of its status, no renewal attempted.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../src/runtime/api-error.js';
import { clientCredentials, listPets, oauthClient } from './oauth2/support/oauth-client.js';
import { bearerRoute, json, startRawServer, type RawServer } from './oauth2/support/raw-server.js';

vi.mock('../../../src/runtime/renew-after-refusal.js', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

let server: RawServer;
let issued = 0;
beforeAll(async () => {
  server = await startRawServer();
  server.on('/oauth/token', (_request, response) => json(response, 200, { access_token: `tok-${++issued}`, token_type: 'Bearer', expires_in: 3600 }));
});
afterAll(() => server.close());

describe('a 401 whose renewal module cannot be loaded', () => {
  it('rejects with the ApiError 401, renewing nothing', async () => {
    server.on('/api/pets', bearerRoute(() => []));
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, { oauth: { clientId: 'app', clientSecret: 'SECRET-client' } });
    const error = await core.request(listPets(), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401 });
    expect(server.to('/oauth/token')).toHaveLength(1);
    expect(server.to('/api/pets')).toHaveLength(1);
  });
});
