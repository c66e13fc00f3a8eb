import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientCredentialsScheme, listPets, makeClient } from '../../../support/oauth2/client.js';
import { bearerApi, startServer, tokenJson, type TestServer } from '../../../support/oauth2/test-server.js';

let server: TestServer;
let release: () => void;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

beforeEach(() => {
  server.reset();
  const gate = new Promise<void>((resolve) => (release = resolve));
  // The token endpoint answers only when the test says so.
  server.on('/oauth/token', async () => {
    await gate;
    return tokenJson('tok-1', { expires_in: 3600 });
  });
  server.on('/api/pets', bearerApi(() => ['tok-1']));
});

describe('a call aborted while it waits for a token', () => {
  it('rejects at once with the signal reason; the shared token request still serves the others', async () => {
    const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, { oauth: { clientId: 'app', clientSecret: 's' } });
    const controller = new AbortController();
    const aborted = core.request(listPets(), {}, { signal: controller.signal });
    const patient = core.request(listPets(), {});
    await new Promise((r) => setTimeout(r, 50)); // both now wait on the one token request
    controller.abort(new Error('user gave up'));
    await expect(aborted).rejects.toThrow('user gave up');
    expect(server.to('/api/pets')).toHaveLength(0);
    release();
    await expect(patient).resolves.toBeDefined();
    expect(server.to('/oauth/token')).toHaveLength(1);
    expect(server.to('/api/pets')).toHaveLength(1);
  });
});
