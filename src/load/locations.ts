import { isAbsolute, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Documents are identified internally by one absolute URL string (`file:///…` or `http(s)://…`) so
 * that relative `$ref`s resolve the same way for files and URLs; users see paths for files.
 */
export type LocationUrl = string;

const HTTP_URL = /^https?:\/\//i;

export function isHttpUrl(location: string): boolean {
  return HTTP_URL.test(location);
}

/** Turns what the user typed (path, file: URL or http(s) URL) into a LocationUrl. */
export function toLocationUrl(source: string, cwd: string = process.cwd()): LocationUrl {
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(source) || source.startsWith('file:')) return new URL(source).href;
  return pathToFileURL(isAbsolute(source) ? source : resolvePath(cwd, source)).href;
}

/** What a user should see for a location: a plain path for files, the URL otherwise. */
export function displayLocation(location: LocationUrl): string {
  return location.startsWith('file:') ? fileURLToPath(location) : location;
}

/** Resolves the document part of a `$ref` (everything before `#`) against the referring document. */
export function resolveRefTarget(refDocument: string, base: LocationUrl): LocationUrl {
  const target = new URL(refDocument, base);
  target.hash = '';
  return target.href;
}

/** Lower-cased extension of the last path segment, without the dot ('' when none). */
export function extensionOf(location: LocationUrl): string {
  const path = new URL(location).pathname;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
