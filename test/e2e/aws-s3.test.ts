/**
 * S3 end to end through a generated client: s3rver stores the objects, and a front verifies every
 * request's Signature V4 with @smithy/signature-v4 before s3rver sees it (s3rver itself accepts
 * any V4 signature from a known key id).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';
import { startVerifyingFront, type VerifyingFront } from '../support/aws/verifying-front.js';

// s3rver's built-in account: the only key id it knows.
const KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const BUCKET = 'trip-photos';
const KEY = 'My Trip/été 🌊 (1)+final~.txt';
const CONTENT = 'sunset at the beach — 日の入り';

interface S3Client {
  putObject(args: { Bucket: string; Key: string; body: Blob | string }): Promise<undefined>;
  getObject(args: { Bucket: string; Key: string }): Promise<Blob | string | undefined>;
  listObjectsV2(args: { 'list-type': string; prefix?: string; Bucket: string }): Promise<string>;
}
type ClientClass = new (options: { baseUrl: string; auth: { hmac: unknown }; fetch?: typeof fetch }) => S3Client;

// A second key id s3rver does not know, with a session token: the front verifies, nothing is forwarded.
const SESSION_KEYS = { accessKeyId: 'ASIATEMPORARY', secretAccessKey: 'temporary-secret', sessionToken: 'FwoGZXIvYXdzEJr//////////session+token=' };

let workDir: string;
let elsewhere: { url: string; seen: Array<Record<string, string | string[] | undefined>>; close(): Promise<void> };
let s3rver: S3rver;
let front: VerifyingFront;
let Client: ClientClass;
let ApiError: new (...args: never[]) => Error & { status: number; body: unknown };

async function startRecorder() {
  const seen: Array<Record<string, string | string[] | undefined>> = [];
  const server = createServer((req, res) => {
    seen.push({ ...req.headers });
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('elsewhere');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

beforeAll(async () => {
  elsewhere = await startRecorder();
  workDir = await makeTempDir('keyway-s3-');
  s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: join(workDir, 's3rver'), configureBuckets: [{ name: BUCKET, configs: [] }] });
  const { port } = (await s3rver.run()) as { port: number };
  front = await startVerifyingFront({ host: '127.0.0.1', port }, [KEYS, SESSION_KEYS], true, (target) => {
    if (target.startsWith('/moved/')) return target.slice('/moved'.length);
    if (target.startsWith('/elsewhere/')) return `${elsewhere.url}${target.slice('/elsewhere'.length)}`;
    return undefined;
  });
  await generate({ input: 'fixtures/aws/mini-s3.yaml', output: join(workDir, 'client') });
  const mod = (await import(pathToFileURL(join(workDir, 'client', 'index.ts')).href)) as Record<string, unknown>;
  Client = mod['MiniS3Client'] as ClientClass;
  ApiError = mod['ApiError'] as typeof ApiError;
}, 60_000);

afterAll(async () => {
  await front?.close();
  await s3rver?.close();
  await elsewhere?.close();
  if (workDir !== undefined) await removeTempDir(workDir);
});

function blobText(value: Blob | string | undefined): Promise<string> {
  if (value === undefined) return Promise.resolve('');
  return typeof value === 'string' ? Promise.resolve(value) : value.text();
}

describe('S3 through a generated client, every request verified with @smithy/signature-v4', () => {
  it('puts, gets and lists an object whose key has spaces, unicode and reserved characters', async () => {
    const client = new Client({ baseUrl: front.url, auth: { hmac: KEYS } });
    const before = front.records.length;
    await client.putObject({ Bucket: BUCKET, Key: KEY, body: new Blob([CONTENT], { type: 'text/plain' }) });
    expect(await blobText(await client.getObject({ Bucket: BUCKET, Key: KEY }))).toBe(CONTENT);
    const listing = await client.listObjectsV2({ Bucket: BUCKET, 'list-type': '2', prefix: 'My Trip/été' });
    expect(listing).toContain('<Key>My Trip/été 🌊 (1)+final~.txt</Key>');

    const seen = front.records.slice(before);
    expect(seen.map((r) => r.method)).toEqual(['PUT', 'GET', 'GET']);
    for (const record of seen) expect(record.verdict).toMatchObject({ ok: true, accessKeyId: 'S3RVER' });
    // The key went on the wire encoded once, `/` included, as S3's signing rules expect.
    expect(seen[0]!.target).toBe(`/${BUCKET}/My%20Trip%2F%C3%A9t%C3%A9%20%F0%9F%8C%8A%20%281%29%2Bfinal~.txt`);
    const signed = seen[0]!.verdict.ok ? seen[0]!.verdict.signedHeaders : [];
    expect(signed).toEqual(['content-type', 'host', 'x-amz-content-sha256', 'x-amz-date']);
  });

  it('is refused by the front when the secret is wrong, and s3rver never sees the request', async () => {
    const client = new Client({ baseUrl: front.url, auth: { hmac: { ...KEYS, secretAccessKey: 'not-the-secret' } } });
    const error = await client.getObject({ Bucket: BUCKET, Key: KEY }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as { status: number }).status).toBe(403);
    expect(front.records.at(-1)!.verdict).toEqual({ ok: false, reason: 'signature mismatch' });
  });

  it('is refused when the body or the path is changed after signing', async () => {
    const tamperBody: typeof fetch = (input, init) => fetch(input, { ...init, body: 'something else' });
    const bodyClient = new Client({ baseUrl: front.url, auth: { hmac: KEYS }, fetch: tamperBody });
    await expect(bodyClient.putObject({ Bucket: BUCKET, Key: 'x.txt', body: 'original' })).rejects.toMatchObject({ status: 403 });
    expect(front.records.at(-1)!.verdict).toEqual({ ok: false, reason: 'body does not match x-amz-content-sha256' });

    const tamperPath: typeof fetch = (input, init) => fetch(String(input).replace('/x.txt', '/y.txt'), init);
    const pathClient = new Client({ baseUrl: front.url, auth: { hmac: KEYS }, fetch: tamperPath });
    await expect(pathClient.getObject({ Bucket: BUCKET, Key: 'x.txt' })).rejects.toMatchObject({ status: 403 });
    expect(front.records.at(-1)!.verdict).toEqual({ ok: false, reason: 'signature mismatch' });
  });

  it('signs a request again for the path a same-origin redirect names', async () => {
    const client = new Client({ baseUrl: `${front.url}/moved`, auth: { hmac: KEYS } });
    const before = front.records.length;
    expect(await blobText(await client.getObject({ Bucket: BUCKET, Key: KEY }))).toBe(CONTENT);
    const seen = front.records.slice(before);
    expect(seen.map((r) => [r.target.split('/').slice(0, 3).join('/'), r.verdict.ok])).toEqual([
      [`/moved/${BUCKET}`, true],
      [`/${BUCKET}/My%20Trip%2F%C3%A9t%C3%A9%20%F0%9F%8C%8A%20%281%29%2Bfinal~.txt`, true],
    ]);
  });

  it('sends a session token, and nothing of the signature to another origin a redirect names', async () => {
    const client = new Client({ baseUrl: `${front.url}/elsewhere`, auth: { hmac: SESSION_KEYS } });
    const before = front.records.length;
    expect(await blobText(await client.getObject({ Bucket: BUCKET, Key: 'k' }))).toBe('elsewhere');
    expect(front.records.slice(before).map((r) => r.verdict.ok)).toEqual([true]);
    const headers = elsewhere.seen.at(-1)!;
    expect(Object.keys(headers).filter((name) => name === 'authorization' || name.startsWith('x-amz-'))).toEqual([]);
  });
});
