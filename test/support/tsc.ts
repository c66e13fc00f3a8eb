/**
 * Type-checks a directory of generated .ts files with the installed TypeScript 7 (devDependency
 * `typescript` 7.0.2), the way a user's project would: strict, DOM libs, no @types.
 *
 * TypeScript 7 is a native (Go) compiler. `node_modules/typescript/bin/tsc` is only a JS shim that
 * finds the binary in `@typescript/typescript-<platform>-<arch>/lib/tsc` and, on Node < 22.15 (no
 * process.execve), runs it as a second child process. We run the binary directly: one process fewer
 * and its exit code unmodified. The shim stays as a fallback for platforms without that package.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { consumerCompilerOptions, tscCommand } from '../../scripts/lib/tsc-command.mjs';
import { checkedFully, DECLARATION_MODULES } from '../../src/emit/declaration-modules.js';
import { makeTempDir, removeTempDir } from './tmp.js';

export type ModuleResolution = 'NodeNext' | 'Bundler';

export interface TypecheckResult {
  /** 0 when clean; TypeScript exits 1 or 2 when it reports diagnostics. */
  exitCode: number;
  /** stdout + stderr of tsc; file names are relative to the checked directory. */
  diagnostics: string;
}

/** How to start tsc: an executable and the arguments that come before ours. */
interface TscCommand {
  file: string;
  prefixArgs: string[];
}

export function resolveTsc(): TscCommand {
  return tscCommand();
}

function tsconfigFor(dir: string, moduleResolution: ModuleResolution): object {
  return {
    compilerOptions: { ...consumerCompilerOptions(moduleResolution), noEmit: true },
    include: [join(dir, '**/*.ts')],
  };
}

function run(command: TscCommand, args: string[], cwd: string): Promise<TypecheckResult> {
  return new Promise((resolvePromise, reject) => {
    execFile(command.file, [...command.prefixArgs, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const diagnostics = stdout + stderr;
      if (error === null) return resolvePromise({ exitCode: 0, diagnostics });
      // A numeric code means tsc ran and reported problems; anything else means it never ran.
      if (typeof error.code === 'number') return resolvePromise({ exitCode: error.code, diagnostics });
      reject(new Error(`could not run tsc (${command.file}): ${error.message}\n${diagnostics}`));
    });
  });
}

/**
 * Disables the `// @ts-nocheck` pragmas of keyway's declaration modules (functions.ts, methods.ts)
 * under `dir`, as `--verify` does: in users' projects tsc checks only what code uses of them;
 * tests check them fully, so a wrong signature still fails here. Matched by file name: a test's
 * folder may hold several generated clients.
 */
async function checkDeclarationModules(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !DECLARATION_MODULES.has(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const text = await readFile(path, 'utf8');
    const checked = checkedFully(entry.name, text);
    if (checked !== text) await writeFile(path, checked);
  }
}

/**
 * Type-checks every .ts file under `dir`, in a copy whose functions.ts and methods.ts are checked
 * fully unless `asShipped` (then as a user's project checks them: only what code uses); diagnostics
 * name files relative to the copy, so as relative to `dir`.
 *
 * Under NodeNext a file is ESM only if the nearest package.json says `"type": "module"`; without one,
 * tsc treats the files as CommonJS and silently accepts extensionless relative imports (the very
 * mistake NodeNext checking exists to catch) while rejecting `import.meta`. So when `dir` has no
 * package.json, the copy gets one with `"type": "module"`.
 */
export async function typecheck(dir: string, options: { moduleResolution: ModuleResolution; asShipped?: boolean }): Promise<TypecheckResult> {
  const configDir = await makeTempDir('keyway-tsc-');
  try {
    const root = join(configDir, basename(resolve(dir)));
    await cp(resolve(dir), root, { recursive: true });
    if (!options.asShipped) await checkDeclarationModules(root);
    if (options.moduleResolution === 'NodeNext' && !existsSync(join(root, 'package.json'))) await writeFile(join(root, 'package.json'), '{ "type": "module" }\n');
    const configPath = join(configDir, 'tsconfig.json');
    await writeFile(configPath, JSON.stringify(tsconfigFor(root, options.moduleResolution), null, 2));
    return await run(resolveTsc(), ['-p', configPath, '--pretty', 'false'], root);
  } finally {
    await removeTempDir(configDir);
  }
}
