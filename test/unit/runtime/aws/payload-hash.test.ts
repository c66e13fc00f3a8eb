import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { payloadHash } from '../../../../src/runtime/aws/payload-hash.js';

const hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

function streamOf(text: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
}

describe('payload hash', () => {
  it('hashes text, form fields and bytes as sent', async () => {
    expect(await payloadHash({ headers: new Headers(), body: { body: '{"a":"é"}', contentType: 'application/json', replayable: true } }, false)).toBe(hex('{"a":"é"}'));
    const form = new URLSearchParams({ a: 'b c', d: '&' });
    expect(await payloadHash({ headers: new Headers(), body: { body: form, contentType: undefined, replayable: true } }, false)).toBe(hex('a=b+c&d=%26'));
    const view = new Uint8Array([9, 1, 2, 3, 9]).subarray(1, 4);
    expect(await payloadHash({ headers: new Headers(), body: { body: view, contentType: undefined, replayable: true } }, false)).toBe(hex(new Uint8Array([1, 2, 3])));
  });

  it('renders multipart once, sending the bytes it hashed under their boundary', async () => {
    const form = new FormData();
    form.append('name', 'Rex');
    const request = { headers: new Headers(), body: { body: form as BodyInit, contentType: undefined, replayable: true } };
    const hash = await payloadHash(request, false);
    const sent = request.body.body as Uint8Array;
    expect(hash).toBe(hex(sent));
    const boundary = /boundary=(.+)$/.exec(request.headers.get('content-type') ?? '')?.[1];
    expect(boundary).toBeDefined();
    expect(new TextDecoder().decode(sent)).toContain(`--${boundary}`);
  });

  it('sends a stream unread to S3 (UNSIGNED-PAYLOAD), and reads it for other services', async () => {
    const s3 = { headers: new Headers(), body: { body: streamOf('big') as BodyInit, contentType: 'application/octet-stream', replayable: false } };
    expect(await payloadHash(s3, true)).toBe('UNSIGNED-PAYLOAD');
    expect(s3.body.replayable).toBe(false);
    const other = { headers: new Headers(), body: { body: streamOf('big') as BodyInit, contentType: 'application/octet-stream', replayable: false } };
    expect(await payloadHash(other, false)).toBe(hex('big'));
    expect(other.body.replayable).toBe(true);
  });
});
