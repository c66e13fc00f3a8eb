/**
 * HTTP Basic and Digest against Apache httpd (Debian apache2, mod_auth_digest with
 * AuthDigestNcCheck On), started by the test as a user-level instance on a free loopback port.
 * What counts is what Apache answered and logged, and what its CGI script received.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/runtime/api-error.js';
import { BasicAuth } from '../../src/runtime/basic-auth.js';
import { testCore, type TestCore } from '../support/test-core.js';
import { MAX_CHALLENGES } from '../../src/runtime/digest/challenge-pool.js';
import { DigestAuth } from '../../src/runtime/digest/digest-auth.js';
import type { OperationSpec } from '../../src/runtime/operation.js';
import { apacheAvailable, startApache, type Apache } from '../support/apache.js';
import { encodeBinaryBody } from '../../src/runtime/encode-body.js';
import { writeQueryParam } from '../../src/runtime/serialize-query.js';

const USER = { username: 'ann', password: 'p4ss: wörd' };

interface Echo {
  method: string;
  user: string;
  length: number;
  sha256: string;
}

function echoOp(prefix: string, scheme: string, method = 'GET'): OperationSpec {
  return {
    id: `echo${method}`,
    method,
    path: `/${prefix}/echo`,
    params: [{ key: 'n', name: 'n', in: 'query', serialize: writeQueryParam }],
    ...(method === 'GET' ? {} : { body: { key: 'body', encoding: 'binary' as const, mediaType: 'application/octet-stream', encode: encodeBinaryBody } }),
    security: [[[scheme, []]]],
  };
}

let apache: Apache;
let logStart = 0;
beforeAll(async () => {
  apache = await startApache(USER);
}, 60_000);
afterAll(() => apache?.stop());
beforeEach(() => {
  logStart = apache.accessLog().length;
});

/**
 * Access log lines since the test began. Apache writes a line after answering, so this waits
 * (boundedly: the machine may be busy) until at least `atLeast` are there.
 */
async function logged(atLeast: number): Promise<string[]> {
  // `OPTIONS *` are prefork's own wake-up connections to its children, not ours.
  const ours = (): string[] => apache.accessLog().slice(logStart).filter((line) => !line.startsWith('OPTIONS * '));
  for (const until = Date.now() + 10_000; ours().length < atLeast && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => setTimeout(resolve, 100)); // and nothing more comes after
  return ours();
}

function digestClient(password = USER.password): TestCore {
  return testCore({ baseUrl: apache.origin, auth: new Map([['digest', new DigestAuth('digest', { username: USER.username, password })]]) });
}

describe.runIf(apacheAvailable())('Apache httpd', () => {
  it('Digest: 30 concurrent calls all succeed under AuthDigestNcCheck On', async () => {
    const core = digestClient();
    const results = await Promise.all(Array.from({ length: 30 }, (_, n) => core.request<Echo>(echoOp('digest', 'digest'), { n }).catch((e: unknown) => e)));
    const failures = results.filter((result) => result instanceof Error);
    expect(failures).toEqual([]);
    expect(results.every((result) => (result as Echo).user === USER.username)).toBe(true);
    expect(apache.errorLog()).not.toMatch(/nonce.count|nonce count/i);
    const lines = await logged(30);
    expect(lines.filter((line) => line.endsWith(' 200'))).toHaveLength(30);
    // The 401s are the probes for the challenges the pool holds, nothing more.
    expect(lines.filter((line) => line.endsWith(' 401')).length, apache.errorLog()).toBeLessThanOrEqual(MAX_CHALLENGES);
    // Then sequential calls reuse the challenges: no more 401s.
    for (let n = 0; n < 5; n++) await core.request(echoOp('digest', 'digest'), { n });
    expect((await logged(lines.length + 5)).slice(lines.length)).toEqual(Array.from({ length: 5 }, () => 'GET /digest/echo 200'));
  }, 60_000);

  it('Digest: a stream body is sent once, signed, after a HEAD probe', async () => {
    const payload = new TextEncoder().encode('streamed upload '.repeat(4096));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < payload.length; offset += 8192) controller.enqueue(payload.slice(offset, offset + 8192));
        controller.close();
      },
    });
    const echo = await digestClient().request<Echo>(echoOp('digest', 'digest', 'POST'), { n: 1, body: stream });
    expect(echo).toEqual({ method: 'POST', user: USER.username, length: payload.length, sha256: createHash('sha256').update(payload).digest('hex') });
    expect(await logged(2)).toEqual(['HEAD /digest/echo 401', 'POST /digest/echo 200']);
  }, 30_000);

  it('Digest: an expired nonce (stale=true) re-challenges once and succeeds', async () => {
    const core = digestClient();
    await core.request(echoOp('short-digest', 'digest'), { n: 1 });
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await expect(core.request<Echo>(echoOp('short-digest', 'digest'), { n: 2 })).resolves.toMatchObject({ user: USER.username });
    expect(await logged(4)).toEqual(['GET /short-digest/echo 401', 'GET /short-digest/echo 200', 'GET /short-digest/echo 401', 'GET /short-digest/echo 200']);
  }, 30_000);

  it('Digest: a wrong password fails with 401 (the check can fail), without retrying a fresh challenge', async () => {
    const error = await digestClient('wrong').request(echoOp('digest', 'digest'), { n: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401 });
    expect(await logged(2)).toEqual(['GET /digest/echo 401', 'GET /digest/echo 401']);
  }, 30_000);

  it('Basic: the right password is accepted, a wrong one refused', async () => {
    const basic = (password: string) => testCore({ baseUrl: apache.origin, auth: new Map([['basic', new BasicAuth('basic', { username: USER.username, password })]]) });
    await expect(basic(USER.password).request<Echo>(echoOp('basic', 'basic'), { n: 1 })).resolves.toMatchObject({ user: USER.username, method: 'GET' });
    await expect(basic('wrong').request(echoOp('basic', 'basic'), { n: 2 })).rejects.toMatchObject({ status: 401 });
    expect(await logged(2)).toEqual(['GET /basic/echo 200', 'GET /basic/echo 401']);
  }, 30_000);
});
