import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Command, Option } from 'commander';
import { formatCheck } from './cli/report-check.js';
import { reportError } from './cli/report-error.js';
import { ProgressLine, colorsFor } from './cli/terminal.js';
import { watchTargets, type WatchTarget } from './cli/watch.js';
import { findConfig, loadConfig, type ClientConfig } from './config/load-config.js';
import { PACKAGE_ROOT } from './emit/package-root.js';
import { templateNames } from './emit/templates.js';
import { IMPORT_EXTENSIONS, type ImportExtension } from './emit/import-extension.js';
import { KeywayError } from './errors.js';
import { generateWritten, type WrittenResult } from './generate.js';
import { collectAfterLargeWrite, collectBetweenStages } from './cli/memory.js';
import { initPackage } from './init/init-package.js';

const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };

interface OutputFlags {
  quiet?: boolean;
  verbose?: boolean;
}

interface GenerateFlags extends OutputFlags {
  out?: string;
  /** `--output`: the config key's name, accepted as the same option as `--out`. */
  output?: string;
  name?: string;
  validate: boolean;
  templates?: string;
  overlay?: string[];
  config?: string;
  check?: boolean;
  verify?: boolean;
  watch?: boolean;
  importExtension?: ImportExtension;
}

interface InitFlags extends OutputFlags {
  name?: string;
  overlay?: string[];
  packageName?: string;
  license?: string;
  validate: boolean;
  templates?: string;
}

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let verbose = argv.includes('--verbose');
  let exitCode = 0;
  const program = new Command('keyway')
    .description('Generate a typed, zero-dependency TypeScript client, auth included, from an OpenAPI document.')
    .version(version, '-v, --version')
    .exitOverride()
    // Usage errors are printed by reportError in keyway's own format (`error [E_USAGE] …`), like every other error.
    .configureOutput({ outputError: () => {} });
  const generateCommand = program
    .command('generate')
    .description('generate a client from an OpenAPI document (Swagger 2.0, OpenAPI 3.0, 3.1, 3.2), or every client in keyway.config.json')
    .argument('[spec]', 'OpenAPI document: a file (JSON or YAML) or an http(s) URL; without it, the config file is used')
    .option('-o, --out <dir>', 'output folder (replaced whole); --output <dir> is the same')
    .addOption(new Option('--output <dir>').hideHelp())
    .option('-n, --name <ClientName>', 'client class name (default: from info.title)')
    .option('--overlay <file>', 'apply an Overlay 1.0 document to the spec first (repeatable, applied in order)', (file: string, files: string[] = []) => [...files, file])
    .option('--no-validate', 'skip validation against the OpenAPI schema')
    .option('-t, --templates <dir>', `folder of template overrides (${templateNames().join(', ')})`)
    .option('-c, --config <file>', 'config file (default: keyway.config.json or keyway.config.mjs in the current folder)')
    .addOption(new Option('--import-extension <ext>', 'extension of relative imports in the output: js for tsc NodeNext and bundlers (default), ts for Deno, Bun and allowImportingTsExtensions').choices(IMPORT_EXTENSIONS))
    .option('--verify', 'type-check the generated client in memory (strictest settings) before writing it')
    .option('--check', 'write nothing; exit 1 and show the differences when the output is not what keyway would generate')
    .option('-w, --watch', 'regenerate whenever the spec (or a file it references) changes')
    .option('-q, --quiet', 'print nothing on success')
    .option('--verbose', 'print stage timings, and stack traces with errors')
    .action(async (spec: string | undefined, flags: GenerateFlags) => {
      verbose = flags.verbose === true;
      const clients = await resolveClients(spec, flags, generateCommand.getOptionValueSource('validate') === 'cli');
      if (flags.check && flags.watch) throw new KeywayError('E_USAGE', '--check and --watch cannot be combined');
      exitCode = flags.watch ? await watchClients(clients, flags) : await generateClients(clients, flags);
    });
  program
    .command('init')
    .description('create a ready-to-publish SDK package (package.json, tsconfig.json, README.md, src/) from an OpenAPI document')
    .argument('<spec>', 'OpenAPI document: a file (JSON or YAML) or an http(s) URL')
    .argument('<dir>', 'the package folder to create (must be new or empty)')
    .option('-n, --name <ClientName>', 'client class name (default: from info.title)')
    .option('--overlay <file>', 'apply an Overlay 1.0 document to the spec first (repeatable, applied in order); kept in the package\'s keyway.config.json', (file: string, files: string[] = []) => [...files, file])
    .option('--package-name <name>', 'npm package name (default: from the folder name)')
    .option('--license <spdx>', 'package.json license, an SPDX expression such as MIT (default: UNLICENSED)')
    .option('--no-validate', 'skip validation against the OpenAPI schema')
    .option('-t, --templates <dir>', 'folder of template overrides')
    .option('-q, --quiet', 'print nothing on success')
    .option('--verbose', 'print stage timings, and stack traces with errors')
    .action(async (spec: string, dir: string, flags: InitFlags) => {
      verbose = flags.verbose === true;
      const progress = new ProgressLine(process.stderr, { quiet: flags.quiet === true, verbose });
      const result = await initPackage({ input: spec, dir, overlays: flags.overlay, name: flags.name, packageName: flags.packageName, license: flags.license, validate: flags.validate, templates: flags.templates, onProgress: progress.handler() }).finally(() =>
        progress.clear(),
      );
      if (flags.quiet) return;
      const c = colorsFor(process.stdout);
      process.stdout.write(`${c.green('✔')} ${c.bold(result.packageName)} (${result.clientName}) → ${result.dir} (${result.files.length} files)\n`);
      process.stdout.write(`  next: cd ${relative(process.cwd(), result.dir) || '.'} && npm install && npm run build\n`);
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, verbose);
  }
}

