import { KeywayError } from '../errors.js';
import type { SourceVersion } from '../model/api.js';
import type { TextPosition } from './text-position.js';

export interface DetectedVersion {
  /** The `openapi`/`swagger` value as written (a YAML `swagger: 2.0` number is reported as '2.0'). */
  specVersion: string;
  version: SourceVersion;
}

const OPENAPI_VERSIONS: ReadonlyArray<[RegExp, SourceVersion]> = [
  [/^3\.0\.\d+(-.+)?$/, '3.0'],
  [/^3\.1\.\d+(-.+)?$/, '3.1'],
  [/^3\.2\.\d+(-.+)?$/, '3.2'],
];
const SUPPORTED = 'supported: Swagger 2.0, OpenAPI 3.0.x, 3.1.x and 3.2.x';

/** Decides which specification a parsed document claims to follow; E_VERSION when it claims none we support. */
export function detectVersion(document: unknown, file: string, locate: (segments: readonly string[]) => TextPosition | undefined): DetectedVersion {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new KeywayError('E_VERSION', `not an OpenAPI document: expected an object with an 'openapi' or 'swagger' field, found ${describe(document)}`, { file, pointer: '#' });
  }
  const { openapi, swagger } = document as Record<string, unknown>;
  const at = (field: string) => ({ file, pointer: `#/${field}`, ...locate([field]) });
  if (openapi !== undefined) {
    if (typeof openapi !== 'string') {
      throw new KeywayError('E_VERSION', `'openapi' must be a string such as '3.1.0' (quote it in YAML), found ${describe(openapi)}`, at('openapi'));
    }
    const match = OPENAPI_VERSIONS.find(([pattern]) => pattern.test(openapi));
    if (!match) throw new KeywayError('E_VERSION', `unsupported OpenAPI version '${openapi}' (${SUPPORTED})`, at('openapi'));
    return { specVersion: openapi, version: match[1] };
  }
  if (swagger !== undefined) {
    // `swagger: 2.0` unquoted is the YAML number 2, and common enough to accept.
    if (swagger === '2.0' || swagger === 2) return { specVersion: '2.0', version: '2.0' };
    throw new KeywayError('E_VERSION', `unsupported Swagger version ${JSON.stringify(swagger)} (${SUPPORTED})`, at('swagger'));
  }
  throw new KeywayError('E_VERSION', `missing 'openapi' or 'swagger' version field (${SUPPORTED})`, { file, pointer: '#' });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}
