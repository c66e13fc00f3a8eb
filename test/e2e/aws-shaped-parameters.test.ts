/**
 * The parameter rules end to end, on documents shaped like APIs.guru's AWS ones (fixtures/aws):
 * generated clients send exactly the expected method, path, query and headers to a local
 * recording server: no fragment, `Action`/`Version`/`X-Amz-Target`/`list-type` filled in, `?acl`
 * as a bare key. A program using the clients is type-checked: the filled-in parameters are not
 * method arguments, and the ones a bare `#name` made required are.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generate } from '../../src/generate.js';
import { startRecordingServer, type RecordingServer } from '../hostile/recording-server.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';
import { typecheck } from '../support/tsc.js';

// Each test runs keyway (or a generated client) once or more: generous on a loaded machine, still bounded.
vi.setConfig({ testTimeout: 30_000 });

const FIXTURES = join(import.meta.dirname, '../../fixtures/aws');
const SPECS = { sts: 'sts-shaped.yaml', dynamodb: 'dynamodb-shaped.yaml', s3: 's3-shaped.yaml' } as const;

type Method = (args?: Record<string, unknown>) => Promise<unknown>;
type Client = Record<string, Method>;
type ClientClass = new (options: { baseUrl: string }) => Client;

const USAGE = `import { AWSSecurityTokenServiceClient } from './sts/index.js';
import { AmazonDynamoDBClient } from './dynamodb/index.js';
import { AmazonSimpleStorageServiceClient } from './s3/index.js';
const sts = new AWSSecurityTokenServiceClient();
export const assumed = sts.assumeRole({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' });
export const who = sts.getActionGetCallerIdentity(); // nothing left to ask: the argument object is optional
// @ts-expect-error Action is filled in by the client, not a method argument
export const noAction = sts.assumeRole({ RoleArn: 'a', RoleSessionName: 's', Action: 'AssumeRole' });
const dynamo = new AmazonDynamoDBClient();
export const item = dynamo.getItem({ body: { TableName: 't', Key: {} } });
// @ts-expect-error X-Amz-Target is filled in by the client
export const noTarget = dynamo.getItem({ body: { TableName: 't', Key: {} }, 'X-Amz-Target': 'x' });
const s3 = new AmazonSimpleStorageServiceClient();
export const acl = s3.getBucketAcl({ Bucket: 'b' });
// @ts-expect-error partNumber and uploadId are required by the path's #partNumber&uploadId
export const part = s3.uploadPart({ Bucket: 'b', Key: 'k', body: new Blob([]) });
`;

let dir: string;
let server: RecordingServer;
const clients = {} as Record<keyof typeof SPECS, Client>;

beforeAll(async () => {
  dir = await makeTempDir('keyway-e2e-aws-params-');
  server = await startRecordingServer();
  for (const [name, spec] of Object.entries(SPECS) as Array<[keyof typeof SPECS, string]>) {
    await generate({ input: join(FIXTURES, spec), output: join(dir, name) });
    const mod = (await import(pathToFileURL(join(dir, name, 'index.ts')).href)) as Record<string, unknown>;
    const Class = Object.values(mod).find((value) => typeof value === 'function' && /Client$/.test((value as { name: string }).name)) as ClientClass;
    clients[name] = new Class({ baseUrl: server.url });
  }
  await writeFile(join(dir, 'usage.ts'), USAGE);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await removeTempDir(dir);
});

/** Calls one method and returns what the server received: method, raw target, selected headers, body. */
async function sent(client: Client, method: string, args?: Record<string, unknown>, headers: string[] = []) {
  const before = server.requests.length;
  await client[method]!(args);
  expect(server.requests).toHaveLength(before + 1);
  const request = server.requests[before]!;
  return { method: request.method, target: request.target, headers: Object.fromEntries(headers.map((h) => [h, request.headers[h]])), body: request.body };
}

describe('AWS-shaped documents: what the server receives', () => {
  it('STS: GET /?…&Action=AssumeRole&Version=2011-06-15, no fragment', async () => {
    expect(await sent(clients.sts, 'assumeRole', { RoleArn: 'arn:aws:iam::123456789012:role/demo', RoleSessionName: 'keyway', DurationSeconds: 900 })).toEqual({
      method: 'GET',
      target: '/?RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdemo&RoleSessionName=keyway&DurationSeconds=900&Action=AssumeRole&Version=2011-06-15',
      headers: {},
      body: '',
    });
    expect((await sent(clients.sts, 'getActionGetCallerIdentity')).target).toBe('/?Action=GetCallerIdentity&Version=2011-06-15');
  });

  it('DynamoDB: POST / with X-Amz-Target and the JSON body', async () => {
    const body = { TableName: 'Music', Key: { Artist: { S: 'No One You Know' } } };
    expect(await sent(clients.dynamodb, 'getItem', { body }, ['x-amz-target', 'content-type'])).toEqual({
      method: 'POST',
      target: '/',
      headers: { 'x-amz-target': 'DynamoDB_20120810.GetItem', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(await sent(clients.dynamodb, 'listTables', { body: { Limit: 2 } }, ['x-amz-target'])).toMatchObject({ target: '/', headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables' } });
  });

  it('S3: bare flags, declared or not; list-type=2 filled in; required uploadId and partNumber', async () => {
    expect((await sent(clients.s3, 'getBucketAcl', { Bucket: 'my bucket' })).target).toBe('/my%20bucket?acl');
    expect((await sent(clients.s3, 'getByBucketCors', { Bucket: 'b' })).target).toBe('/b?cors');
    expect((await sent(clients.s3, 'listObjectsV2', { Bucket: 'b', prefix: 'photos/2024' })).target).toBe('/b?prefix=photos%2F2024&list-type=2');
    expect(await sent(clients.s3, 'createMultipartUpload', { Bucket: 'b', Key: 'a b/ü.txt' })).toMatchObject({ method: 'POST', target: '/b/a%20b%2F%C3%BC.txt?uploads' });
    expect(await sent(clients.s3, 'uploadPart', { Bucket: 'b', Key: 'k', partNumber: 3, uploadId: 'up 1', body: new Blob(['part']) })).toMatchObject({
      method: 'PUT',
      target: '/b/k?partNumber=3&uploadId=up%201',
      body: 'part',
    });
  });

  it('S3: a parameter the fragment requires is refused before sending when missing', async () => {
    const before = server.requests.length;
    await expect(clients.s3['uploadPart']!({ Bucket: 'b', Key: 'k', partNumber: 1, body: new Blob(['x']) })).rejects.toThrow('uploadPart: missing required query parameter "uploadId"');
    expect(server.requests).toHaveLength(before);
  });

  it("each method's doc says what the client sends itself", async () => {
    const doc = async (name: string) => readFile(join(dir, name, 'methods.ts'), 'utf8');
    expect(await doc('sts')).toContain('Sends `Action=AssumeRole`, `Version=2011-06-15` itself.');
    expect(await doc('dynamodb')).toContain('Sends `X-Amz-Target: DynamoDB_20120810.GetItem` itself.');
    expect(await doc('s3')).toContain('Sends `?acl` itself.');
  });

  it('the generated code type-checks; filled-in parameters are not arguments', async () => {
    const result = await typecheck(dir, { moduleResolution: 'NodeNext' });
    expect(result.diagnostics).toBe('');
    expect(result.exitCode).toBe(0);
  }, 60_000);
});
