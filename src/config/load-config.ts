import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { KeywayError } from '../errors.js';
import { validateConfig, type ClientConfig } from './validate-config.js';

export type { ClientConfig } from './validate-config.js';

/** The config file names `keyway generate` looks for, in this order. */
export const CONFIG_FILE_NAMES = ['keyway.config.json', 'keyway.config.mjs', 'keyway.config.js'] as const;

/**
 * Names keyway recognizes but cannot load: Node 20 runs no TypeScript, and loading it through a
 * compiler would make one a dependency of keyway.
 */
const UNSUPPORTED_NAMES = ['keyway.config.ts', 'keyway.config.mts', 'keyway.config.cts'];

export interface LoadedConfig {
  /** Absolute path of the config file. */
  file: string;
  clients: ClientConfig[];
}

/** The config file in `dir`; E_USAGE when there is none, or more than one to choose from. */
export function findConfig(dir: string): string {
  const found = CONFIG_FILE_NAMES.map((name) => join(dir, name)).filter((path) => existsSync(path));
  if (found.length > 1) {
    throw new KeywayError('E_USAGE', `found ${found.map((f) => basename(f)).join(' and ')}; keep one config file (or pick one with --config)`, { file: dir });
  }
  if (found.length === 1) return found[0]!;
  const unsupported = UNSUPPORTED_NAMES.find((name) => existsSync(join(dir, name)));
  if (unsupported) {
    throw new KeywayError('E_USAGE', `${unsupported} is not supported (keyway does not compile TypeScript configs); rename it to keyway.config.mjs, or use keyway.config.json`, {
      file: join(dir, unsupported),
    });
  }
  throw new KeywayError(
    'E_USAGE',
    `no spec given and no config file found in ${dir} (looked for ${CONFIG_FILE_NAMES.join(', ')}); run \`keyway generate <spec> --out <dir>\` or add a config file`,
  );
}

/** Reads, checks and resolves a config file (`.json`, or `.mjs`/`.js` with a default export). */
export async function loadConfig(path: string): Promise<LoadedConfig> {
  const file = resolve(path);
  if (UNSUPPORTED_NAMES.some((name) => file.endsWith(name.slice('keyway.config'.length)))) {
    throw new KeywayError('E_USAGE', 'TypeScript config files are not supported (keyway does not compile them); use a .mjs or .json config', { file });
  }
  const value = file.endsWith('.json') ? await readJson(file) : await importModule(file);
  return { file, clients: validateConfig(value, file, dirname(file)) };
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new KeywayError('E_READ', `cannot read the config file: ${error.code ?? error.message}`, { file });
  });
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new KeywayError('E_PARSE', `the config file is not valid JSON: ${(error as Error).message}`, { file });
  }
}

async function importModule(file: string): Promise<unknown> {
  if (!existsSync(file)) throw new KeywayError('E_READ', 'cannot read the config file: ENOENT', { file });
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    throw new KeywayError('E_PARSE', `the config module failed to load: ${(error as Error).message}`, { file }, { cause: error });
  }
  if (module.default === undefined) throw new KeywayError('E_USAGE', 'invalid config: the config module has no default export', { file });
  // A default-exported function may compute the config, e.g. from environment variables.
  return typeof module.default === 'function' ? await (module.default as () => unknown)() : module.default;
}
