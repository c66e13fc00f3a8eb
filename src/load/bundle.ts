import { $RefParser } from '@apidevtools/json-schema-ref-parser';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isHttpUrl, type LocationUrl } from './locations.js';
import type { SourceFile } from './resolve-refs.js';

/**
 * Pulls every externally referenced file into the root document with json-schema-ref-parser's
 * bundle(), which rewrites external `$ref`s into local ones and keeps local `$ref`s. The files
 * were already read, parsed and checked by resolveRefs, so ref-parser gets them from memory:
 * it never touches the disk or network, and cannot fail on anything we have not reported.
 * Mutates and returns the root value.
 */
export async function bundleFiles(files: readonly SourceFile[]): Promise<Record<string, unknown>> {
  const [root] = files;
  const byLocation = new Map<LocationUrl, unknown>(files.map((file) => [file.location, file.value]));
  const lookUp = (url: string): unknown => {
    const value = byLocation.get(refParserUrlToLocation(url));
    if (value === undefined) throw new Error(`keyway did not load ${url}`);
    return value;
  };
  const parser = new $RefParser();
  const bundled = await parser.bundle(refParserPath(root!.location), root!.value as object, {
    resolve: {
      file: false,
      http: false,
      external: true,
      memory: { order: 1, canRead: true, read: (file: { url: string }) => lookUp(file.url) },
    },
    parse: {
      json: false,
      yaml: false,
      text: false,
      binary: false,
      memory: { order: 1, canParse: true, allowEmpty: true, parse: (file: { data: unknown }) => file.data },
    },
  });
  return bundled as Record<string, unknown>;
}

/** ref-parser works with plain absolute paths for local files. */
function refParserPath(location: LocationUrl): string {
  return isHttpUrl(location) ? location : fileURLToPath(location);
}

function refParserUrlToLocation(url: string): LocationUrl {
  const withoutHash = url.split('#')[0]!;
  if (isHttpUrl(withoutHash) || withoutHash.startsWith('file:')) return new URL(withoutHash).href;
  let path = withoutHash;
  try {
    path = decodeURIComponent(withoutHash);
  } catch {
    // keep it as written
  }
  return pathToFileURL(path).href;
}
