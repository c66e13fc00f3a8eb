import type { BodyEncoding } from '../model/index.js';

/** Lower-cased media type without parameters: `Application/JSON; charset=utf-8` → `application/json`. */
export function essence(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

export function isJsonMedia(mediaType: string): boolean {
  const m = essence(mediaType);
  return m === 'application/json' || m.endsWith('+json');
}

/** How a body of this media type is put on the wire by the generated runtime. */
export function bodyEncoding(mediaType: string): BodyEncoding {
  const m = essence(mediaType);
  if (isJsonMedia(m)) return 'json';
  if (m === 'application/x-www-form-urlencoded') return 'form';
  if (m.startsWith('multipart/')) return 'multipart';
  if (m.startsWith('text/') || m === 'application/xml' || m.endsWith('+xml')) return 'text';
  return 'binary';
}

