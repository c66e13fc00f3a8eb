import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import pc from 'picocolors';
import { KeywayError } from './errors.js';
import { PACKAGE_ROOT } from './emit/package-root.js';
import { generate } from './generate.js';

const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };

interface GenerateFlags {
  out: string;
  name?: string;
  validate: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let verbose = argv.includes('--verbose');
  const program = new Command('keyway')
    .description('Generate a typed, zero-dependency TypeScript client, auth included, from an OpenAPI document.')
    .version(version, '-v, --version')
    .exitOverride()
    .showHelpAfterError();
  program
    .command('generate')
    .description('generate a client from an OpenAPI document (Swagger 2.0, OpenAPI 3.0, 3.1, 3.2)')
    .argument('<spec>', 'OpenAPI document: a file (JSON or YAML) or an http(s) URL')
    .requiredOption('-o, --out <dir>', 'output folder (replaced whole)')
    .option('-n, --name <ClientName>', 'client class name (default: from info.title)')
    .option('--no-validate', 'skip validation against the OpenAPI schema')
    .option('-q, --quiet', 'print nothing on success')
    .option('--verbose', 'print stack traces with errors')
    .action(async (spec: string, flags: GenerateFlags) => {
      verbose = flags.verbose === true;
      const started = performance.now();
      const result = await generate({ input: spec, output: flags.out, name: flags.name, validate: flags.validate });
      if (flags.quiet) return;
      const s = result.summary;
      const ms = Math.round(performance.now() - started);
      process.stdout.write(
        `${pc.green('✔')} ${pc.bold(result.clientName)} → ${result.output} ` +
          `(${s.operations} operations, ${s.types} types, ${s.securitySchemes} security schemes, ${result.files.length} files, ${ms} ms)\n`,
      );
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    return report(error, verbose);
  }
}

function report(error: unknown, verbose: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version "errors" are commander's way of finishing early; it already printed.
    return error.exitCode;
  }
  if (error instanceof KeywayError) {
    process.stderr.write(`${pc.red('error')} ${pc.dim(`[${error.code}]`)} ${error.message}\n`);
    // One detail is the message itself; several are every problem found, the first included.
    if (error.details.length > 1) for (const detail of error.details) process.stderr.write(`  - ${detail}\n`);
    if (verbose && error.stack) process.stderr.write(`${pc.dim(error.stack)}\n`);
    return 1;
  }
  process.stderr.write(`${pc.red('internal error')} (a bug in keyway; please report it): ${(error as Error)?.message ?? String(error)}\n`);
  if (verbose || !(error instanceof Error)) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
  else process.stderr.write(pc.dim('run again with --verbose for the stack trace\n'));
  return 2;
}
