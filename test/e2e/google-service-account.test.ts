/**
 * A Google-style description (APIs.guru's Google documents declare an implicit `Oauth2` and an
 * authorization code `Oauth2c` scheme) generated into a client that a service account drives: the
 * token endpoint in the test verifies each RS256 assertion with jose against the key's public half,
 * and the API accepts only the tokens it issued. Also compiled under strict.
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importSPKI, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';
import { typecheck } from '../support/tsc.js';
import { startServer, tokenJson, type TestServer } from '../support/oauth2/test-server.js';

const SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const EMAIL = 'runner@keyway-project.iam.gserviceaccount.com';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });

function googleStyleSpec(apiUrl: string): string {
  return JSON.stringify({
    openapi: '3.0.0',
    info: { title: 'Cloud Things', version: 'v1', 'x-providerName': 'googleapis.com' },
    servers: [{ url: apiUrl }],
    components: {
      securitySchemes: {
        Oauth2: { type: 'oauth2', description: 'Oauth 2.0 implicit authentication', flows: { implicit: { authorizationUrl: 'https://accounts.google.com/o/oauth2/auth', scopes: { [SCOPE]: 'See, edit, configure, and delete your Google Cloud data' } } } },
        Oauth2c: { type: 'oauth2', description: 'Oauth 2.0 authorizationCode authentication', flows: { authorizationCode: { authorizationUrl: 'https://accounts.google.com/o/oauth2/auth', tokenUrl: 'https://accounts.google.com/o/oauth2/token', scopes: { [SCOPE]: 'See, edit, configure, and delete your Google Cloud data' } } } },
      },
    },
    paths: {
      '/v1/things': {
        get: {
          operationId: 'things.list',
          security: [{ Oauth2: [SCOPE], Oauth2c: [SCOPE] }],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
    },
  });
}

let server: TestServer;
let workDir: string;
let Client: new (options: object) => { thingsList(): Promise<unknown> };
const issued: string[] = [];

beforeAll(async () => {
  server = await startServer();
  const tokenUrl = `${server.origin}/token`;
  const publicKey = await importSPKI(keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'RS256');
  server.on('/token', async (request) => {
    try {
      const { payload } = await jwtVerify(request.form.get('assertion') ?? '', publicKey, { algorithms: ['RS256'], issuer: EMAIL, audience: tokenUrl });
      if (request.form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer' || payload['scope'] !== SCOPE) return { status: 400, json: { error: 'invalid_grant' } };
      issued.push(`ya29.${issued.length + 1}`);
      return tokenJson(issued.at(-1)!, { expires_in: 3599 });
    } catch {
      return { status: 400, json: { error: 'invalid_grant' } };
    }
  });
  server.on('/v1/things', (request) => {
    const token = request.headers.authorization?.replace(/^Bearer /, '');
    return token !== undefined && issued.includes(token) ? { json: { items: [] } } : { status: 401, json: { error: 'unauthenticated' } };
  });
  workDir = await makeTempDir('keyway-google-');
  const input = join(workDir, 'cloud-things.json');
  await writeFile(input, googleStyleSpec(server.origin));
  await generate({ input, output: join(workDir, 'client') });
  Client = ((await import(pathToFileURL(join(workDir, 'client', 'index.ts')).href)) as Record<string, unknown>)['CloudThingsClient'] as typeof Client;
}, 60_000);

afterAll(async () => {
  await server?.close();
  if (workDir !== undefined) await removeTempDir(workDir);
});

describe('a generated Google-style client with a service account', () => {
  it('compiles under strict, the service-account credential typed for both schemes', async () => {
    await writeFile(
      join(workDir, 'client', 'usage.ts'),
      [
        "import { CloudThingsClient, type JwtBearerCredentials } from './index.js';",
        "declare const key: { client_email: string; private_key: string; private_key_id: string; token_uri: string };",
        'const credential: JwtBearerCredentials = { serviceAccount: key, subject: \'admin@example.com\' };',
        'export const client = new CloudThingsClient({ auth: { Oauth2: credential, Oauth2c: { serviceAccount: key } } });',
        '',
      ].join('\n'),
    );
    const result = await typecheck(join(workDir, 'client'), { moduleResolution: 'NodeNext' });
    expect(result.diagnostics).toBe('');
  }, 60_000);

  it('runs the JWT bearer grant once per scheme of the AND, then calls the API with the cached token', async () => {
    const serviceAccount = {
      type: 'service_account',
      client_email: EMAIL,
      private_key: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      private_key_id: 'abc123',
      token_uri: `${server.origin}/token`,
    };
    const client = new Client({ auth: { Oauth2: { serviceAccount }, Oauth2c: { serviceAccount } } });
    await client.thingsList();
    await client.thingsList();
    // Two schemes, one store key each: one assertion per scheme, then cached.
    expect(server.to('/token').map((r) => r.form.get('grant_type'))).toEqual(['urn:ietf:params:oauth:grant-type:jwt-bearer', 'urn:ietf:params:oauth:grant-type:jwt-bearer']);
    expect(server.to('/v1/things').map((r) => r.headers.authorization)).toEqual(['Bearer ya29.2', 'Bearer ya29.2']);
  });
});
