import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
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

/**
 * package.json of a generated SDK: ESM, no runtime dependencies. `exports` has a `default`
 * condition pointing at the same ESM build as `import`: `require()` of the SDK then loads it
 * through Node's require(esm) (Node ≥ 20.19 / 22.12; the client has no top-level await), so
 * CommonJS callers get the very module ESM callers get, with one token cache, and no second
 * CommonJS build to keep in step.
 */
export function packageJson(options: { name: string; description: string; typescript: string; license: string }): string {
  const manifest = {
    name: options.name,
    version: '0.1.0',
    description: options.description,
    license: options.license,
    type: 'module',
    exports: {
      '.': { types: './dist/index.d.ts', import: './dist/index.js', default: './dist/index.js' },
      './package.json': './package.json',
    },
    main: './dist/index.js',
    types: './dist/index.d.ts',
    files: ['dist'],
    sideEffects: false,
    // The client needs a global fetch (Node 18); require() of this ESM package needs 20.19.
    engines: { node: '>=18' },
    scripts: {
      build: 'tsc -p tsconfig.json',
      prepack: 'npm run build',
    },
    devDependencies: { typescript: options.typescript },
    // npm publishes a scoped name as private (and refuses it without a paid plan) unless told otherwise.
    ...(options.name.startsWith('@') ? { publishConfig: { access: 'public' } } : {}),
  };
  return JSON.stringify(manifest, null, 2) + '\n';
}

/**
 * The license field when `--license` is not given: npm's word for "no license granted". keyway
 * cannot know under which terms its user publishes; the document's own license covers the API
 * description, not this code. An explicit value makes the choice visible instead of npm warning.
 */
export const DEFAULT_LICENSE = 'UNLICENSED';

/** A license field: an SPDX expression (`MIT`, `Apache-2.0`, `(MIT OR Apache-2.0)`), `UNLICENSED`, or `SEE LICENSE IN <file>`. */
export function assertLicense(license: string): void {
  // npm itself only warns about an expression it cannot parse; what it cannot store is an empty or multi-line value.
  if (!/^\S(?:[^\r\n]*\S)?$/.test(license)) {
    throw new KeywayError('E_USAGE', `--license ${JSON.stringify(license)} is not an SPDX license expression (e.g. MIT, Apache-2.0), UNLICENSED, or "SEE LICENSE IN <file>"`);
  }
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

/**
 * keyway.config.json of a generated SDK: `keyway generate` with no arguments, run in the package,
 * regenerates src/ as init generated it (document, overlays in order, name, templates, validation).
 * Paths are written relative to the package, so the config still works when the package and its
 * documents are committed and checked out elsewhere; URLs stay as they are.
 */
export function keywayConfigJson(
  dir: string,
  options: { input: string; overlays?: readonly string[] | undefined; name?: string | undefined; templates?: string | undefined; validate?: boolean | undefined },
): string {
  const fromPackage = (path: string) => (/^https?:\/\//i.test(path) ? path : relative(dir, isAbsolute(path) ? path : join(process.cwd(), path)).split(sep).join('/'));
  const config = {
    input: fromPackage(options.input),
    output: 'src',
    ...(options.overlays?.length ? { overlays: options.overlays.map(fromPackage) } : {}),
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.templates !== undefined ? { templates: fromPackage(options.templates) } : {}),
    ...(options.validate === false ? { validate: false } : {}),
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
