import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../emit/package-root.js';
import { KeywayError } from '../errors.js';

/** npm's rules for a package name: lower case, URL-safe, optionally scoped, at most 214 characters. */
const PACKAGE_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

export function isValidPackageName(name: string): boolean {
  return name.length <= 214 && PACKAGE_NAME.test(name);
}

/** A package name from a folder name: `My SDK` → `my-sdk`; undefined when nothing usable is left. */
export function packageNameFromDir(dirName: string): string | undefined {
  const name = dirName
    .toLowerCase()
    .replace(/[^a-z0-9-._~]+/g, '-')
    .replace(/^[-._]+|-+$/g, '');
  return name && isValidPackageName(name) ? name : undefined;
}

/**
 * The TypeScript the SDK builds with: exactly the version keyway itself is built and tested with,
 * so the generated code is known to compile under it.
 */
export function keywayTypeScriptVersion(): string {
  const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
  const version = manifest.devDependencies?.['typescript'];
  if (!version) throw new Error("internal: keyway's package.json names no typescript devDependency");
  return version;
}

/** package.json of a generated SDK: ESM, types + import exports into dist/, no runtime dependencies. */
export function packageJson(options: { name: string; description: string; typescript: string }): string {
  const manifest = {
    name: options.name,
    version: '0.1.0',
    description: options.description,
    type: 'module',
    exports: {
      '.': { types: './dist/index.d.ts', import: './dist/index.js' },
      './package.json': './package.json',
    },
    types: './dist/index.d.ts',
    files: ['dist'],
    sideEffects: false,
    scripts: {
      build: 'tsc -p tsconfig.json',
      prepack: 'npm run build',
    },
    devDependencies: { typescript: options.typescript },
  };
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** tsconfig.json of a generated SDK: strict, NodeNext, declarations, fetch types from the DOM lib. */
export function tsconfigJson(): string {
  const config = {
    compilerOptions: {
      target: 'es2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['es2022', 'dom'],
      // The client uses fetch from the DOM lib; no @types package is installed or needed.
      types: [],
      strict: true,
      declaration: true,
      rootDir: 'src',
      outDir: 'dist',
    },
    include: ['src'],
  };
  return JSON.stringify(config, null, 2) + '\n';
}

export const GITIGNORE = 'node_modules/\ndist/\n*.tgz\n';

/** Fails unless `name` is a usable npm package name. */
export function assertPackageName(name: string): void {
  if (!isValidPackageName(name)) {
    throw new KeywayError('E_USAGE', `--package-name ${JSON.stringify(name)} is not a valid npm package name (lower case letters, digits, - . _ ~, optionally @scope/name)`);
  }
}