/** The clients to generate: the one named on the command line, or every one in the config file. */
async function resolveClients(spec: string | undefined, flags: GenerateFlags, validateFlagGiven: boolean): Promise<ClientConfig[]> {
  if (flags.out !== undefined && flags.output !== undefined && flags.out !== flags.output) {
    throw new KeywayError('E_USAGE', '--out and --output are the same option; give it once');
  }
  const out = flags.out ?? flags.output;
  if (spec !== undefined) {
    if (flags.config) throw new KeywayError('E_USAGE', 'give either a <spec> or --config, not both');
    if (!out) throw new KeywayError('E_USAGE', "required option '-o, --out <dir>' not specified (or run keyway generate with no <spec> to use keyway.config.json)");
    return [{ input: spec, output: out, name: flags.name, validate: flags.validate, templates: flags.templates, overlays: flags.overlay, importExtension: flags.importExtension }];
  }
  const perClient = [out && (flags.out !== undefined ? '--out' : '--output'), flags.name && '--name', flags.templates && '--templates', flags.overlay && '--overlay', flags.importExtension && '--import-extension', validateFlagGiven && '--no-validate'].filter(Boolean);
  if (perClient.length) throw new KeywayError('E_USAGE', `${perClient.join(', ')} need a <spec>; with a config file, set them per client in the config`);
  const config = await loadConfig(flags.config ?? findConfig(process.cwd()));
  return config.clients;
}

async function generateClients(clients: readonly ClientConfig[], flags: GenerateFlags): Promise<number> {
  const progress = new ProgressLine(process.stderr, { quiet: flags.quiet === true, verbose: flags.verbose === true });
  const c = colorsFor(process.stdout);
  let stale = 0;
  try {
    for (const client of clients) {
      const started = performance.now();
      const label = clients.length > 1 ? displayPath(client.output) : '';
      const result = await generateWritten({ ...client, check: flags.check, verify: flags.verify || client.verify, onProgress: collectBetweenStages(progress.handler(label)) }, collectAfterLargeWrite());
      progress.clear();
      if (result.check && !result.check.upToDate) {
        stale++;
        process.stdout.write(formatCheck(displayPath(result.output), result.check, c));
      } else if (!flags.quiet) {
        process.stdout.write(result.check ? formatCheck(displayPath(result.output), result.check, c) : successLine(result, performance.now() - started));
      }
    }
  } finally {
    progress.clear();
  }
  if (stale > 0 && clients.length > 1) process.stdout.write(`${stale} of ${clients.length} clients are out of date; run keyway generate to update them\n`);
  return stale > 0 ? 1 : 0;
}

async function watchClients(clients: readonly ClientConfig[], flags: GenerateFlags): Promise<number> {
  const progress = new ProgressLine(process.stderr, { quiet: flags.quiet === true, verbose: flags.verbose === true });
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let watchedCount = -1;
  const targets: WatchTarget[] = clients.map((client) => ({
    initial: { files: [client.input, ...(client.overlays ?? [])], dirs: client.templates ? [client.templates] : [] },
    run: async () => {
      const started = performance.now();
      try {
        const result = await generateWritten({ ...client, verify: flags.verify || client.verify, onProgress: collectBetweenStages(progress.handler(clients.length > 1 ? displayPath(client.output) : '')) }, collectAfterLargeWrite());
        progress.clear();
        if (!flags.quiet) process.stdout.write(successLine(result, performance.now() - started));
        return { files: result.sources, dirs: client.templates ? [client.templates] : [] };
      } catch (error) {
        progress.clear();
        // Keep watching: the previous output stays in place (writing is all or nothing).
        reportError(error, flags.verbose === true);
        return undefined;
      }
    },
  }));
  try {
    await watchTargets(targets, {
      signal: controller.signal,
      onWatching: (count) => {
        if (count === watchedCount || flags.quiet) return;
        watchedCount = count;
        process.stderr.write(colorsFor(process.stderr).dim(`watching ${count} file${count === 1 ? '' : 's'} for changes (Ctrl-C to stop)\n`));
      },
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    progress.clear();
  }
  return 0;
}

function successLine(result: WrittenResult, milliseconds: number): string {
  const c = colorsFor(process.stdout);
  const s = result.summary;
  return (
    `${c.green('✔')} ${c.bold(result.clientName)} → ${displayPath(result.output)} ` +
    `(${s.operations} operations, ${s.types} types, ${s.securitySchemes} security schemes, ${result.files.length} files, ${Math.round(milliseconds)} ms)\n`
  );
}

function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' ? '.' : shown.startsWith('..') ? path : shown;
}
