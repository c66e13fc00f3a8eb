/**
 * renew-after-refusal.ts (asking strategies to renew after a 401 or 403) is loaded with import()
 * at the first refusal. When it cannot be loaded (a browser gone offline), the refusal is the
 * answer: an ApiError of its status, no renewal attempted.
 */
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../src/runtime/api-error.js';
import { clientCredentials, listPets, oauthClient } from './oauth2/support/oauth-client.js';
import { bearerRoute, useTokenIssuingServer } from './oauth2/support/raw-server.js';

vi.mock('../../../src/runtime/renew-after-refusal.js', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

const tokens = useTokenIssuingServer();

describe('a 401 whose renewal module cannot be loaded', () => {
  it('rejects with the ApiError 401, renewing nothing', async () => {
    tokens.server.on('/api/pets', bearerRoute(() => []));
    const { core } = oauthClient(tokens.server.origin, { oauth: clientCredentials() }, { oauth: { clientId: 'app', clientSecret: 'SECRET-client' } });
    const error = await core.request(listPets(), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401 });
    expect(tokens.server.to('/oauth/token')).toHaveLength(1);
    expect(tokens.server.to('/api/pets')).toHaveLength(1);
  });
});
