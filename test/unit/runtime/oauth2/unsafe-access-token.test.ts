/**
 * An access token an HTTP header cannot carry (CR/LF) is refused on every request that would send it,
 * not only the first: the strategy formats a token's header once and remembers which token that
 * header is for, and a refused token must not become "the token formatted" (the requests after it
 * went out with the previous token's header, found in review).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientCredentialsScheme, listPets, makeClient } from '../../../support/oauth2/client.js';
import { fakeClock, startServer, tokenJson, type TestServer } from '../../../support/oauth2/test-server.js';

describe('an access token with a line break', () => {
  let server: TestServer;
  const issued = ['good-token', 'bad\r\nX-Injected: 1'];

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.reset();
    let next = 0;
    server.on('/oauth/token', () => tokenJson(issued[Math.min(next++, issued.length - 1)]!, { expires_in: 60 }));
    server.on('/api/pets', (request) => ({ json: { authorization: request.headers.authorization ?? null } }));
  });

  it('is refused on every call that would send it, and the earlier token is never sent in its place', async () => {
    const clock = fakeClock();
    const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, { oauth: { clientId: 'app', clientSecret: 's' } }, clock.env);
    await expect(core.request(listPets(), {})).resolves.toEqual({ authorization: 'Bearer good-token' });
    clock.tick(60_000);
    for (let call = 0; call < 3; call++) {
      await expect(core.request(listPets(), {})).rejects.toThrow(/security scheme "oauth".*contains characters an HTTP header cannot carry/);
    }
    // One API request: the first. The refused token never reached the API, nor did the expired one.
    expect(server.to('/api/pets')).toHaveLength(1);
    expect(JSON.stringify(server.requests)).not.toContain('X-Injected');
  });
});
