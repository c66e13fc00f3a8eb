import { isAscii } from 'node:buffer';

const BLOCK_BYTES = 16 * 1024;
/** Within a block that is not all ASCII, the stretch nextNonAscii checks at once. */
const STRETCH_BYTES = 256;
/** Past this many non-ASCII runs the document is mostly non-Latin text and the rewrite gains nothing. */
const MAX_RUNS = 4096;
const BACKSLASH = 0x5c;

/**
 * JSON text as a string of one byte per character: what V8 parses fastest and stores in half
 * the memory. A document with a single character beyond Latin-1 (GitHub's spec has a few dozen)
 * decodes to a two-byte string, 26 MB instead of 13 for GitHub's spec, and that garbage outlives
 * loading. In valid JSON every non-ASCII character is inside a string literal, where `\uXXXX`
 * means the same, so they are written as escapes. Returns undefined when the text must be
 * decoded as is: too many such characters, or one right after a backslash (invalid JSON that the
 * escape would make valid). Invalid UTF-8 becomes U+FFFD, as when decoding.
 */
export function asciiJsonText(bytes: Buffer): string | undefined {
  const runs = nonAsciiRuns(bytes);
  if (runs === undefined) return undefined;
  if (runs.length === 0) return bytes.toString('latin1');
  // the text between runs is copied into one buffer, decoded once: no pieces to join in the heap
  let length = bytes.length;
  for (const run of runs) length += run.escapes.length - (run.end - run.start);
  const ascii = Buffer.allocUnsafe(length);
  let copied = 0;
  let written = 0;
  for (const run of runs) {
    written += bytes.copy(ascii, written, copied, run.start);
    written += ascii.write(run.escapes, written, 'latin1');
    copied = run.end;
  }
  bytes.copy(ascii, written, copied);
  return ascii.toString('latin1');
}

interface NonAsciiRun {
  start: number;
  end: number;
  /** The run's characters as `\uXXXX` escapes. */
  escapes: string;
}

/** Every run of bytes ≥ 0x80, with its escapes; undefined when the text must be decoded as is. */
function nonAsciiRuns(bytes: Buffer): NonAsciiRun[] | undefined {
  const runs: NonAsciiRun[] = [];
  let scanned = 0;
  for (let block = 0; block < bytes.length; block += BLOCK_BYTES) {
    const blockEnd = Math.min(block + BLOCK_BYTES, bytes.length);
    if (isAscii(bytes.subarray(block, blockEnd))) continue;
    for (let at = nextNonAscii(bytes, Math.max(block, scanned), blockEnd); at < blockEnd; at = nextNonAscii(bytes, scanned, blockEnd)) {
      if (runs.length === MAX_RUNS || escapedByBackslash(bytes, at)) return undefined;
      let end = at + 1;
      while (end < bytes.length && bytes[end]! >= 0x80) end++;
      runs.push({ start: at, end, escapes: unicodeEscapes(bytes.toString('utf8', at, end)) });
      scanned = end;
    }
  }
  return runs;
}

/**
 * The offset of the first byte ≥ 0x80 in `bytes[at, end)`, or `end`. ASCII stretches are skipped
 * by isAscii, natively, so that only the stretch holding the byte is looked at one byte at a time:
 * a byte loop over the whole of each block with a non-ASCII character (GitHub's spec: 22 of 16 KB)
 * was most of this module's time, and made V8 compile it on the spot.
 */
function nextNonAscii(bytes: Buffer, at: number, end: number): number {
  while (at < end) {
    const stretchEnd = Math.min(at + STRETCH_BYTES, end);
    if (isAscii(bytes.subarray(at, stretchEnd))) {
      at = stretchEnd;
      continue;
    }
    while (bytes[at]! < 0x80) at++;
    return at;
  }
  return end;
}

function unicodeEscapes(text: string): string {
  let escaped = '';
  for (let i = 0; i < text.length; i++) escaped += `\\u${text.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return escaped;
}

function escapedByBackslash(bytes: Buffer, at: number): boolean {
  let backslashes = 0;
  while (at - 1 - backslashes >= 0 && bytes[at - 1 - backslashes] === BACKSLASH) backslashes++;
  return backslashes % 2 === 1;
}
