import { CommanderError } from 'commander';
import { KeywayError } from '../errors.js';
import { colorsFor } from './terminal.js';

/** Prints an error to stderr; returns the exit code it stands for (1: the input's fault, 2: keyway's). */
export function reportError(error: unknown, verbose: boolean, stream: NodeJS.WriteStream = process.stderr): number {
  const c = colorsFor(stream);
  if (error instanceof CommanderError) {
    // Help and version "errors" are commander's way of finishing early; it already printed.
    return error.exitCode;
  }
  if (error instanceof KeywayError) {
    stream.write(`${c.red('error')} ${c.dim(`[${error.code}]`)} ${error.message}\n`);
    // A lone detail that only repeats the message adds nothing; otherwise list them all.
    const repeatsMessage = error.details.length === 1 && error.details[0]!.endsWith(error.reason);
    if (!repeatsMessage) for (const detail of error.details) stream.write(`  - ${detail}\n`);
    if (verbose && error.stack) stream.write(`${c.dim(error.stack)}\n`);
    return 1;
  }
  stream.write(`${c.red('internal error')} (a bug in keyway; please report it): ${(error as Error)?.message ?? String(error)}\n`);
  if (verbose || !(error instanceof Error)) stream.write(`${(error as Error)?.stack ?? ''}\n`);
  else stream.write(c.dim('run again with --verbose for the stack trace\n'));
  return 2;
}
