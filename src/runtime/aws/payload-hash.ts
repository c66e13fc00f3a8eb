/**
 * The SHA-256 of the body Signature Version 4 signs. Bodies whose bytes fetch would only make while
 * sending (multipart, whose boundary it picks; a stream) are turned into bytes first, so that what
 * is hashed is exactly what is sent.
 */
import type { EncodedBody } from '../encode-body.js';
import type { BodyInit } from '../fetch-types.js';
import { sha256Hex, utf8, type Bytes } from './hmac-sha256.js';
import { EMPTY_PAYLOAD_HASH, UNSIGNED_PAYLOAD } from './sign-v4.js';

export interface PayloadRequest {
  headers: Headers;
  body?: EncodedBody | undefined;
}

async function bytesOf(body: BodyInit): Promise<Bytes | undefined> {
  if (typeof body === 'string') return utf8(body);
  if (body instanceof URLSearchParams) return utf8(body.toString());
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength).slice();
  if (typeof Blob !== 'undefined' && body instanceof Blob) return new Uint8Array(await body.arrayBuffer());
  return undefined;
}

/**
 * Returns the payload hash, replacing a multipart or streamed body by its bytes when it must be read
 * to be hashed. S3 accepts UNSIGNED-PAYLOAD, and a stream is sent unread there: an upload may be
 * larger than memory, and S3 checks its integrity by other means (Content-MD5, checksums) if asked.
 * Every other service requires the hash, so a stream is read into memory for them.
 */
export async function payloadHash(request: PayloadRequest, s3: boolean): Promise<string> {
  const encoded = request.body;
  if (encoded === undefined) return EMPTY_PAYLOAD_HASH;
  const direct = await bytesOf(encoded.body);
  if (direct !== undefined) return sha256Hex(direct);
  const isStream = typeof ReadableStream !== 'undefined' && encoded.body instanceof ReadableStream;
  if (isStream && s3) return UNSIGNED_PAYLOAD;
  // FormData (or a stream for a service that needs the hash): let fetch's own encoder write it once.
  const rendered = new Response(encoded.body);
  const bytes = new Uint8Array(await rendered.arrayBuffer());
  const contentType = rendered.headers.get('content-type');
  if (contentType !== null && !request.headers.has('content-type')) request.headers.set('content-type', contentType);
  request.body = { body: bytes, contentType: request.headers.get('content-type') ?? undefined, replayable: true };
  return sha256Hex(bytes);
}
