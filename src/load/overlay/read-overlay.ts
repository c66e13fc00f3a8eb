import { KeywayError } from '../../errors.js';
import { childPointer } from '../../json/json-pointer.js';
import { extensionOf, isHttpUrl, toLocationUrl, type LocationUrl } from '../locations.js';
import { parseText } from '../parse-text.js';
import { readSource, rereadLocalFile } from '../read-source.js';
import type { TextPosition } from '../text-position.js';

/** One action of an Overlay 1.0 document, checked. */
export interface OverlayAction {
  /** RFC 9535 JSONPath query selecting the nodes to change. */
  target: string;
  /** `remove: true` wins over `update`, as the specification says. */
  remove: boolean;
  /** The value to merge or append; undefined when the action only removes. */
  update?: unknown;
}

/** An Overlay 1.0 document, read, parsed and checked. */
export interface OverlayDocument {
  /** The file path or URL as given: how errors name it. */
  file: string;
  actions: OverlayAction[];
  /** Where the node at these (unescaped) segments is written in the overlay's own text. */
  locate(segments: readonly string[]): TextPosition | undefined;
}

const ROOT_KEYS = new Set(['overlay', 'info', 'extends', 'actions']);
const INFO_KEYS = new Set(['title', 'version']);
const ACTION_KEYS = new Set(['target', 'description', 'update', 'remove']);
/** `patch` versions "SHOULD NOT be considered by tooling" (Overlay 1.0 §Versions). */
const VERSION = /^1\.0\.\d+$/;

/**
 * Reads an overlay (YAML or JSON, a file or an http(s) URL) and checks it against the Overlay 1.0
 * schema by hand: required fields, their types, no unknown fields but `x-` extensions. Every
 * problem is a KeywayError naming the overlay file and the JSON pointer inside it.
 */
export async function readOverlay(source: string): Promise<OverlayDocument> {
  let location: LocationUrl;
  try {
    location = toLocationUrl(source);
  } catch (cause) {
    throw new KeywayError('E_READ', 'not a valid overlay file path or URL', { file: source }, { cause });
  }
  const bytes = await readSource(location).catch((error: unknown) => {
    // readSource names the absolute path; the user knows the overlay by what they typed
    if (error instanceof KeywayError) throw new KeywayError(error.code, `overlay: ${error.reason}`, { file: source }, { cause: error });
    throw error;
  });
  const extension = extensionOf(location);
  const hint = extension === 'json' ? 'json' : extension === 'yaml' || extension === 'yml' ? 'yaml' : undefined;
  const parsed = await parseText(bytes, source, hint, isHttpUrl(location) ? undefined : () => rereadLocalFile(location));
  const fail = (segments: readonly (string | number)[], message: string): never => {
    const pointer = childPointer('#', ...segments);
    throw new KeywayError('E_OVERLAY', `invalid overlay: ${message}`, { file: source, pointer, ...parsed.locate(segments.map(String)) });
  };
  const actions = checkOverlay(parsed.value, fail);
  if (isHttpUrl(location)) actions.forEach((action, index) => refuseLocalRefs(action.update, ['actions', index, 'update'], fail));
  return { file: source, actions, locate: parsed.locate };
}

/**
 * An overlay fetched over http(s) may not make the description read local files, as a description
 * fetched so may not: their content would end up in the generated client. Its `$ref`s must stay
 * inside the document (`#/…`) or name http(s) URLs; a relative one would resolve against a local
 * description's folder.
 */
function refuseLocalRefs(value: unknown, at: Array<string | number>, fail: Fail): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => refuseLocalRefs(item, [...at, i], fail));
  } else if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string' && !inner.startsWith('#') && !isHttpUrl(inner)) {
        fail([...at, key], `an overlay fetched over http(s) cannot reference local files ($ref ${JSON.stringify(inner)})`);
      }
      refuseLocalRefs(inner, [...at, key], fail);
    }
  }
}

type Fail = (segments: readonly (string | number)[], message: string) => never;

function checkOverlay(value: unknown, fail: Fail): OverlayAction[] {
  if (!isObject(value)) return fail([], `an overlay must be an object with "overlay", "info" and "actions", not ${describe(value)}`);
  unknownKeys(value, ROOT_KEYS, [], fail);
  if (!('overlay' in value)) fail([], 'missing required field "overlay" (e.g. overlay: 1.0.0)');
  if (typeof value['overlay'] !== 'string' || !VERSION.test(value['overlay'])) {
    fail(['overlay'], `unsupported overlay version ${JSON.stringify(value['overlay'])} (keyway applies Overlay 1.0.x; quote the version in YAML)`);
  }
  const info = value['info'];
  if (!isObject(info)) return fail(info === undefined ? [] : ['info'], info === undefined ? 'missing required field "info"' : `"info" must be an object, not ${describe(info)}`);
  unknownKeys(info, INFO_KEYS, ['info'], fail);
  for (const key of INFO_KEYS) {
    if (typeof info[key] !== 'string') fail(key in info ? ['info', key] : ['info'], key in info ? `"info.${key}" must be a string` : `missing required field "info.${key}"`);
  }
  if ('extends' in value && typeof value['extends'] !== 'string') fail(['extends'], '"extends" must be a string (a URI reference)');
  const actions = value['actions'];
  if (actions === undefined) return fail([], 'missing required field "actions"');
  if (!Array.isArray(actions) || actions.length === 0) return fail(['actions'], '"actions" must be a non-empty array of action objects');
  return actions.map((action, index) => checkAction(action, ['actions', index], fail));
}

function checkAction(value: unknown, at: readonly (string | number)[], fail: Fail): OverlayAction {
  if (!isObject(value)) return fail(at, `an action must be an object with "target" and "update" or "remove", not ${describe(value)}`);
  unknownKeys(value, ACTION_KEYS, at, fail);
  const target = value['target'];
  if (target === undefined) fail(at, 'missing required field "target" (a JSONPath such as $.paths)');
  if (typeof target !== 'string' || !target.startsWith('$')) return fail([...at, 'target'], '"target" must be a JSONPath string starting with "$"');
  if ('description' in value && typeof value['description'] !== 'string') fail([...at, 'description'], '"description" must be a string');
  const remove = value['remove'];
  if (remove !== undefined && typeof remove !== 'boolean') fail([...at, 'remove'], '"remove" must be true or false');
  if (remove !== true && !('update' in value)) fail(at, 'an action needs "update" or "remove: true"');
  return remove === true ? { target, remove: true } : { target, remove: false, update: value['update'] };
}

function unknownKeys(value: Record<string, unknown>, known: ReadonlySet<string>, at: readonly (string | number)[], fail: Fail): void {
  for (const key of Object.keys(value)) {
    if (!known.has(key) && !key.startsWith('x-')) fail([...at, key], `unknown field ${JSON.stringify(key)} (valid: ${[...known].join(', ')}, or x- extensions)`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value === 'number' ? 'a number' : typeof value === 'boolean' ? 'a boolean' : typeof value === 'string' ? 'a string' : typeof value}`;
}
