/**
 * Every failure keyway reports on purpose is a KeywayError: a stable code, a message a user can act
 * on, and where in which file the problem is. Anything else reaching the CLI is a bug.
 */
export type KeywayErrorCode =
  | 'E_READ' // file missing or unreadable, URL unreachable
  | 'E_PARSE' // YAML/JSON syntax
  | 'E_VERSION' // not a supported OpenAPI/Swagger version
  | 'E_INVALID' // fails the OpenAPI schema or a semantic rule
  | 'E_OVERLAY' // an overlay that is invalid or whose action cannot apply
  | 'E_REF' // a $ref that cannot be resolved
  | 'E_SECURITY' // a requirement that names an undeclared scheme
  | 'E_OUTPUT' // the output path cannot be written
  | 'E_TEMPLATE' // a template override is unknown or fails to render
  | 'E_VERIFY' // --verify: the rendered client does not type-check
  | 'E_USAGE'; // bad command-line or API options

export interface SourceLocation {
  /** File path or URL of the document. */
  file?: string;
  /** JSON pointer inside the document, in URI-fragment form (`#/paths/~1pets/get`). */
  pointer?: string;
  line?: number;
  column?: number;
}

export class KeywayError extends Error {
  override readonly name = 'KeywayError';
  readonly code: KeywayErrorCode;
  readonly location: SourceLocation;
  /** The message without the location prefix. */
  readonly reason: string;
  /** Further problems of the same kind (e.g. every schema violation after the first). */
  readonly details: string[];

  constructor(code: KeywayErrorCode, message: string, location: SourceLocation = {}, options: { cause?: unknown; details?: string[] } = {}) {
    super(formatMessage(message, location), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.reason = message;
    this.location = location;
    this.details = options.details ?? [];
  }
}

function formatMessage(message: string, loc: SourceLocation): string {
  let where = loc.file ?? '';
  if (loc.line !== undefined) where += `:${loc.line}${loc.column !== undefined ? `:${loc.column}` : ''}`;
  if (loc.pointer !== undefined) where += `${where ? ' ' : ''}at ${loc.pointer}`;
  return where ? `${where}: ${message}` : message;
}

/**
 * The same error, placed in `file` (and at the line and column of its pointer, when `locate` knows
 * them) when it did not name a file yet.
 */
export function inFile(error: unknown, file: string, locate?: (pointer: string) => { line: number; column: number; file?: string; pointer?: string } | undefined): unknown {
  if (!(error instanceof KeywayError) || error.location.file !== undefined) return error;
  const at = error.location.pointer !== undefined && error.location.line === undefined ? locate?.(error.location.pointer) : undefined;
  // `at` may name another file: an overlay wrote that node
  return new KeywayError(error.code, error.reason, { ...error.location, file, ...at }, { cause: error.cause, details: error.details });
}
