/**
 * JSON pointers (RFC 6901), the one parser and formatter every stage uses. A `$ref` fragment is
 * read as §6 says: percent-decode the whole fragment, then split on `/`, then unescape `~1` and
 * `~0` — so `#/a%2Fb` is the two segments `a`, `b`, and a key containing `/` is written `~1`.
 */

/**
 * Escapes one segment for a URI-fragment pointer: `~` → `~0`, `/` → `~1`, and `%` → `%25`, so that
 * parsing the pointer back (which percent-decodes) gives the same segment. Other characters are
 * left as they are: these pointers are read by people in messages, not sent in URLs.
 */
export function pointerSegment(segment: string | number): string {
  const text = String(segment);
  // most segments need no escape; testing first spares three replacements (analysis builds a pointer per schema)
  return NEEDS_ESCAPE.test(text) ? text.replace(/~/g, '~0').replace(/\//g, '~1').replace(/%/g, '%25') : text;
}

const NEEDS_ESCAPE = /[~/%]/;

/** A URI-fragment pointer from raw segments: `pointer('paths', '/pets', 'get')` → `#/paths/~1pets/get`. */
export function pointer(...segments: Array<string | number>): string {
  return '#' + segments.map((s) => '/' + pointerSegment(s)).join('');
}

/** An existing URI-fragment pointer with raw segments appended. */
export function childPointer(base: string, ...segments: Array<string | number>): string {
  let child = base;
  for (const segment of segments) child += '/' + pointerSegment(segment);
  return child;
}

/** Raw segments of a JSON pointer string (`/paths/~1pets/get`, as in an ajv instancePath): no percent-decoding. */
export function parseJsonPointer(jsonPointer: string): string[] | undefined {
  if (jsonPointer === '') return [];
  if (!jsonPointer.startsWith('/')) return undefined;
  const segments = jsonPointer.slice(1).split('/');
  if (!jsonPointer.includes('~')) return segments;
  return segments.map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Raw segments of a URI fragment (without `#`) that holds a JSON pointer; undefined when it is not
 * one (a 3.1 `$anchor` name). A stray `%` that does not start an escape (`#/parameters/50%`) is
 * taken literally, as tools commonly do, instead of failing.
 */
export function parseFragment(fragment: string): string[] | undefined {
  return parseJsonPointer(percentDecode(fragment));
}

/** Raw segments of a local reference (`#/components/schemas/Pet`); undefined when it is not a local JSON pointer. */
export function parseLocalRef(ref: string): string[] | undefined {
  return ref.startsWith('#') ? parseFragment(ref.slice(1)) : undefined;
}

/** A local reference in canonical form (decoded, re-escaped, no percent-encoding), for comparing references. */
export function canonicalRef(ref: string): string | undefined {
  const segments = parseLocalRef(ref);
  return segments === undefined ? undefined : pointer(...segments);
}

export type Lookup = { found: true; value: unknown } | { found: false };

/**
 * Follows raw segments into a parsed value, reading only own properties (a segment `__proto__` or
 * `constructor` must not reach the prototype) and array indexes as RFC 6901 writes them.
 */
export function lookupSegments(root: unknown, segments: readonly string[]): Lookup {
  let node = root;
  for (const segment of segments) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(segment) || Number(segment) >= node.length) return { found: false };
      node = node[Number(segment)];
    } else if (node !== null && typeof node === 'object' && Object.hasOwn(node, segment)) {
      node = (node as Record<string, unknown>)[segment];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: node };
}

/**
 * The value a local reference points at in `document`; undefined when it leads nowhere. Parsed and
 * looked up once per reference and document: a large API names the same shared responses,
 * parameters and schemas thousands of times (GitHub's: 14,000 lookups). So a document must not be
 * changed once references are looked up in it (analysis, the only caller, only reads).
 */
export function lookupLocalRef(document: object, ref: string): unknown {
  let targets = LOCAL_REF_TARGETS.get(document);
  if (targets === undefined) LOCAL_REF_TARGETS.set(document, (targets = new Map()));
  if (targets.has(ref)) return targets.get(ref);
  const segments = parseLocalRef(ref);
  const found = segments === undefined ? undefined : lookupSegments(document, segments);
  const target = found?.found ? found.value : undefined;
  targets.set(ref, target);
  return target;
}

const LOCAL_REF_TARGETS = new WeakMap<object, Map<string, unknown>>();

/** The component name when `ref` points exactly at `#/components/schemas/<Name>`. */
export function componentSchemaName(ref: string): string | undefined {
  // asked of every schema's pointer during analysis: most are not under components/schemas at all
  // (a percent-encoded one may still decode to one)
  if (!ref.startsWith(COMPONENT_SCHEMAS)) {
    if (!ref.includes('%')) return undefined;
  } else if (!/[~/%]/.test(ref.slice(COMPONENT_SCHEMAS.length))) {
    return ref.slice(COMPONENT_SCHEMAS.length);
  }
  const segments = parseLocalRef(ref);
  if (segments === undefined || segments.length !== 3) return undefined;
  return segments[0] === 'components' && segments[1] === 'schemas' ? segments[2] : undefined;
}

const COMPONENT_SCHEMAS = '#/components/schemas/';

function percentDecode(fragment: string): string {
  if (!fragment.includes('%')) return fragment;
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
