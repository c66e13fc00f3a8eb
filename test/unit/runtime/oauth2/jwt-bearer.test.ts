/**
 * The JWT bearer grant (RFC 7523) with Google service-account keys and the generic forms, against
 * a token endpoint in the test that verifies each assertion with jose exactly as Google documents
 * (RS256 over the service account's public key, iss = client_email, aud = token_uri, exp = iat +
 * 3600, scope), with google-auth-library as the oracle for the claim set.
 */
import { generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import { JWT } from 'google-auth-library';
import { decodeJwt, decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SchemeSpec } from '../../../../src/runtime/auth-strategy.js';
import { testCore } from '../../../support/test-core.js';
import { oauth2Strategies } from '../../../../src/runtime/oauth2/oauth2-strategies.js';
import type { OperationSpec } from '../../../../src/runtime/operation.js';
import { buildPlainCredentials } from '../../../../src/runtime/plain-credentials.js';
import { buildAuthStrategies } from '../../../../src/runtime/strategy-factory.js';
import { bearerApi, startServer, tokenJson, type Recorded, type TestServer } from '../../../support/oauth2/test-server.js';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const SCOPE_READ = 'https://www.googleapis.com/auth/cloud-platform.read-only';
const SCOPE_WRITE = 'https://www.googleapis.com/auth/devstorage.read_write';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PRIVATE_PEM = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const PUBLIC_PEM = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const KEY_ID = '1f2e3d4c5b6a79880706050403020100aabbccdd';
const EMAIL = 'keyway-test@keyway-project.iam.gserviceaccount.com';

let server: TestServer;
let tokenUrl: string;
const verified: Array<{ header: Record<string, unknown>; claims: Record<string, unknown> }> = [];

/** The checks Google's token endpoint makes ("Using OAuth 2.0 for Server to Server Applications"). */
async function verifyAssertion(request: Recorded, expectedIssuer: string) {
  if (request.form.get('grant_type') !== JWT_BEARER) return { status: 400, json: { error: 'unsupported_grant_type' } };
  const assertion = request.form.get('assertion') ?? '';
  try {
    const { payload, protectedHeader } = await jwtVerify(assertion, await importSPKI(PUBLIC_PEM, 'RS256'), { algorithms: ['RS256'], issuer: expectedIssuer, audience: tokenUrl });
    if (typeof payload.iat !== 'number' || payload.exp !== payload.iat + 3600) return { status: 400, json: { error: 'invalid_grant', error_description: 'exp must be iat + 3600' } };
    verified.push({ header: { ...protectedHeader }, claims: { ...payload } });
    return tokenJson(`access-${verified.length}`, { expires_in: 3600 });
  } catch (error) {
    return { status: 400, json: { error: 'invalid_grant', error_description: (error as Error).message } };
  }
}

beforeAll(async () => {
  server = await startServer();
  tokenUrl = `${server.origin}/token`;
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  verified.length = 0;
  server.on('/token', (request) => verifyAssertion(request, EMAIL));
  server.on('/api/pets', bearerApi(() => verified.map((_, i) => `access-${i + 1}`)));
});

function serviceAccount(overrides: Record<string, unknown> = {}) {
  return { type: 'service_account', project_id: 'keyway-project', private_key_id: KEY_ID, private_key: PRIVATE_PEM, client_email: EMAIL, client_id: '1234567890', token_uri: tokenUrl, ...overrides };
}

const IMPLICIT_ONLY: SchemeSpec = { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://accounts.google.com/o/oauth2/auth', scopes: [SCOPE_READ, SCOPE_WRITE] } } };

function listPets(scopes: readonly string[]): OperationSpec {
  return { id: 'listPets', method: 'GET', path: '/api/pets', params: [], security: [[['google', scopes]]] };
}

function client(credential: object, scheme: SchemeSpec = IMPLICIT_ONLY) {
  const auth = buildAuthStrategies({ google: scheme }, buildPlainCredentials({ google: credential }, [oauth2Strategies]) as object, { baseUrl: server.origin });
  return testCore({ baseUrl: server.origin, auth });
}

describe('Google service account', () => {
  it('signs the assertion Google documents, gets one token per scope set, caches it', async () => {
    const core = client({ serviceAccount: serviceAccount() });
    await core.request(listPets([SCOPE_READ]), {});
    await core.request(listPets([SCOPE_READ]), {});
    await core.request(listPets([SCOPE_WRITE, SCOPE_READ]), {});
    expect(server.to('/token')).toHaveLength(2);
    expect(server.to('/api/pets').map((r) => r.headers.authorization)).toEqual(['Bearer access-1', 'Bearer access-1', 'Bearer access-2']);
    expect(verified[0]!.header).toEqual({ alg: 'RS256', typ: 'JWT', kid: KEY_ID });
    expect(verified.map((v) => v.claims['scope'])).toEqual([SCOPE_READ, `${SCOPE_WRITE} ${SCOPE_READ}`]);
    expect(server.to('/token')[0]!.form.has('scope')).toBe(false);
    expect([...server.to('/token')[0]!.form.keys()].sort()).toEqual(['assertion', 'grant_type']);
  });

  it('makes the same claim set as google-auth-library, subject (domain-wide delegation) included', async () => {
    let theirs: string | undefined;
    const oracle = new JWT({
      email: EMAIL,
      key: PRIVATE_PEM,
      keyId: KEY_ID,
      scopes: [SCOPE_READ, SCOPE_WRITE],
      subject: 'admin@keyway.example',
      transporterOptions: {
        fetchImplementation: async (_url: unknown, init?: { body?: unknown }) => {
          theirs = new URLSearchParams(String(init?.body)).get('assertion') ?? undefined;
          return new Response(JSON.stringify({ access_token: 'google-token', expires_in: 3600, token_type: 'Bearer' }), { headers: { 'content-type': 'application/json' } });
        },
      },
    });
    await oracle.authorize();
    expect(theirs).toBeDefined();
    // google-auth-library always signs for Google's endpoint; ours does for token_uri, which is Google's by default.
    const google = serviceAccount({ token_uri: 'https://oauth2.googleapis.com/token' });
    let ours: string | undefined;
    const capture = async (_input: unknown, init?: RequestInit) => {
      ours = new URLSearchParams(String(init?.body)).get('assertion') ?? undefined;
      return new Response(JSON.stringify({ access_token: 'ours', expires_in: 3600, token_type: 'Bearer' }), { headers: { 'content-type': 'application/json' } });
    };
    const auth = buildAuthStrategies({ google: IMPLICIT_ONLY }, buildPlainCredentials({ google: { serviceAccount: google, subject: 'admin@keyway.example', scopes: [SCOPE_READ, SCOPE_WRITE] } }, [oauth2Strategies]) as object, { baseUrl: server.origin, fetch: capture });
    await testCore({ baseUrl: server.origin, auth, fetch: async () => new Response('[]', { headers: { 'content-type': 'application/json' } }) }).request(listPets([]), {});
    const normalize = (claims: Record<string, unknown>) => ({ ...claims, iat: 0, exp: (claims['exp'] as number) - (claims['iat'] as number) });
    expect(normalize(decodeJwt(ours!))).toEqual(normalize(decodeJwt(theirs!)));
    expect(decodeProtectedHeader(ours!)).toMatchObject({ alg: 'RS256', kid: KEY_ID });
  });

  it('refuses an http token_uri that is not loopback', () => {
    expect(() => client({ serviceAccount: serviceAccount({ token_uri: 'http://oauth2.example/token' }) })).toThrow(/tokenUrl must be an https URL/);
  });
});

describe('the generic JWT bearer form and a ready-made assertion', () => {
  it('{ jwtBearer } signs iss, sub, aud = token URL, exp, jti and extra claims, and sends scope in the form', async () => {
    server.on('/token', (request) => verifyAssertion(request, 'client-123'));
    const core = client({ jwtBearer: { issuer: 'client-123', subject: 'user@example.com', privateKey: PRIVATE_PEM, keyId: 'k1', claims: { box_sub_type: 'enterprise', iss: 'forged' } }, tokenUrl });
    await core.request(listPets([SCOPE_READ]), {});
    expect(verified[0]!.header).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'k1' });
    expect(verified[0]!.claims).toMatchObject({ iss: 'client-123', sub: 'user@example.com', aud: tokenUrl, box_sub_type: 'enterprise' });
    expect(verified[0]!.claims['jti']).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(server.to('/token')[0]!.form.get('scope')).toBe(SCOPE_READ);
  });

  it('{ assertion } posts what the function returns, asking it again for each new token', async () => {
    let made = 0;
    server.on('/token', (request) => (request.form.get('assertion') === `made-${made}` ? tokenJson(`access-${made}`, { expires_in: 3600 }) : { status: 400, json: { error: 'invalid_grant' } }));
    server.on('/api/pets', bearerApi(() => ['access-1', 'access-2']));
    const core = client({ assertion: () => `made-${++made}`, tokenUrl });
    await core.request(listPets(['a']), {});
    await core.request(listPets(['b']), {});
    expect(server.to('/token').map((r) => [r.form.get('grant_type'), r.form.get('assertion')])).toEqual([
      [JWT_BEARER, 'made-1'],
      [JWT_BEARER, 'made-2'],
    ]);
  });

  it('uses the document token URL when the credential names none', async () => {
    server.on('/token', (request) => verifyAssertion(request, 'client-123'));
    const scheme: SchemeSpec = { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/token', scopes: [] } } };
    await client({ jwtBearer: { issuer: 'client-123', privateKey: PRIVATE_PEM } }, scheme).request(listPets([]), {});
    expect(verified[0]!.claims).toMatchObject({ iss: 'client-123', sub: 'client-123', aud: tokenUrl });
  });
});

describe('bad input: clear errors, no secret in them', () => {
  it('an unusable private key fails the token request naming the field, never the key', async () => {
    const broken = PRIVATE_PEM.replace(/[A-Za-z]{20}/, 'AAAAAAAAAAAAAAAAAAAA');
    const core = client({ serviceAccount: serviceAccount({ private_key: broken }) });
    const error = (await core.request(listPets([SCOPE_READ]), {}).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('security scheme "google": serviceAccount.private_key is not a usable RS256 private key (PKCS#8 PEM, JWK or CryptoKey)');
    expect(inspect(error)).not.toContain(broken.slice(40, 80));
    expect(server.to('/token')).toHaveLength(0);
  });

  it.each([
    [{ serviceAccount: 'not json' }, 'serviceAccount must be the parsed service-account JSON key'],
    [{ jwtBearer: 'issuer' }, 'jwtBearer must be an object'],
    [{ assertion: '' }, 'assertion must be a non-empty string'],
    [{ assertion: 'a.b.c', clientCertificate: { fetch: 'fetch' } }, 'clientCertificate: fetch must be a function configured with the client certificate'],
    [{ assertion: 'a.b.c', tokenUrl: 'http://127.0.0.1:1/token', clientCertificate: { fetch } }, 'tokenUrl must be https to present the client certificate'],
  ])('%j → %s, when the client is made', (credential, want) => {
    let message = '';
    try {
      client(credential);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(`security scheme "google": ${want}`);
    expect(message).not.toContain('PRIVATE KEY');
  });

  // Checked by the grant's own code, loaded with the first token request: the same TypeError for
  // every call, and nothing sent.
  it.each([
    [{ serviceAccount: { private_key: PRIVATE_PEM } }, 'serviceAccount.client_email must be a non-empty string'],
    [{ serviceAccount: { client_email: EMAIL } }, 'serviceAccount.private_key must be a non-empty string'],
    [{ serviceAccount: { client_email: EMAIL, private_key: PRIVATE_PEM, token_uri: 42 } }, 'serviceAccount.token_uri must be a non-empty string'],
    [{ jwtBearer: { privateKey: PRIVATE_PEM } }, 'jwtBearer.issuer must be a non-empty string'],
    [{ jwtBearer: { issuer: 'x', privateKey: PRIVATE_PEM, algorithm: 'HS256' } }, 'jwtBearer.algorithm must be one of RS256, PS256, ES256, EdDSA'],
    [{ jwtBearer: { issuer: 'x' } }, 'jwtBearer.privateKey must be a PKCS#8 PEM, a JWK or a CryptoKey'],
  ])('%j → %s, on the first call', async (credential, want) => {
    const core = client(credential);
    for (let call = 0; call < 2; call++) {
      const error = (await core.request(listPets([SCOPE_READ]), {}).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toBe(`security scheme "google": ${want}`);
      expect(error.message).not.toContain('PRIVATE KEY');
    }
    expect(server.to('/token')).toHaveLength(0);
    expect(server.to('/api/pets')).toHaveLength(0);
  });

  it('keeps the key out of inspection of the strategy', async () => {
    const auth = buildAuthStrategies({ google: IMPLICIT_ONLY }, buildPlainCredentials({ google: { serviceAccount: serviceAccount() } }, [oauth2Strategies]) as object, { baseUrl: server.origin });
    await testCore({ baseUrl: server.origin, auth }).request(listPets([SCOPE_READ]), {});
    const shown = inspect(auth, { showHidden: true, depth: 10 });
    expect(shown).not.toContain(PRIVATE_PEM.split('\n')[1]);
    expect(shown).not.toContain('access-1');
  });
});
