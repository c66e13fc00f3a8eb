/**
 * S3 end to end through a generated client: s3rver stores the objects, and a front verifies every
 * request's Signature V4 with @smithy/signature-v4 before s3rver sees it (s3rver itself accepts
 * any V4 signature from a known key id).
 */
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

let workDir: string;
let s3rver: S3rver;
let front: VerifyingFront;
let Client: ClientClass;
let ApiError: new (...args: never[]) => Error & { status: number; body: unknown };

beforeAll(async () => {
  workDir = await makeTempDir('keyway-s3-');
  s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: join(workDir, 's3rver'), configureBuckets: [{ name: BUCKET, configs: [] }] });
  const { port } = (await s3rver.run()) as { port: number };
  front = await startVerifyingFront({ host: '127.0.0.1', port }, [KEYS], true);
  await generate({ input: 'fixtures/aws/mini-s3.yaml', output: join(workDir, 'client') });
  const mod = (await import(pathToFileURL(join(workDir, 'client', 'index.ts')).href)) as Record<string, unknown>;
  Client = mod['MiniS3Client'] as ClientClass;
  ApiError = mod['ApiError'] as typeof ApiError;
}, 60_000);

afterAll(async () => {
  await front?.close();
  await s3rver?.close();
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
});
