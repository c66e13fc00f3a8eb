/**
 * Local `$ref` handling for schemas. Unlike the loader's resolver these never throw: a reference
 * that cannot be followed just becomes `unknown` in the type tree.
 */

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Raw segments of a local `#/...` pointer, or undefined when it is not a local pointer. */
export function pointerSegments(ref: string): string[] | undefined {
  if (!ref.startsWith('#')) return undefined;
  const fragment = decodeFragment(ref.slice(1));
  if (fragment === '') return [];
  if (!fragment.startsWith('/')) return undefined;
  return fragment.slice(1).split('/').map(unescapeSegment);
}

/** The component name when `ref` points exactly at `#/components/schemas/<Name>`. */
export function componentSchemaName(ref: string): string | undefined {
  const segments = pointerSegments(ref);
  if (segments === undefined || segments.length !== 3) return undefined;
  return segments[0] === 'components' && segments[1] === 'schemas' ? segments[2] : undefined;
}

/** Follows a local pointer through the document; undefined when it leads nowhere. */
export function lookup(document: unknown, ref: string): unknown {
  const segments = pointerSegments(ref);
  if (segments === undefined) return undefined;
  let node = document;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** A pointer in the canonical form used for cycle detection: decoded, then re-escaped, no percent-encoding. */
export function canonicalPointer(ref: string): string | undefined {
  const segments = pointerSegments(ref);
  if (segments === undefined) return undefined;
  return '#' + segments.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
