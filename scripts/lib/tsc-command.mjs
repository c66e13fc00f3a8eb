// Where TypeScript 7's compiler is. `typescript/bin/tsc` is a JS shim that starts the native
// binary as a second process; starting the binary (@typescript/typescript-<platform>-<arch>/lib/tsc)
// directly saves that. Falls back to the shim where no native package exists.
// Shared by the tests (test/support/tsc.ts), the benchmarks and scripts/corpus.mjs.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** @returns {{ file: string, prefixArgs: string[] }} an executable and the arguments before ours */
export function tscCommand() {
  const require = createRequire(import.meta.url);
  const tsPackageJson = require.resolve('typescript/package.json');
  try {
    const native = require.resolve(`@typescript/typescript-${process.platform}-${process.arch}/package.json`, { paths: [dirname(tsPackageJson)] });
    const binary = join(dirname(native), 'lib', process.platform === 'win32' ? 'tsc.exe' : 'tsc');
    if (existsSync(binary)) return { file: binary, prefixArgs: [] };
  } catch {
    // No native package for this platform: the JS shim below.
  }
  const manifest = JSON.parse(readFileSync(tsPackageJson, 'utf8'));
  return { file: process.execPath, prefixArgs: [join(dirname(tsPackageJson), manifest.bin.tsc)] };
}

/**
 * The compiler options of a strict consumer project that generated clients must satisfy: strict,
 * ES2022 with the DOM libs, no @types (so the client cannot lean on Node's globals). Everything that
 * type-checks generated output (tests, benchmarks, the corpus script) uses these.
 * @param {'NodeNext' | 'Bundler'} moduleResolution
 */
export function consumerCompilerOptions(moduleResolution) {
  return {
    strict: true,
    target: 'es2022',
    lib: ['es2022', 'dom', 'dom.iterable'],
    types: [],
    skipLibCheck: false,
    module: moduleResolution === 'NodeNext' ? 'NodeNext' : 'ESNext',
    moduleResolution,
  };
}
