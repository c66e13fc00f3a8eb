/**
 * Endpoint overrides and grant choice, end to end against oidc-provider: a document whose scheme
 * declares only the implicit flow at a multi-tenant URL (as Azure's do) is used for client
 * credentials at the real token endpoint the credential names; an `issuer` override replaces a
 * document's discovery URL; credential `scopes` replace each operation's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GeneratedClient } from './support/generated-oauth-client.js';
import { startOAuthE2E, type OAuthE2E } from './support/oauth-e2e.js';

const AZURE_COMMON = 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize';

let e2e: OAuthE2E;
let implicitOnly: GeneratedClient;
let nowhere: GeneratedClient;

beforeAll(async () => {
  e2e = await startOAuthE2E('pets-oauth.yaml');
  // The clientCredentials scheme, rewritten to declare nothing but implicit at Azure's /common/.
  implicitOnly = await e2e.variant('implicit-only', (spec) =>
    spec.replace(/clientCredentials:\n(\s+)tokenUrl: \S+/, (_whole, indent: string) => `implicit:\n${indent}authorizationUrl: ${AZURE_COMMON}`),
  );
  // Every endpoint the document names points at a closed port.
  nowhere = await e2e.variant('nowhere', (spec) => spec.replaceAll(e2e.auth.issuer, 'http://127.0.0.1:9'));
}, 60_000);

afterAll(() => e2e?.stop());

beforeEach(() => e2e.stack.resetCounters());

function basic() {
  return { clientId: e2e.auth.clients.basic.clientId, clientSecret: e2e.auth.clients.basic.clientSecret };
}

describe('an implicit-only scheme with a tokenUrl runs client credentials', () => {
  it('gets one token for the credential scopes at the named endpoint and calls the API with it', async () => {
    const generated = readFileSync(join(implicitOnly.dir, 'client.ts'), 'utf8');
    // The scheme spec the client carries: implicit only, no token endpoint anywhere.
    const scheme = /clientCredentials: \{\s+type: "oauth2",\s+flows: \{([\s\S]*?)\n  \},/.exec(generated)?.[1] ?? '';
    expect(scheme).toMatch(new RegExp(`implicit: \\{\\s*authorizationUrl: "${AZURE_COMMON.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"`));
    expect(scheme).not.toContain('tokenUrl');
    const client = new implicitOnly.mod.Client({ auth: { clientCredentials: { ...basic(), tokenUrl: e2e.auth.tokenUrl, scopes: ['pets:read', 'pets:write'] } } });
    await client.listPets();
    await client.createPet({ body: { name: 'Tenant' } });
    expect(e2e.auth.tokenRequests.map((r) => [r.grantType, r.clientId, r.scope, r.status])).toEqual([['client_credentials', 'keyway-basic', 'pets:read pets:write', 200]]);
    const calls = e2e.api.requests.map((r) => [r.method, r.status, r.claims?.['client_id'], r.claims?.['scope']]);
    expect(calls).toEqual([
      ['GET', 200, 'keyway-basic', 'pets:read pets:write'],
      ['POST', 201, 'keyway-basic', 'pets:read pets:write'],
    ]);
  });

  it('without a tokenUrl says how to run a grant there, and sends nothing', () => {
    const build = () => new implicitOnly.mod.Client({ auth: { clientCredentials: basic() } });
    expect(build).toThrow(/"clientCredentials" fits no flow the scheme declares \(implicit\).*pass tokenUrl/);
    expect(build).not.toThrow(/basic-secret/);
    expect(e2e.auth.tokenRequests).toHaveLength(0);
  });

  it('a token obtained elsewhere still works as before', async () => {
    const client = new implicitOnly.mod.Client({ auth: { clientCredentials: { ...basic(), tokenUrl: e2e.auth.tokenUrl } } });
    await client.listPets();
    const token = e2e.api.requests[0]!.authorization!.replace(/^Bearer /, '');
    const again = new implicitOnly.mod.Client({ auth: { clientCredentials: { accessToken: token } } });
    await expect(again.listPets()).resolves.toBeDefined();
    expect(e2e.api.requests.map((r) => r.status)).toEqual([200, 200]);
  });
});

describe('overrides win over the document', () => {
  it('tokenUrl replaces a declared token endpoint', async () => {
    const client = new nowhere.mod.Client({ auth: { clientCredentials: { ...basic(), tokenUrl: e2e.auth.tokenUrl } } });
    await client.listPets();
    expect(e2e.auth.tokenRequests.map((r) => [r.grantType, r.scope, r.status])).toEqual([['client_credentials', 'pets:read', 200]]);
  });

  it('issuer replaces the discovery URL of an openIdConnect scheme, and of an oauth2 scheme', async () => {
    const oidc = new nowhere.mod.Client({ auth: { openIdConnect: { ...basic(), issuer: e2e.auth.issuer } } });
    await oidc.listPets();
    const oauth = new nowhere.mod.Client({ auth: { password: { ...basic(), username: 'alice', password: 'correct horse+battery&staple=%ü€', issuer: e2e.auth.issuer } } });
    await oauth.listPets();
    expect(e2e.auth.discoveryPaths).toEqual(['/.well-known/openid-configuration', '/.well-known/openid-configuration']);
    expect(e2e.auth.tokenRequests.map((r) => [r.grantType, r.status])).toEqual([
      ['client_credentials', 200],
      ['password', 200],
    ]);
    expect(e2e.api.requests.map((r) => r.status)).toEqual([200, 200]);
  });

  it('an override that is not a URL string is refused naming the field, not the secret', () => {
    expect(() => new nowhere.mod.Client({ auth: { clientCredentials: { ...basic(), tokenUrl: 42 } } })).toThrow('security scheme "clientCredentials": tokenUrl must be a non-empty string');
    expect(() => new nowhere.mod.Client({ auth: { clientCredentials: { ...basic(), tokenUrl: 'http://auth.example/token' } } })).toThrow(/tokenUrl must be an https URL/);
  });
});
