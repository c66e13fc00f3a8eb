import { pointer } from '../errors.js';

/**
 * Splits a URI-fragment JSON pointer (`/paths/~1pets%7Bid%7D/get`, without `#`) into raw
 * segments. Returns undefined when it is not a JSON pointer (e.g. a 3.1 `$anchor` name).
 */
export function parseFragmentPointer(fragment: string): string[] | undefined {
  if (fragment === '') return [];
  if (!fragment.startsWith('/')) return undefined;
  return fragment
    .slice(1)
    .split('/')
    .map((segment) => safeDecode(segment).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Splits an ajv instancePath (`/paths/~1pets/get`) into raw segments. */
export function parseJsonPointer(jsonPointer: string): string[] {
  if (jsonPointer === '') return [];
  return jsonPointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function toFragment(segments: readonly string[]): string {
  return segments.length === 0 ? '#' : pointer(...segments);
}

const own = Object.prototype.hasOwnProperty;

/** Follows raw segments into a parsed value; `found: false` when a step is missing. */
export function resolveSegments(root: unknown, segments: readonly string[]): { found: true; value: unknown } | { found: false } {
  let node = root;
  for (const segment of segments) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(segment) || Number(segment) >= node.length) return { found: false };
      node = node[Number(segment)];
    } else if (node !== null && typeof node === 'object' && own.call(node, segment)) {
      node = (node as Record<string, unknown>)[segment];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: node };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
