/**
 * Percent-encoding for parameter values. `encodeURIComponent` leaves `!'()*` alone although RFC 3986
 * counts them as reserved; RFC 6570 expansion (which OpenAPI styles are defined by) encodes them.
 */

/** Encodes everything except RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`). */
export function encodeUnreserved(text: string): string {
  // Each of the sub-delims encodeURIComponent leaves is above 0x20: two hex digits.
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => '%' + char.charCodeAt(0).toString(16).toUpperCase());
}

/**
 * `allowReserved`: reserved characters and existing percent-encoded triplets pass through. `#`, `&`,
 * `=` and `+` are still encoded, because raw they would end the query or change its structure.
 */
const KEPT_RESERVED = /%(3A|2F|3F|5B|5D|40|21|24|27|28|29|2A|2C|3B)/g;

export function encodeAllowReserved(text: string): string {
  return text
    .split(/(%[0-9A-Fa-f]{2})/)
    .map((part, index) => (index % 2 === 1 ? part : encodeUnreserved(part).replace(KEPT_RESERVED, (triplet) => decodeURIComponent(triplet))))
    .join('');
}

/** The text form of one scalar: Dates as ISO 8601, null as empty, nested structures as JSON. */
export function toParamText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
