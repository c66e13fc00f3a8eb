import { describe, expect, it } from 'vitest';
import { encodeBinaryBody, encodeFormBody, encodeJsonBody, encodeMultipartBody, encodeTextBody } from '../../../src/runtime/encode-body.js';
import type { BodyEncoder, BodyEncoding, BodySpec } from '../../../src/runtime/operation.js';

// The encoder a generated spec names for each encoding.
const ENCODERS: Record<BodyEncoding, BodyEncoder> = { json: encodeJsonBody, form: encodeFormBody, multipart: encodeMultipartBody, text: encodeTextBody, binary: encodeBinaryBody };
const spec = (encoding: BodyEncoding, mediaType: string): BodySpec => ({ key: 'body', encoding, mediaType, encode: ENCODERS[encoding] });
const encodeBody = (body: BodySpec, value: unknown, operation: string) => body.encode(body, value, operation);

describe('the body encoders', () => {
  it('json: stringifies and uses the media type', () => {
    expect(encodeBody(spec('json', 'application/merge-patch+json'), { a: [1] }, 'op')).toEqual({
      body: '{"a":[1]}',
      contentType: 'application/merge-patch+json',
      replayable: true,
    });
  });

  it('json: null and primitives are valid bodies', () => {
    expect(encodeBody(spec('json', 'application/json'), null, 'op').body).toBe('null');
    expect(encodeBody(spec('json', 'application/json'), 'x', 'op').body).toBe('"x"');
  });

  it('json: a value JSON cannot hold is a TypeError', () => {
    expect(() => encodeBody(spec('json', 'application/json'), () => 1, 'createPet')).toThrow(/createPet: the request body cannot be encoded as JSON/);
  });

  it('form: primitives, repeated arrays, nested JSON, null/undefined skipped', () => {
    const { body, contentType } = encodeBody(
      spec('form', 'application/x-www-form-urlencoded'),
      { name: 'a b&c', tags: ['x', 'y'], meta: { k: 1 }, n: 2, gone: undefined, nil: null },
      'op',
    );
    expect(contentType).toBe('application/x-www-form-urlencoded');
    expect(String(body)).toBe('name=a+b%26c&tags=x&tags=y&meta=%7B%22k%22%3A1%7D&n=2');
  });

  it('form: rejects a non-object', () => {
    expect(() => encodeBody(spec('form', 'application/x-www-form-urlencoded'), 'x', 'op')).toThrow(/form body must be an object/);
  });

  it('multipart: Blobs as files, arrays repeated, objects JSON, no content-type', async () => {
    const file = new Blob(['hello'], { type: 'text/plain' });
    const { body, contentType } = encodeBody(spec('multipart', 'multipart/form-data'), { file, ids: [1, 2], meta: { a: 1 }, name: 'n' }, 'op');
    expect(contentType).toBeUndefined();
    const form = body as FormData;
    expect(form.getAll('ids')).toEqual(['1', '2']);
    expect(form.get('meta')).toBe('{"a":1}');
    expect(form.get('name')).toBe('n');
    const sent = form.get('file');
    expect(sent).toBeInstanceOf(Blob);
    expect(await (sent as Blob).text()).toBe('hello');
  });

  it('multipart: a FormData passes through', () => {
    const form = new FormData();
    expect(encodeBody(spec('multipart', 'multipart/form-data'), form, 'op').body).toBe(form);
  });

  it('text: String(value) with the media type', () => {
    expect(encodeBody(spec('text', 'text/plain'), 42, 'op')).toEqual({ body: '42', contentType: 'text/plain', replayable: true });
  });

  it.each([
    ['Blob', new Blob(['x'])],
    ['ArrayBuffer', new ArrayBuffer(2)],
    ['Uint8Array', new Uint8Array([1, 2])],
    ['string', 'raw'],
  ])('binary: %s passes through, replayable', (_label, value) => {
    expect(encodeBody(spec('binary', 'application/octet-stream'), value, 'op')).toEqual({ body: value, contentType: 'application/octet-stream', replayable: true });
  });

  it('binary: a stream passes through but cannot be replayed', () => {
    const stream = new ReadableStream();
    expect(encodeBody(spec('binary', 'image/png'), stream, 'op')).toEqual({ body: stream, contentType: 'image/png', replayable: false });
  });

  it('binary: anything else is a TypeError', () => {
    expect(() => encodeBody(spec('binary', 'image/png'), { a: 1 }, 'upload')).toThrow(/upload: a binary body must be/);
  });
});
