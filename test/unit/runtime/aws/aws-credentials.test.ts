import { describe, expect, it } from 'vitest';
import { AwsCredentialSource, parseAwsCredential } from '../../../../src/runtime/aws/aws-credentials.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const now = () => 1_000_000;

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('did not throw');
}

describe('AWS credentials: bad input', () => {
  it.each([
    [{ accessKeyId: 'AKID' }, 'is missing secretAccessKey'],
    [{ secretAccessKey: SECRET }, 'is missing accessKeyId'],
    [{ accessKeyId: '', secretAccessKey: SECRET }, 'accessKeyId must be a non-empty string'],
    [{ accessKeyId: 'AKID', secretAccessKey: SECRET, sessionToken: 5 }, 'sessionToken must be a string'],
    [{ accessKeyId: 'AK ID\r\n', secretAccessKey: SECRET }, 'accessKeyId must be letters and digits'],
    [{ accessKeyId: 'AKID', secretAccessKey: SECRET, sessionToken: 'a\nb' }, 'characters an HTTP header cannot carry'],
    [{ accessKeyId: 'AKID', secretAccessKey: SECRET, region: 'US East' }, 'region must be an AWS region name'],
    [{ credentials: 'not a function' }, 'credentials must be a function'],
    ['AKID:secret', 'must be { accessKeyId, secretAccessKey'],
  ])('%j → %s, naming the scheme and no value', (credential, want) => {
    const message = messageOf(() => parseAwsCredential(credential, 'sigv4', now));
    expect(message).toContain(want);
    expect(message).toContain('"sigv4"');
    expect(message).not.toContain(SECRET);
    expect(message).not.toContain('AKID');
  });

  it('checks what a provider returns, without quoting it', async () => {
    const { source } = parseAwsCredential(() => ({ accessKeyId: 'AKID', secretAccessKey: '' }), 'sigv4', now);
    const error: Error = await source.get().then(() => new Error('resolved'), (e: Error) => e);
    expect(error.message).toBe('security scheme "sigv4": the AWS credential provider result: secretAccessKey must be a non-empty string');
  });
});

describe('AWS credential provider', () => {
  it('is called once for concurrent requests, cached until 5 minutes before expiry, then called again', async () => {
    let clock = 0;
    let calls = 0;
    const source = new AwsCredentialSource(
      async () => {
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { accessKeyId: `AKID${calls}`, secretAccessKey: SECRET, sessionToken: 'token', expiration: new Date(clock + 3_600_000) };
      },
      'sigv4',
      () => clock,
      true,
    );
    const first = await Promise.all([source.get(), source.get(), source.get()]);
    expect(calls).toBe(1);
    expect(new Set(first.map((c) => c.accessKeyId))).toEqual(new Set(['AKID1']));
    clock = 3_600_000 - 5 * 60_000 - 1;
    expect((await source.get()).accessKeyId).toBe('AKID1');
    clock += 1;
    expect((await source.get()).accessKeyId).toBe('AKID2');
    expect(calls).toBe(2);
  });

  it('asks again after a failure instead of caching it', async () => {
    let calls = 0;
    const source = new AwsCredentialSource(
      () => {
        calls++;
        if (calls === 1) throw new Error('metadata service down');
        return { accessKeyId: 'AKID', secretAccessKey: SECRET };
      },
      'sigv4',
      now,
      true,
    );
    await expect(source.get()).rejects.toThrow('metadata service down');
    expect((await source.get()).accessKeyId).toBe('AKID');
    expect((await source.get()).accessKeyId).toBe('AKID');
    expect(calls).toBe(2);
  });
});

describe('scheme hints', () => {
  it('refuses a signing name or region from the scheme spec that could forge the credential scope', async () => {
    const { SigV4Auth } = await import('../../../../src/runtime/aws/sigv4-auth.js');
    const keys = { accessKeyId: 'AKID', secretAccessKey: SECRET };
    expect(() => new SigV4Auth('aws', keys, { s3: false, service: 's3/aws4_request\n' })).toThrow('security scheme "aws": the scheme\'s service is not an AWS service name');
    expect(() => new SigV4Auth('aws', keys, { s3: false, region: 'us-east-1/x' })).toThrow('security scheme "aws": the scheme\'s region is not an AWS region name');
  });
});
