import { KeywayError } from '../errors.js';
import { collectRefs, distinctRefs } from './collect-refs.js';
import { lookupSegments, parseFragment, pointer } from '../json/json-pointer.js';
import { displayLocation, isHttpUrl, resolveRefTarget, type LocationUrl } from './locations.js';
import type { ParsedText } from './parse-text.js';

export interface SourceFile extends ParsedText {
  location: LocationUrl;
  /** How errors name this file: what the user typed for the root, an absolute path or URL otherwise. */
  displayName: string;
}

/** Reads and parses one referenced file; throws KeywayError (E_READ, E_PARSE). */
export type FileLoader = (location: LocationUrl) => Promise<SourceFile>;

/**
 * Walks `$ref`s from the root through every file they reach, loading each file once, and checks
 * that every reference resolves. Returns the files in the order first reached, root first.
 * A referenced file that cannot be read is reported as E_REF at the `$ref` (the reference is
 * what is wrong from the user's point of view); one that cannot be parsed keeps its E_PARSE.
 */
export async function resolveRefs(root: SourceFile, loadFile: FileLoader): Promise<SourceFile[]> {
  const files = new Map<LocationUrl, SourceFile>([[root.location, root]]);
  const queue = [root];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    // big documents repeat the same few targets thousands of times: each is checked once
    for (const ref of distinctRefs(file.value, { sharesNodes: file.sharesNodes })) {
      const hash = ref.indexOf('#');
      const documentPart = hash === -1 ? ref : ref.slice(0, hash);
      const fragment = hash === -1 ? '' : ref.slice(hash + 1);
      const fail = (reason: string, cause?: unknown): KeywayError => refError(ref, reason, firstSite(file, ref), file, cause);
      let target = file;
      if (documentPart !== '') {
        let location: LocationUrl;
        try {
          location = resolveRefTarget(documentPart, file.location);
        } catch {
          throw fail('not a valid URL or path');
        }
        const refused = refusedTarget(file.location, location);
        if (refused) throw fail(refused);
        let loaded = files.get(location);
        if (loaded === undefined) {
          loaded = await loadReferenced(location, loadFile, fail);
          files.set(location, loaded);
          queue.push(loaded);
        }
        target = loaded;
      }
      const segments = parseFragment(fragment);
      if (segments === undefined) throw fail('only JSON pointer fragments (#/…) are supported');
      if (!lookupSegments(target.value, segments).found) {
        throw fail(documentPart === '' ? 'no such location in this document' : `no such location in ${displayLocation(target.location)}`);
      }
    }
  }
  return [...files.values()];
}

/**
 * Only files and http(s). A document fetched from the network may not pull in local files:
 * their content would end up in the generated client.
 */
function refusedTarget(from: LocationUrl, to: LocationUrl): string | undefined {
  const protocol = new URL(to).protocol;
  if (protocol !== 'file:' && protocol !== 'http:' && protocol !== 'https:') return `unsupported URL scheme '${protocol}'`;
  if (protocol === 'file:' && isHttpUrl(from)) return 'a document fetched over http(s) cannot reference local files';
  return undefined;
}

async function loadReferenced(location: LocationUrl, loadFile: FileLoader, fail: (reason: string, cause?: unknown) => KeywayError): Promise<SourceFile> {
  try {
    return await loadFile(location);
  } catch (error) {
    if (error instanceof KeywayError && error.code === 'E_READ') throw fail(error.message, error);
    throw error;
  }
}

/** Where the first `$ref` naming `ref` sits: only a failing reference needs it, so the walk with paths runs then. */
function firstSite(file: SourceFile, ref: string): string[] {
  return collectRefs(file.value, { sharesNodes: file.sharesNodes }).find((site) => site.ref === ref)!.at;
}

/** E_REF pointing at the `$ref` member itself, so line/column land on the reference. */
function refError(ref: string, reason: string, at: readonly string[], file: SourceFile, cause: unknown): KeywayError {
  const refSegments = [...at, '$ref'];
  return new KeywayError('E_REF', `cannot resolve $ref '${ref}': ${reason}`, { file: file.displayName, pointer: pointer(...refSegments), ...file.locate(refSegments) }, { cause });
}
