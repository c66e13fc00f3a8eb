import { CommanderError } from 'commander';
import { KeywayError } from '../errors.js';
import { colorsFor } from './terminal.js';

/** Commander codes that mean it printed help or the version and is done, not that the command line is wrong. */
const FINISHED_EARLY: ReadonlySet<string> = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version', 'commander.executeSubCommandAsync']);

/** `error: unknown option '--x'\n(Did you mean --out?)` → `unknown option '--x'; did you mean --out?`. */
function usageReason(message: string): string {
  return message
    .replace(/^error: /, '')
    .replace(/\s*\(Did you mean (.*)\)\s*$/, '; did you mean $1')
    .trim();
}

/** Prints an error to stderr; returns the exit code it stands for (1: the input's fault, 2: keyway's). */
export function reportError(error: unknown, verbose: boolean, stream: NodeJS.WriteStream = process.stderr): number {
  const c = colorsFor(stream);
  if (error instanceof CommanderError) {
    // Help and version "errors" are commander's way of finishing early; it already printed.
    if (FINISHED_EARLY.has(error.code)) return error.exitCode;
    // Anything else is a usage error commander found (unknown option, missing argument, ...):
    // reported like every other error, so scripts can match one format.
    error = new KeywayError('E_USAGE', `${usageReason(error.message)} (--help lists the commands and options)`);
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
