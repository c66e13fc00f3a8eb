import { KeywayError } from '../errors.js';
import { parseFragment } from '../json/json-pointer.js';
import type { TextPosition } from './text-position.js';
import type { SourceVersion } from '../model/api.js';
import { detectVersion } from './detect-version.js';
import { displayLocation, extensionOf, isHttpUrl, toLocationUrl, type LocationUrl } from './locations.js';
import { parseText, type SyntaxHint } from './parse-text.js';
import { readSource, rereadLocalFile } from './read-source.js';
import { resolveRefs, type SourceFile } from './resolve-refs.js';
import { validateDocument } from './validate-document.js';

export interface LoadedDocument {
  /** The file path or URL as given. */
  source: string;
  /** Exact original `openapi`/`swagger` value, e.g. '3.0.3', '2.0'. */
  specVersion: string;
  version: SourceVersion;
  /**
   * One self-contained document in OpenAPI 3.x shape: external `$ref`s bundled in, local `$ref`s
   * kept as `$ref`. Swagger 2.0 is upgraded to 3.0 shape (`openapi: '3.0.3'`).
   */
  document: Record<string, unknown>;
  /** Files (absolute paths / URLs) the document was read from, the root first, then the overlays. */
  files: string[];
  /**
   * Line and column of a URI-fragment pointer (`#/paths/~1pets/get`) in the source text, for later
   * stages' messages. Only where `document` is the text as written: one file, not Swagger 2.0.
   */
  locate(pointer: string): TextPosition | undefined;
}

export type LoadStage = 'read' | 'overlay' | 'version' | 'refs' | 'bundle' | 'validate' | 'upgrade';

export interface LoadOptions {
  /** Check the document against the OpenAPI JSON Schema for its version (default true). */
  validate?: boolean;
  /** Called after each stage with its duration, for `--verbose` and benchmarks. */
  onStage?: (stage: LoadStage, milliseconds: number) => void;
  /** Overlay 1.0 documents (paths or URLs) applied to the description, in order, before anything else reads it. */
  overlays?: readonly string[];
}

/**
 * Reads, parses, checks and normalizes an OpenAPI/Swagger document. Every failure is a
 * KeywayError: E_READ, E_PARSE, E_OVERLAY, E_VERSION, E_REF or E_INVALID, located by file, JSON pointer and,
 * where the text is at hand, line and column.
 */
export async function loadDocument(source: string, options: LoadOptions = {}): Promise<LoadedDocument> {
  const timer = stageTimer(options.onStage);
  let root = await loadFile(rootLocation(source), source);
  timer('read');

  let overlayFiles: string[] = [];
  if (options.overlays !== undefined && options.overlays.length > 0) {
    // JSONPath and the overlay modules are loaded only by those who use overlays
    const { applyOverlays } = await import('./overlay/apply-overlays.js');
    ({ root, files: overlayFiles } = await applyOverlays(root, options.overlays));
    timer('overlay');
  }

  const { specVersion, version } = detectVersion(root.value, source, root.locate);
  if (version === '2.0') (root.value as Record<string, unknown>)['swagger'] = '2.0';
  timer('version');

  const files = await resolveRefs(root, (location) => loadFile(location, displayLocation(location)));
  timer('refs');

  let document = root.value as Record<string, unknown>;
  if (files.length > 1) {
    // json-schema-ref-parser takes ~15 ms to import; most documents are one file
    const { bundleFiles } = await import('./bundle.js');
    document = await bundleFiles(files);
    timer('bundle');
  }

  if (options.validate ?? true) {
    await validateDocument(document, version, source, root.locate);
    timer('validate');
  }

  if (version === '2.0') {
    // six modules only Swagger 2.0 needs
    const { upgradeSwagger2 } = await import('./upgrade-swagger2.js');
    document = upgradeSwagger2(document);
    timer('upgrade');
  }
  const asWritten = files.length === 1 && version !== '2.0';
  const locate = (at: string): TextPosition | undefined => {
    const segments = asWritten && at.startsWith('#') ? parseFragment(at.slice(1)) : undefined;
    return segments === undefined ? undefined : root.locate(segments);
  };
  return { source, specVersion, version, document, files: [...files.map((file) => displayLocation(file.location)), ...overlayFiles], locate };
}

function rootLocation(source: string): LocationUrl {
  let location: LocationUrl;
  try {
    location = toLocationUrl(source);
  } catch (cause) {
    throw new KeywayError('E_READ', 'not a valid file path or URL', { file: source }, { cause });
  }
  const { protocol } = new URL(location);
  if (protocol !== 'file:' && protocol !== 'http:' && protocol !== 'https:') {
    throw new KeywayError('E_READ', `unsupported URL scheme '${protocol}' (use a file path or an http(s) URL)`, { file: source });
  }
  return location;
}

async function loadFile(location: LocationUrl, displayName: string): Promise<SourceFile> {
  const bytes = await readSource(location);
  // a local file is read again for an error's position instead of being held through the whole load
  const reread = isHttpUrl(location) ? undefined : () => rereadLocalFile(location);
  const parsed = await parseText(bytes, displayName, syntaxHint(location), reread);
  return { ...parsed, location, displayName };
}

function syntaxHint(location: LocationUrl): SyntaxHint {
  const extension = extensionOf(location);
  if (extension === 'json') return 'json';
  if (extension === 'yaml' || extension === 'yml') return 'yaml';
  return undefined;
}

function stageTimer(onStage: LoadOptions['onStage']): (stage: LoadStage) => void {
  let last = performance.now();
  return (stage) => {
    const now = performance.now();
    onStage?.(stage, now - last);
    last = now;
  };
}
