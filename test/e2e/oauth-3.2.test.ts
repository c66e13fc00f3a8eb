/**
 * End to end: the client generated from fixtures/oauth/pets-oauth-3.2.yaml (OpenAPI 3.2), compiled
 * under strict, against the real oidc-provider: the device authorization grant (RFC 8628) with its
 * polling interval and slow_down, and endpoints taken from oauth2MetadataUrl (RFC 8414). The device
 * flow's waits are real (the generated client takes no sleep function): ~2 s and ~7 s.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OAUTH_METADATA_PATH } from '../support/oidc/request-log.js';
import { typecheck } from '../support/tsc.js';
import type { GeneratedClient } from './support/generated-oauth-client.js';
import { useOAuthE2E } from './support/oauth-e2e.js';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
// Timer jitter: a poll may be logged a few ms before a full interval after the previous one.
const JITTER_MS = 50;

const e2e = useOAuthE2E('pets-oauth-3.2.yaml');

beforeEach(() => e2e.stack.resetCounters());

describe('the generated client compiles', () => {
  it.each(['NodeNext', 'Bundler'] as const)('under strict with moduleResolution %s', async (moduleResolution) => {
    const result = await typecheck(e2e.generated.dir, { moduleResolution });
    expect(result.diagnostics).toBe('');
    expect(result.exitCode).toBe(0);
  }, 60_000);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function devicePolls() {
  return e2e.auth.tokenRequests.filter((r) => r.grantType === DEVICE_GRANT);
}

async function untilPending(): Promise<void> {
  while (!devicePolls().some((r) => r.error === 'authorization_pending')) await sleep(20);
}

describe('device authorization', () => {
  it('shows the user code, polls every interval while pending, and completes once the user approves', async () => {
    const prompts: { userCode: string; verificationUri: string }[] = [];
    const client = e2e.client({ auth: { device: { clientId: e2e.auth.clients.device.clientId, onUserCode: (prompt: { userCode: string; verificationUri: string }) => void prompts.push(prompt) } } });
    const call = client.listPets();
    // The user approves only after the device has been told to wait at least once.
    await untilPending();
    expect(prompts).toHaveLength(1);
    expect(prompts[0]!.verificationUri).toBe(e2e.auth.deviceVerificationUrl);
    await e2e.auth.approveDeviceCode(prompts[0]!.userCode);
    await expect(call).resolves.toHaveLength(2);

    expect(e2e.auth.deviceAuthorizationRequests.map((r) => [r.clientId, r.scope, r.status])).toEqual([['keyway-device', 'pets:read', 200]]);
    const polls = devicePolls();
    expect(polls.map((r) => r.error ?? r.status).slice(-2)).toEqual(['authorization_pending', 200]);
    expect(polls.filter((r) => r.error === 'slow_down')).toEqual([]);
    // interval is 1 s: the first poll waits for it, and so does every next one.
    const times = [e2e.auth.deviceAuthorizationRequests[0]!.receivedAt, ...polls.map((r) => r.receivedAt)];
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000 - JITTER_MS);
    expect(e2e.api.requests.map((r) => [r.status, r.claims?.['sub'], r.claims?.['scope']])).toEqual([[200, 'alice', 'pets:read']]);
    // Endpoints came from the RFC 8414 document named by oauth2MetadataUrl.
    expect(e2e.auth.discoveryPaths).toEqual([OAUTH_METADATA_PATH]);
  }, 15_000);

  it('slow_down adds 5 s to the interval before the next poll', async () => {
    const userCodes: string[] = [];
    const client = e2e.client({ auth: { device: { clientId: e2e.auth.clients.device.clientId, onUserCode: (prompt: { userCode: string }) => void userCodes.push(prompt.userCode) } } });
    // The server turns the first pending poll into slow_down; the user approves right after it.
    e2e.auth.slowDownNext(1);
    const call = client.listPets();
    while (!devicePolls().some((r) => r.error === 'slow_down')) await sleep(20);
    await e2e.auth.approveDeviceCode(userCodes[0]!);
    await expect(call).resolves.toHaveLength(2);
    const polls = devicePolls();
    // One poll after the slow_down, not earlier than 1 + 5 s (earlier would get slow_down again).
    expect(polls.map((r) => r.error ?? r.status)).toEqual(['slow_down', 200]);
    expect(polls[1]!.receivedAt - polls[0]!.receivedAt).toBeGreaterThanOrEqual(6000 - JITTER_MS);
  }, 15_000);
});

describe('oauth2MetadataUrl', () => {
  let deadEndpoints: GeneratedClient;

  beforeAll(async () => {
    // The spec's own token and device endpoints now lead nowhere: only the metadata can be used.
    const dead = 'http://127.0.0.1:1';
    deadEndpoints = await e2e.variant('dead-endpoints', (spec) =>
      spec.replaceAll(`${e2e.auth.issuer}/token`, `${dead}/token`).replaceAll(`${e2e.auth.issuer}/device/auth`, `${dead}/device/auth`),
    );
  }, 30_000);

  it('takes the token endpoint from the RFC 8414 document, fetched once', async () => {
    const { clientId, clientSecret } = e2e.auth.clients.basic;
    const client = new deadEndpoints.mod.Client({ auth: { clientCredentials: { clientId, clientSecret } } });
    await Promise.all([client.listPets(), client.createPet({ body: { name: 'Kit' } })]);
    await client.listPets();
    expect(e2e.auth.discoveryPaths).toEqual([OAUTH_METADATA_PATH]);
    expect(e2e.auth.tokenRequests.map((r) => [r.grantType, r.scope, r.status]).sort()).toEqual([
      ['client_credentials', 'pets:read', 200],
      ['client_credentials', 'pets:write', 200],
    ]);
    expect(e2e.api.requests.map((r) => r.status).sort()).toEqual([200, 200, 201]);
  });
});
