import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { KeywayError } from '../errors.js';
import { isGenerated } from './header.js';

/**
 * Replaces `outDir` with exactly `files`, all or nothing: everything is written to a fresh folder
 * beside it, then swapped in by rename. A failure before the swap leaves `outDir` as it was.
 * An existing folder is replaced only when it is empty or holds keyway's own output, so a mistyped
 * `--out` cannot wipe unrelated work.
 */
export async function writeOutput(outDir: string, files: ReadonlyMap<string, string>, hooks: WriteHooks = {}): Promise<void> {
  const target = resolve(outDir);
  await assertReplaceable(target);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new KeywayError('E_OUTPUT', `cannot create ${parent}: ${error.code ?? error.message}`, { file: target });
  });
  const staging = await makeStagingDir(parent, basename(target)).catch((error: NodeJS.ErrnoException) => {
    throw new KeywayError('E_OUTPUT', `cannot write in ${parent}: ${error.code ?? error.message}`, { file: target }, { cause: error });
  });
  try {
    // largest first: a caller that lets each text go once written frees the most the soonest
    const order = [...files.keys()].sort((a, b) => files.get(b)!.length - files.get(a)!.length);
    const buffer = Buffer.allocUnsafe(PIECE_BYTES);
    for (const relative of order) {
      const bytes = writeFile(staging, relative, files, buffer);
      hooks.onWritten?.(relative, bytes);
    }
    const previous = `${staging}.old`;
    const existed = await exists(target);
    if (existed) await rename(target, previous);
    await rename(staging, target);
    if (existed) await rm(previous, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (error instanceof KeywayError) throw error;
    throw new KeywayError('E_OUTPUT', `cannot write ${target}: ${(error as Error).message}`, { file: target }, { cause: error });
  }
}

export interface WriteHooks {
  /**
   * Called once a file is written, with its size in bytes. The text is no longer held by the
   * writer then: a caller that drops it (from its map) and collects garbage frees it.
   */
  onWritten?: (path: string, bytes: number) => void;
}

/**
 * Writes one file of the map into the staging folder; a function of its own so that its text is not
 * held once it returns. Synchronously: the same calls without a trip to the thread pool and back for
 * each (GitHub's output: ~44 folders and files, ~100 pieces; ~55 → ~25 ms), and the staging folder
 * is keyway's own, so nothing else waits on it meanwhile.
 */
function writeFile(staging: string, relative: string, files: ReadonlyMap<string, string>, buffer: Buffer): number {
  const path = join(staging, relative);
  mkdirSync(dirname(path), { recursive: true });
  return writeText(path, files.get(relative)!, buffer);
}

/**
 * Characters per write. Each piece is encoded to UTF-8 into one buffer the writes share, which
 * stays small (a whole 3 MB file would take its size again, and glibc keeps memory that large once
 * it has had to grow for it).
 */
const WRITE_CHARS = 64 * 1024;

/** UTF-8 takes at most 3 bytes per UTF-16 unit (4 for a surrogate pair, which is 2 units): room for any piece. */
const PIECE_BYTES = 3 * WRITE_CHARS;

/**
 * Writes a string as UTF-8 to a new file, piece by piece, each encoded once into `buffer`
 * (what the write sends, and its size). `writeFile` would first copy the whole text into a Buffer,
 * memory outside the heap that lives until the next garbage collection; writing each piece as a
 * string encoded it, then Buffer.byteLength went over it again for the size (GitHub's output:
 * ~150 M instructions of the two).
 */
function writeText(path: string, text: string, buffer: Buffer): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  try {
    for (let start = 0; start < text.length; ) {
      let end = Math.min(start + WRITE_CHARS, text.length);
      // never between the two halves of a surrogate pair, which UTF-8 encodes as one character
      if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
      const size = buffer.write(text.slice(start, end), 0, 'utf8');
      writeAll(fd, buffer.subarray(0, size));
      bytes += size;
      start = end;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** Writes all of `bytes` (a single write may be short: the rest goes in more). */
function writeAll(fd: number, bytes: Buffer): void {
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * A new empty folder beside the target. Not mkdtemp: it creates mode 0700, and the staging folder
 * becomes the output folder, which must get the permissions any mkdir would give it (0777 less the
 * umask). The random suffix keeps concurrent runs apart; `mkdir` without `recursive` fails rather
 * than reuse a folder that exists.
 */
async function makeStagingDir(parent: string, name: string): Promise<string> {
  const staging = join(parent, `.${name}.keyway-${randomBytes(6).toString('hex')}`);
  await mkdir(staging);
  return staging;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function assertReplaceable(target: string): Promise<void> {
  const info = await stat(target).catch(() => undefined);
  if (info === undefined) return;
  if (!info.isDirectory()) {
    throw new KeywayError('E_OUTPUT', 'the output path is a file, not a folder; pass a folder for --out', { file: target });
  }
  const entries = await readdir(target);
  if (entries.length === 0) return;
  const index = await readFile(join(target, 'index.ts'), 'utf8').catch(() => '');
  if (!isGenerated(index)) {
    throw new KeywayError(
      'E_OUTPUT',
      'the output folder is not empty and does not hold a keyway client (no generated index.ts); keyway replaces its output folder whole, so point --out at an empty or new folder',
      { file: target },
    );
  }
}
