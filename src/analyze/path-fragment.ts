import type { ParameterModel } from '../model/index.js';

/**
 * What a path key's `#fragment` says. AWS-converted documents (aws2openapi) keep operations that
 * share a path apart with one: `/#Action=AssumeRole`, `/#X-Amz-Target=DynamoDB_20120810.GetItem`,
 * `/{Bucket}#acl`, `/{Bucket}/{Key}#partNumber&uploadId`. A fragment is never sent (no HTTP client
 * sends one); its bare `name` items name query keys that must be present.
 */
export interface PathFragment {
  /** The path the client sends: the key without its fragment. */
  requestPath: string;
  /** Bare `name` items (no `=value`), in order. */
  presentKeys: string[];
}

/** aws2openapi's marker for the older of two operations it had to put on one path: not a query key. */
const CONVERTER_MARKERS = new Set(['deprecated!']);

export function pathFragment(pathKey: string): PathFragment {
  const hash = pathKey.indexOf('#');
  if (hash === -1) return { requestPath: pathKey, presentKeys: [] };
  const items = pathKey.slice(hash + 1).split('&');
  const presentKeys = items.filter((item) => item !== '' && !item.includes('=') && !CONVERTER_MARKERS.has(item));
  return { requestPath: pathKey.slice(0, hash), presentKeys: [...new Set(presentKeys.map(decodeKey))] };
}

function decodeKey(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

/**
 * Query flags for the fragment's bare names that no parameter declares: `/{Bucket}#acl` sends
 * `?acl`. A declared parameter of that name (any location: `#x-amz-copy-source` is a header) is
 * made required where it is read instead.
 */
export function undeclaredFlags(fragment: PathFragment, parameters: readonly ParameterModel[]): ParameterModel[] {
  return fragment.presentKeys
    .filter((key) => !parameters.some((p) => sameName(p, key)))
    .map((name) => ({
      name,
      in: 'query',
      required: true,
      type: { kind: 'literal', value: true },
      style: 'form',
      explode: true,
      fixed: { flag: true },
    }));
}

/** Header names are case-insensitive (RFC 9110 §5.1); every other name is exact. */
export function sameName(parameter: Pick<ParameterModel, 'name' | 'in'>, name: string): boolean {
  return parameter.in === 'header' ? parameter.name.toLowerCase() === name.toLowerCase() : parameter.name === name;
}
