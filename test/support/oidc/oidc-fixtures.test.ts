/**
 * fixtures/oauth/*.yaml must describe the running test servers: valid OpenAPI as checked in, and,
 * once writeSpecFor() has filled in the real origins, every URL in them answers and every
 * operation exists on the resource server with the scopes the spec names.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadDocument } from '../../../src/load/index.js';
import { bearer, getJson, postForm, basicAuthorization } from './http.js';
import type { AuthServer } from './provider.js';
import type { ResourceServer } from './resource-server.js';
import { startOAuthStack, type OAuthStack } from './stack.js';
import { API_PLACEHOLDER, AUTH_PLACEHOLDER, OAUTH_FIXTURES_DIR, writeSpecFor, type OAuthFixture } from './spec-fixtures.js';
import { makeTempDir, removeTempDir } from '../tmp.js';

interface Flow {
  tokenUrl?: string;
  authorizationUrl?: string;
  deviceAuthorizationUrl?: string;
  refreshUrl?: string;
  scopes: Record<string, string>;
}
interface Scheme {
  type: string;
  flows?: Record<string, Flow>;
  openIdConnectUrl?: string;
  oauth2MetadataUrl?: string;
}
interface Operation {
  security: Record<string, string[]>[];
}
interface Spec {
  servers: { url: string }[];
  components: { securitySchemes: Record<string, Scheme> };
  paths: Record<string, Record<string, Operation>>;
}

const FIXTURES: OAuthFixture[] = ['pets-oauth.yaml', 'pets-oauth-3.2.yaml'];

let stack: OAuthStack | undefined;
let auth: AuthServer;
let api: ResourceServer;
let dir: string;

beforeAll(async () => {
  stack = await startOAuthStack();
  ({ auth, api } = stack);
  dir = await makeTempDir('keyway-oidc-fixtures-');
});

afterAll(async () => {
  await stack?.stop();
  if (dir !== undefined) await removeTempDir(dir);
});

describe.each(FIXTURES)('%s', (fixture) => {
  test('is valid OpenAPI as checked in, with both placeholders', async () => {
    const loaded = await loadDocument(join(OAUTH_FIXTURES_DIR, fixture));
    expect(loaded.specVersion).toBe(fixture.includes('3.2') ? '3.2.0' : '3.0.3');
    const text = await readFile(join(OAUTH_FIXTURES_DIR, fixture), 'utf8');
    expect(text).toContain(AUTH_PLACEHOLDER);
    expect(text).toContain(API_PLACEHOLDER);
  });

  test('writeSpecFor points every URL at the live servers', async () => {
    const path = await writeSpecFor(auth, api, fixture, dir);
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain('keyway.invalid');
    await loadDocument(path);
    const spec = parse(text) as Spec;
    expect(spec.servers[0]?.url).toBe(api.url);

    const expected: Record<string, string> = {
      tokenUrl: auth.tokenUrl,
      refreshUrl: auth.tokenUrl,
      authorizationUrl: auth.authorizationUrl,
      deviceAuthorizationUrl: auth.deviceAuthorizationUrl,
    };
    for (const scheme of Object.values(spec.components.securitySchemes)) {
      if (scheme.openIdConnectUrl !== undefined) expect(scheme.openIdConnectUrl).toBe(auth.discoveryUrl);
      if (scheme.oauth2MetadataUrl !== undefined) expect(scheme.oauth2MetadataUrl).toBe(auth.oauthMetadataUrl);
      for (const flow of Object.values(scheme.flows ?? {})) {
        for (const [key, url] of Object.entries(flow)) if (key in expected) expect(url).toBe(expected[key]);
        expect(Object.keys(flow.scopes)).toEqual(expect.arrayContaining(['pets:read', 'pets:write']));
      }
      const metadataUrl = scheme.openIdConnectUrl ?? scheme.oauth2MetadataUrl;
      if (metadataUrl !== undefined) expect((await getJson(metadataUrl)).body['issuer']).toBe(auth.issuer);
    }
  });

  test('every operation exists on the resource server and needs exactly the scope it names', async () => {
    const spec = parse(await readFile(join(OAUTH_FIXTURES_DIR, fixture), 'utf8')) as Spec;
    const tokenWith = async (scope: string) => {
      const { clientId, clientSecret } = auth.clients.basic;
      const reply = await postForm(auth.tokenUrl, { grant_type: 'client_credentials', scope }, { authorization: basicAuthorization(clientId, clientSecret) });
      return String(reply.body['access_token']);
    };
    const everything = await tokenWith('pets:read pets:write');
    for (const [template, operations] of Object.entries(spec.paths)) {
      const path = template.replace('{petId}', '1');
      for (const [method, operation] of Object.entries(operations)) {
        const scopes = new Set(operation.security.flatMap((requirement) => Object.values(requirement).flat()));
        expect(scopes.size).toBeLessThanOrEqual(1);
        const init = { method: method.toUpperCase(), headers: { 'content-type': 'application/json' }, ...(method === 'post' ? { body: '{"name":"Kit"}' } : {}) };
        expect((await fetch(`${api.url}${path}`, init)).status, `${method} ${path} without a token`).toBe(401);
        const allowed = await fetch(`${api.url}${path}`, { ...init, headers: { ...init.headers, ...bearer(everything) } });
        expect(allowed.status, `${method} ${path} with every scope`).toBeLessThan(300);
        const [needed] = scopes;
        if (needed === undefined) continue;
        const other = needed === 'pets:read' ? 'pets:write' : 'pets:read';
        const refused = await fetch(`${api.url}${path}`, { ...init, headers: { ...init.headers, ...bearer(await tokenWith(other)) } });
        expect(refused.status, `${method} ${path} with only ${other}`).toBe(403);
      }
    }
  });
});
