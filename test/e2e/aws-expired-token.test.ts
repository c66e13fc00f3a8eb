/**
 * AWS answers an expired session token with 403 `ExpiredToken`, not 401. A generated SigV4 client
 * drops credentials that came from a provider and repeats the request once, signed with what the
 * provider gives now; fixed keys are not renewed, and another 403 is not repeated. Asserted on what
 * a local server received.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { startRecordingServer, type RecordingServer } from '../hostile/recording-server.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';

const SPEC = join(import.meta.dirname, '../../fixtures/aws/mini-s3.yaml');
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const EXPIRED = { status: 403, headers: { 'content-type': 'application/xml' }, body: '<?xml version="1.0"?><Error><Code>ExpiredToken</Code><Message>The provided token has expired.</Message></Error>' };

type Client = { getObject(args: { Bucket: string; Key: string }): Promise<unknown> };
type ClientClass = new (options: { baseUrl: string; auth: { hmac: unknown }; retry: false }) => Client;

let dir: string;
let server: RecordingServer;
let Client: ClientClass;

beforeAll(async () => {
  dir = await makeTempDir('keyway-e2e-aws-expired-');
  server = await startRecordingServer();
  await generate({ input: SPEC, output: join(dir, 's3') });
  const mod = (await import(pathToFileURL(join(dir, 's3', 'index.ts')).href)) as Record<string, unknown>;
  Client = Object.values(mod).find((value) => typeof value === 'function' && /Client$/.test((value as { name: string }).name)) as ClientClass;
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await removeTempDir(dir);
});
beforeEach(() => {
  server.requests.length = 0;
});

const sent = () => server.requests.map((r) => ({ token: r.headers['x-amz-security-token'], keyId: /Credential=([^/]+)\//.exec(String(r.headers.authorization))?.[1] }));

describe('SigV4 after 403 ExpiredToken', () => {
  it('asks the provider again and repeats the request once, signed with the new credentials', async () => {
    let calls = 0;
    const provider = () => {
      calls++;
      // Both claim an hour of life: the server, not the announced expiry, says the first one is over.
      return { accessKeyId: `AKID${calls}`, secretAccessKey: SECRET, sessionToken: `session-${calls}`, expiration: new Date(Date.now() + 3_600_000) };
    };
    const client = new Client({ baseUrl: server.url, auth: { hmac: { credentials: provider, region: 'us-east-1' } }, retry: false });
    server.reply(EXPIRED);
    server.reply({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body: 'hello' });
    const body = await client.getObject({ Bucket: 'b', Key: 'k' });
    expect(await (body as Blob).text()).toBe('hello');
    expect(sent()).toEqual([{ token: 'session-1', keyId: 'AKID1' }, { token: 'session-2', keyId: 'AKID2' }]);
    expect(calls).toBe(2);
    // Cached again: the next call signs with the renewed credentials without asking.
    server.reply({ status: 200, body: '' });
    await client.getObject({ Bucket: 'b', Key: 'k' });
    expect(sent()[2]).toEqual({ token: 'session-2', keyId: 'AKID2' });
    expect(calls).toBe(2);
  });

  it('says so and does not repeat when the keys are fixed', async () => {
    const client = new Client({ baseUrl: server.url, auth: { hmac: { accessKeyId: 'AKIDFIXED', secretAccessKey: SECRET, sessionToken: 'fixed-session', region: 'us-east-1' } }, retry: false });
    server.reply(EXPIRED);
    const error = await client.getObject({ Bucket: 'b', Key: 'k' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ApiError', status: 403 });
    expect(String((error as Error).message)).toContain('fixed keys cannot be renewed');
    expect(String((error as Error).message)).not.toContain(SECRET);
    expect((error as { body: unknown }).body).toContain('<Code>ExpiredToken</Code>'); // the body is still the caller's
    expect(sent()).toEqual([{ token: 'fixed-session', keyId: 'AKIDFIXED' }]);
  });

  it('does not repeat another 403 (AccessDenied) nor ask the provider again', async () => {
    let calls = 0;
    const provider = () => ({ accessKeyId: `AKID${++calls}`, secretAccessKey: SECRET, sessionToken: `session-${calls}` });
    const client = new Client({ baseUrl: server.url, auth: { hmac: provider }, retry: false });
    server.reply({ status: 403, headers: { 'content-type': 'application/xml' }, body: '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>' });
    await expect(client.getObject({ Bucket: 'b', Key: 'k' })).rejects.toMatchObject({ status: 403 });
    expect(sent()).toHaveLength(1);
    expect(calls).toBe(1);
  });
});
