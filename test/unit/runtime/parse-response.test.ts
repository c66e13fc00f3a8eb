import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/runtime/api-error.js';
import { failureMessage } from '../../../src/runtime/failure-messages.js';
import { readErrorBody, readSuccessBody } from '../../../src/runtime/parse-response.js';

// How a success body is read follows its Content-Type: JSON parsed, text as a string, an event
// stream handed out unread, anything else (or no type at all) as a Blob.
describe('readSuccessBody reads by Content-Type', () => {
  const read = (contentType: string | null) =>
    readSuccessBody(new Response(new TextEncoder().encode('{"a":1}'), { headers: contentType === null ? {} : { 'content-type': contentType } }), 'GET', 'op');
  const parsed = (body: unknown) => expect(body).toEqual({ a: 1 });
  const text = (body: unknown) => expect(body).toBe('{"a":1}');
  const stream = (body: unknown) => expect(body).toBeInstanceOf(ReadableStream);
  const blob = (body: unknown) => expect(body).toBeInstanceOf(Blob);
  it.each([
    ['application/json', parsed],
    ['application/json; charset=utf-8', parsed],
    ['Application/JSON', parsed],
    ['application/problem+json', parsed],
    ['application/vnd.api+json', parsed],
    ['text/plain', text],
    ['text/html; charset=utf-8', text],
    ['application/xml', text],
    ['application/atom+xml', text],
    ['text/event-stream', stream],
    ['Text/Event-Stream; charset=utf-8', stream],
    ['application/octet-stream', blob],
    ['image/png', blob],
    [null, blob],
  ] as const)('%s', async (contentType, expectRead) => {
    expectRead(await read(contentType));
  });
});

const json = (text: string, status = 200) => new Response(text, { status, headers: { 'content-type': 'application/json' } });

describe('readSuccessBody', () => {
  it('parses JSON', async () => {
    expect(await readSuccessBody(json('{"id":1}'), 'GET', 'op')).toEqual({ id: 1 });
  });

  it.each([
    ['204', () => new Response(null, { status: 204 }), 'GET'],
    ['205', () => new Response(null, { status: 205 }), 'GET'],
    ['HEAD', () => json('{"a":1}'), 'HEAD'],
    ['empty JSON body', () => json(''), 'GET'],
    ['empty text body', () => new Response('', { headers: { 'content-type': 'text/plain' } }), 'GET'],
    ['empty binary body', () => new Response(new Uint8Array(0), { headers: { 'content-type': 'image/png' } }), 'GET'],
  ])('%s → undefined', async (_label, make, method) => {
    expect(await readSuccessBody(make(), method, 'op')).toBeUndefined();
  });

  it('returns text for text/* and XML', async () => {
    expect(await readSuccessBody(new Response('<a/>', { headers: { 'content-type': 'application/xml' } }), 'GET', 'op')).toBe('<a/>');
  });

  it('returns a Blob for anything else', async () => {
    const body = await readSuccessBody(new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'image/png' } }), 'GET', 'op');
    expect(body).toBeInstanceOf(Blob);
    expect(new Uint8Array(await (body as Blob).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('text/event-stream resolves to the unread body stream, even undeclared: it may never end', async () => {
    const response = new Response('data: 1\n\n', { headers: { 'content-type': 'text/event-stream' } });
    const body = await readSuccessBody(response, 'GET', 'op');
    expect(body).toBe(response.body);
    expect(response.bodyUsed).toBe(false);
  });

  it('what the document declares wins over the Content-Type sent', async () => {
    const stream = new Response('{"a":1}', { headers: { 'content-type': 'application/json' } });
    expect(await readSuccessBody(stream, 'GET', 'op', 'stream')).toBe(stream.body);
    const blob = await readSuccessBody(new Response('{"a":1}', { headers: { 'content-type': 'application/json' } }), 'GET', 'op', 'blob');
    expect(blob).toBeInstanceOf(Blob);
    expect(await (blob as Blob).text()).toBe('{"a":1}');
    // A declared binary body that is empty is an empty Blob, as the method's type says; no body at all stays undefined.
    expect(await readSuccessBody(new Response(new Uint8Array(0), { headers: { 'content-type': 'image/png' } }), 'GET', 'op', 'blob')).toBeInstanceOf(Blob);
    expect(await readSuccessBody(new Response(null, { status: 204 }), 'GET', 'op', 'stream')).toBeUndefined();
  });

  it('rejects invalid JSON on success, naming the operation', async () => {
    await expect(readSuccessBody(json('{oops'), 'GET', 'getPet')).rejects.toThrow(/getPet: the 200 response's JSON does not parse/);
  });
});

describe('readErrorBody', () => {
  it('parses JSON', async () => {
    expect(await readErrorBody(json('{"code":"nope"}', 400), 'GET')).toEqual({ code: 'nope' });
  });
  it('falls back to text when JSON does not parse', async () => {
    expect(await readErrorBody(json('<html>gateway</html>', 502), 'GET')).toBe('<html>gateway</html>');
  });
});

describe('ApiError', () => {
  it('carries the response and a readable message (failure-messages.ts writes it)', () => {
    const headers = new Headers({ 'x-request-id': 'r1' });
    const fields = { status: 404, statusText: 'Not Found', headers, body: { code: 'missing' }, operation: 'getPet' };
    const error = Object.assign(new ApiError(failureMessage(fields, undefined)), fields);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('getPet failed: 404 Not Found');
    expect(error.name).toBe('ApiError');
    expect([error.status, error.statusText, error.operation, error.body]).toEqual([404, 'Not Found', 'getPet', { code: 'missing' }]);
    expect(error.headers.get('x-request-id')).toBe('r1');
  });
  it('omits an empty status text, and says what authentication did when there is a note', () => {
    expect(failureMessage({ operation: 'op', status: 500, statusText: '' }, undefined)).toBe('op failed: 500');
    expect(failureMessage({ operation: 'op', status: 401, statusText: 'Unauthorized', authNote: 'the token was fixed' }, undefined)).toBe('op failed: 401 Unauthorized (the token was fixed)');
  });
});

describe('connection failure messages', () => {
  it('name the method and the origin and path, with a system error code only', () => {
    const cause = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED https://x/?key=secret'), { code: 'ECONNREFUSED' }) });
    expect(failureMessage({ operation: 'getPet', method: 'GET', url: 'https://api.test/pets/7' }, cause)).toBe('getPet: GET https://api.test/pets/7 got no response (ECONNREFUSED)');
    expect(failureMessage({ operation: 'getPet', method: 'GET', url: 'https://api.test/pets/7' }, new TypeError('fetch failed: https://x/?key=secret'))).toBe('getPet: GET https://api.test/pets/7 got no response');
    expect(failureMessage({ operation: 'getPet', method: 'GET', url: 'https://api.test/pets/7', timeoutMs: 200 }, undefined)).toBe('getPet: GET https://api.test/pets/7 did not answer within 200 ms (timeoutMs)');
  });
});
