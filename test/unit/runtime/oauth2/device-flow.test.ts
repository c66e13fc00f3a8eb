import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SchemeSpec } from '../../../../src/runtime/auth-strategy.js';
import { TokenError } from '../../../../src/runtime/oauth2/token-error.js';
import type { DeviceCodePrompt } from '../../../../src/runtime/oauth2/types.js';
import { listPets, makeClient } from '../../../support/oauth2/client.js';
import { bearerApi, fakeClock, startServer, tokenJson, type Reply, type TestServer } from '../../../support/oauth2/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.on('/api/pets', bearerApi(() => ['device-token']));
});

const scheme: SchemeSpec = {
  type: 'oauth2',
  flows: { deviceAuthorization: { deviceAuthorizationUrl: '/oauth/device', tokenUrl: '/oauth/token', scopes: ['pets:read'] } },
};

function deviceEndpoint(extra: Record<string, unknown> = {}) {
  server.on('/oauth/device', () => ({
    json: { device_code: 'dev-code', user_code: 'WDJB-MJHT', verification_uri: 'https://example.com/device', verification_uri_complete: 'https://example.com/device?user_code=WDJB-MJHT', expires_in: 1800, ...extra },
  }));
}

/** The token endpoint answers the polls in order; the last answer repeats. */
function polls(...answers: Reply[]) {
  server.on('/oauth/token', (_request, n) => answers[Math.min(n, answers.length) - 1]!);
}

const pending: Reply = { status: 400, json: { error: 'authorization_pending' } };

function deviceClient(prompts: DeviceCodePrompt[], clock = fakeClock()) {
  const credential = { clientId: 'tv', onUserCode: (prompt: DeviceCodePrompt) => void prompts.push(prompt) };
  return { ...makeClient(server.origin, { oauth: scheme }, { oauth: credential }, clock.env), clock };
}

describe('device authorization (RFC 8628)', () => {
  it('shows the user code, then polls at the interval, slowing down by 5 s when told', async () => {
    deviceEndpoint({ interval: 3 });
    polls(pending, { status: 400, json: { error: 'slow_down' } }, pending, tokenJson('device-token', { expires_in: 3600 }));
    const prompts: DeviceCodePrompt[] = [];
    const { core, clock } = deviceClient(prompts);
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'device-token' });
    expect(prompts).toEqual([{ userCode: 'WDJB-MJHT', verificationUri: 'https://example.com/device', verificationUriComplete: 'https://example.com/device?user_code=WDJB-MJHT', expiresIn: 1800 }]);
    expect(clock.sleeps).toEqual([3000, 3000, 8000, 8000]);
    const [device] = server.to('/oauth/device');
    expect(Object.fromEntries(device!.form)).toEqual({ client_id: 'tv', scope: 'pets:read' });
    const tokenPolls = server.to('/oauth/token');
    expect(tokenPolls).toHaveLength(4);
    for (const poll of tokenPolls) {
      expect(Object.fromEntries(poll.form)).toEqual({ grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: 'dev-code', client_id: 'tv' });
    }
  });

  it('waits 5 s between polls when the server gives no interval', async () => {
    deviceEndpoint();
    polls(pending, tokenJson('device-token'));
    const { core, clock } = deviceClient([]);
    await core.request(listPets(), {});
    expect(clock.sleeps).toEqual([5000, 5000]);
  });

  it.each(['access_denied', 'expired_token'])('%s ends the flow with a TokenError', async (code) => {
    deviceEndpoint({ interval: 1 });
    polls(pending, { status: 400, json: { error: code } });
    const { core } = deviceClient([]);
    const error = await core.request(listPets(), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ error: code, scheme: 'oauth' });
    expect(server.to('/oauth/token')).toHaveLength(2);
  });

  it('stops polling when the user code expires, by the clock', async () => {
    deviceEndpoint({ interval: 5, expires_in: 12 });
    polls(pending);
    const { core } = deviceClient([]);
    await expect(core.request(listPets(), {})).rejects.toMatchObject({ error: 'expired_token' });
    expect(server.to('/oauth/token')).toHaveLength(2); // at 5 s and 10 s; at 15 s the code is dead
  });

  it('concurrent calls run one device flow', async () => {
    deviceEndpoint({ interval: 1 });
    polls(pending, tokenJson('device-token'));
    const prompts: DeviceCodePrompt[] = [];
    const { core } = deviceClient(prompts);
    await Promise.all(Array.from({ length: 20 }, () => core.request(listPets(), {})));
    expect(prompts).toHaveLength(1);
    expect(server.to('/oauth/device')).toHaveLength(1);
  });

  it('a device response without user_code is invalid', async () => {
    server.on('/oauth/device', () => ({ json: { device_code: 'x', verification_uri: 'https://e/d' } }));
    const { core } = deviceClient([]);
    await expect(core.request(listPets(), {})).rejects.toMatchObject({ error: 'invalid_response' });
  });
});
