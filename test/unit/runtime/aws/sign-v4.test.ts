import { describe, expect, it } from 'vitest';
import type { EncodedBody } from '../../../../src/runtime/encode-body.js';
import { canonicalQuery, canonicalUri } from '../../../../src/runtime/aws/canonical-request.js';
import { SigV4Auth } from '../../../../src/runtime/aws/sigv4-auth.js';
import { amzDate } from '../../../../src/runtime/aws/sign-v4.js';
import { smithySign, type OracleCredentials } from '../../../support/aws/smithy-oracle.js';

// AWS's documented example keys (IAM user guide): not a secret anyone holds.
const KEYS: OracleCredentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const SESSION: OracleCredentials = { ...KEYS, sessionToken: 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+token=' };
const CLOCK = Date.UTC(2015, 7, 30, 12, 36, 0);

interface Case {
  name: string;
  method: string;
  /** As it goes on the wire: percent-encoded. */
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  contentType?: string;
  service: string;
  region?: string;
  s3?: boolean;
  credentials?: OracleCredentials;
}

const CASES: Case[] = [
  { name: 'plain GET', method: 'GET', url: 'https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08', service: 'iam' },
  {
    name: 'query needing encoding: space, +, ~, unicode, repeated keys, empty and valueless',
    method: 'GET',
    url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items?q=a%20b&plus=1%2B1&tilde=~x~&u=%C3%A9%E2%82%AC%F0%9F%98%80&tag=b&tag=a&tag=a%20c&empty=&flag&k%20ey=v%26w&Zed=1&a=%2A%21%27%28%29',
    service: 'execute-api',
    region: 'eu-west-1',
  },
  {
    name: 'POST JSON with x-amz-target',
    method: 'POST',
    url: 'https://dynamodb.us-west-2.amazonaws.com/',
    headers: { 'x-amz-target': 'DynamoDB_20120810.GetItem' },
    contentType: 'application/x-amz-json-1.0',
    body: JSON.stringify({ TableName: 'pets', Key: { id: { S: 'naïve ✓' } } }),
    service: 'dynamodb',
    region: 'us-west-2',
  },
  {
    name: 'path segments with special characters (encoded twice, as every service but S3 expects)',
    method: 'GET',
    url: "https://abc.execute-api.us-east-1.amazonaws.com/prod/a%20b/c%2Fd/%C3%BC%20x/it's(1)*!/~tilde/",
    service: 'execute-api',
  },
  { name: 'path with dot segments and doubled slashes', method: 'GET', url: 'https://example.amazonaws.com/a//b/%2E/c/', service: 'service' },
  {
    name: 'session token',
    method: 'PUT',
    url: 'https://sqs.ap-southeast-2.amazonaws.com/123/queue',
    contentType: 'text/plain; charset=utf-8',
    body: 'hello  world',
    service: 'sqs',
    region: 'ap-southeast-2',
    credentials: SESSION,
  },
  {
    name: 'S3: key with spaces and unicode, signed as sent with x-amz-content-sha256',
    method: 'PUT',
    url: 'https://bucket.s3.us-east-2.amazonaws.com/photos/My%20Trip%20%C3%A9t%C3%A9%20%F0%9F%8C%8A.jpg',
    contentType: 'image/jpeg',
    body: new Uint8Array([0, 1, 2, 255, 254]),
    headers: { 'x-amz-meta-owner': '  two   spaces ' },
    service: 's3',
    region: 'us-east-2',
    s3: true,
  },
  {
    name: 'S3: list with query and session token',
    method: 'GET',
    url: 'https://s3.amazonaws.com/my-bucket?list-type=2&prefix=My%20Trip%2F&max-keys=10&encoding-type=url',
    service: 's3',
    s3: true,
    credentials: SESSION,
  },
  { name: 'S3: sub-resource flag', method: 'GET', url: 'https://b.s3.eu-central-1.amazonaws.com/key?acl', service: 's3', region: 'eu-central-1', s3: true },
];

function encodedBody(testCase: Case): EncodedBody | undefined {
  if (testCase.body === undefined) return undefined;
  return { body: testCase.body as BodyInit, contentType: testCase.contentType, replayable: true };
}

async function oursSigned(testCase: Case): Promise<Headers> {
  const credentials = testCase.credentials ?? KEYS;
  const headers = new Headers(testCase.headers);
  if (testCase.contentType !== undefined) headers.set('content-type', testCase.contentType);
  headers.set('accept', 'application/json'); // not signed: fetch and proxies may touch such headers
  const auth = new SigV4Auth('aws', { ...credentials, service: testCase.service, region: testCase.region ?? 'us-east-1' }, { s3: testCase.s3 === true, now: () => CLOCK });
  const request = { method: testCase.method, url: new URL(testCase.url), headers, body: encodedBody(testCase) };
  await auth.apply(request);
  expect(request.url.href).toBe(new URL(testCase.url).href);
  return headers;
}

async function smithySigned(testCase: Case): Promise<Record<string, string>> {
  const url = new URL(testCase.url);
  const headers: Record<string, string> = { host: url.host, ...testCase.headers };
  if (testCase.contentType !== undefined) headers['content-type'] = testCase.contentType;
  return smithySign(
    { method: testCase.method, url, headers, body: testCase.body },
    testCase.credentials ?? KEYS,
    { region: testCase.region ?? 'us-east-1', service: testCase.service, s3: testCase.s3 === true },
    new Date(CLOCK),
  );
}

describe('Signature Version 4 matches @smithy/signature-v4', () => {
  it.each(CASES)('$name', async (testCase) => {
    const ours = await oursSigned(testCase);
    const theirs = await smithySigned(testCase);
    expect(ours.get('authorization')).toBe(theirs.authorization);
    expect(ours.get('x-amz-date')).toBe(theirs['x-amz-date']);
    expect(ours.get('x-amz-security-token')).toBe(theirs['x-amz-security-token'] ?? null);
    expect(ours.get('x-amz-content-sha256')).toBe(theirs['x-amz-content-sha256'] ?? null);
  });

  it('reproduces the AWS documentation example signature (IAM ListUsers, 2015-08-30)', async () => {
    const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' });
    const auth = new SigV4Auth('aws', { ...KEYS, service: 'iam' }, { s3: false, now: () => CLOCK });
    await auth.apply({ method: 'GET', url: new URL('https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08'), headers });
    // The documented signature for this request (AWS General Reference, "Examples of the complete Signature Version 4 signing process").
    expect(headers.get('authorization')).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
    );
  });

  it('signs a retried request afresh: new date, one signature, no stale token', async () => {
    let now = CLOCK;
    const auth = new SigV4Auth('aws', { ...KEYS, service: 'iam' }, { s3: false, now: () => now });
    const headers = new Headers({ 'x-amz-security-token': 'stale' });
    const request = { method: 'GET', url: new URL('https://iam.amazonaws.com/'), headers };
    await auth.apply(request);
    const first = headers.get('authorization');
    now += 60_000;
    await auth.apply(request);
    expect(headers.get('authorization')).not.toBe(first);
    expect(headers.get('x-amz-date')).toBe(amzDate(new Date(now)));
    expect(headers.get('x-amz-security-token')).toBeNull();
  });
});

describe('canonical pieces', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['/a%20b', '/a%2520b'],
    ['/a/../b/./c//', '/b/c/'],
  ])('canonicalUri(%j) = %j', (path, want) => {
    expect(canonicalUri(path, false)).toBe(want);
  });

  it('leaves the S3 path as sent', () => {
    expect(canonicalUri('/a%20b//c', true)).toBe('/a%20b//c');
  });

  it('sorts by key then value and encodes with unreserved characters only', () => {
    expect(canonicalQuery('?b=2&a=z&a=%20y&c&d=%7e')).toBe('a=%20y&a=z&b=2&c=&d=~');
  });
});
