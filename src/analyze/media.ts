import type { BodyEncoding } from '../model/index.js';

/** Lower-cased media type without parameters: `Application/JSON; charset=utf-8` → `application/json`. */
export function essence(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

export function isJsonMedia(mediaType: string): boolean {
  const m = essence(mediaType);
  return m === 'application/json' || m.endsWith('+json');
}

/**
 * Each media type's encoding, worked out once per process: a document names a handful of media
 * types over and over (GitHub's: 14 in ~1,700 entries), and each answer cost a
 * split, a trim and a lower-casing, twice. A document cannot grow it past the media types it writes.
 */
const ENCODINGS = new Map<string, BodyEncoding>();
const MAX_ENCODINGS = 1000;

/** How a body of this media type is put on the wire by the generated runtime. */
export function bodyEncoding(mediaType: string): BodyEncoding {
  let encoding = ENCODINGS.get(mediaType);
  if (encoding === undefined) {
    encoding = encodingOf(mediaType);
    if (ENCODINGS.size < MAX_ENCODINGS) ENCODINGS.set(mediaType, encoding);
  }
  return encoding;
}

function encodingOf(mediaType: string): BodyEncoding {
  const m = essence(mediaType);
  if (isJsonMedia(m)) return 'json';
  if (m === 'application/x-www-form-urlencoded') return 'form';
  if (m.startsWith('multipart/')) return 'multipart';
  if (m.startsWith('text/') || m === 'application/xml' || m.endsWith('+xml')) return 'text';
  return 'binary';
}

