import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KeywayError } from '../errors.js';
import { isHttpUrl, type LocationUrl } from './locations.js';

const FETCH_TIMEOUT_MS = 30_000;

/**
 * Reads a document's bytes (UTF-8, without a byte order mark) from disk or over http(s); every
 * failure is an E_READ naming the location and the reason. Bytes rather than text: see
 * ascii-json-text.ts.
 */
export async function readSource(location: LocationUrl): Promise<Buffer> {
  return withoutByteOrderMark(isHttpUrl(location) ? await fetchBytes(location) : await readLocalFile(location));
}

/** A local file's bytes once more, for an error's line and column; undefined if it is gone. */
export function rereadLocalFile(location: LocationUrl): Buffer | undefined {
  try {
    return withoutByteOrderMark(readFileSync(fileURLToPath(location)));
  } catch {
    return undefined;
  }
}

function withoutByteOrderMark(bytes: Buffer): Buffer {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

async function readLocalFile(location: LocationUrl): Promise<Buffer> {
  const path = fileURLToPath(location);
  try {
    // one flat buffer: readFile(path, 'utf8') decodes chunk by chunk into a rope that costs ~10 MB more at peak on GitHub's spec;
    // synchronously: the promise version reads in 512 KB chunks, a thread-pool round trip each (GitHub's 13 MB: ~26), with nothing to do meanwhile
    return readFileSync(path);
  } catch (error) {
    throw new KeywayError('E_READ', `cannot read file: ${osReason(error)}`, { file: path }, { cause: error });
  }
}

async function fetchBytes(url: string): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'application/json, application/yaml, text/yaml, */*' } });
  } catch (error) {
    throw new KeywayError('E_READ', `cannot fetch URL: ${fetchReason(error)}`, { file: url }, { cause: error });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new KeywayError('E_READ', `cannot fetch URL: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, { file: url });
  }
  try {
    return Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw new KeywayError('E_READ', `cannot fetch URL: ${fetchReason(error)}`, { file: url }, { cause: error });
  }
}

/** `ENOENT: no such file or directory, open '/x'` → `no such file or directory (ENOENT)`: the path is already in the location. */
export function osReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  const match = /^[A-Z]+: (.*?)(?:, \w+ '.*')?$/s.exec(error.message);
  return code && match ? `${match[1]} (${code})` : error.message;
}

/** undici hides the interesting part (ECONNREFUSED, DNS failure, timeout) in `cause`. */
function fetchReason(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no response within ${FETCH_TIMEOUT_MS / 1000} s`;
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}
