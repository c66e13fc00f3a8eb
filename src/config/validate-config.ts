import { isAbsolute, resolve } from 'node:path';
import { IMPORT_EXTENSIONS, type ImportExtension } from '../emit/import-extension.js';
import { KeywayError } from '../errors.js';
import { childPointer } from '../json/json-pointer.js';

/** One client to generate, with paths resolved against the config file's folder. */
export interface ClientConfig {
  input: string;
  output: string;
  name?: string;
  validate?: boolean;
  templates?: string;
  verify?: boolean;
  /** Overlay 1.0 files applied to `input` in this order. */
  overlays?: string[];
  importExtension?: ImportExtension;
}

const CLIENT_KEYS: Readonly<Record<keyof ClientConfig, 'string' | 'boolean' | 'string[]'>> = {
  input: 'string',
  output: 'string',
  name: 'string',
  validate: 'boolean',
  templates: 'string',
  verify: 'boolean',
  overlays: 'string[]',
  importExtension: 'string',
};

/** Keys whose string must be one of a few values. */
const CLIENT_KEY_VALUES: Readonly<Partial<Record<keyof ClientConfig, readonly string[]>>> = {
  importExtension: IMPORT_EXTENSIONS,
};

/**
 * Checks a parsed config (`{ clients: [...] }` or one client object) and resolves its paths. Every
 * problem is an E_USAGE error naming the config file and the JSON pointer of the bad key.
 */
export function validateConfig(value: unknown, file: string, baseDir: string): ClientConfig[] {
  const fail = (pointer: string, message: string): never => {
    throw new KeywayError('E_USAGE', `invalid config: ${message}`, { file, pointer });
  };
  if (!isPlainObject(value)) return fail('#', 'the config must be an object: { "clients": [ ... ] } or one client { "input", "output", ... }');
  if (!('clients' in value)) return [validateClient(value, '#', fail, baseDir)];

  for (const key of Object.keys(value)) {
    if (key !== 'clients' && key !== '$schema') fail(childPointer('#', key), `unknown key ${JSON.stringify(key)} beside "clients" (put client options inside each client)`);
  }
  const clients = value['clients'];
  if (!Array.isArray(clients) || clients.length === 0) return fail('#/clients', '"clients" must be a non-empty array of client objects');
  const configs = clients.map((client, i) => validateClient(client, childPointer('#/clients', i), fail, baseDir));
  const outputs = new Map<string, number>();
  configs.forEach((config, i) => {
    const earlier = outputs.get(config.output);
    if (earlier !== undefined) fail(`#/clients/${i}/output`, `clients ${earlier} and ${i} both write to ${config.output}`);
    outputs.set(config.output, i);
  });
  return configs;
}

function validateClient(
  value: unknown,
  pointer: string,
  fail: (pointer: string, message: string) => never,
  baseDir: string,
): ClientConfig {
  if (!isPlainObject(value)) return fail(pointer, 'a client must be an object with "input" and "output"');
  for (const [key, raw] of Object.entries(value)) {
    const want = CLIENT_KEYS[key as keyof ClientConfig];
    const at = childPointer(pointer, key);
    if (want === undefined) fail(at, `unknown key ${JSON.stringify(key)} (valid keys: ${Object.keys(CLIENT_KEYS).join(', ')})`);
    if (want === 'string[]') {
      if (!Array.isArray(raw)) fail(at, `${JSON.stringify(key)} must be an array of file paths`);
      (raw as unknown[]).forEach((item, i) => {
        if (typeof item !== 'string' || item.trim() === '') fail(childPointer(at, i), `${JSON.stringify(key)} must hold non-empty strings (file paths or URLs)`);
      });
      continue;
    }
    if (typeof raw !== want) fail(at, `${JSON.stringify(key)} must be a ${want}, not ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw}`);
    if (want === 'string' && (raw as string).trim() === '') fail(at, `${JSON.stringify(key)} must not be empty`);
    const allowed = CLIENT_KEY_VALUES[key as keyof ClientConfig];
    if (allowed && !allowed.includes(raw as string)) fail(at, `${JSON.stringify(key)} must be ${allowed.map((v) => JSON.stringify(v)).join(' or ')}, not ${JSON.stringify(raw)}`);
  }
  for (const key of ['input', 'output'] as const) {
    if (!(key in value)) fail(pointer, `missing required key ${JSON.stringify(key)}`);
  }
  const config = value as unknown as ClientConfig;
  return {
    input: resolveInput(baseDir, config.input),
    output: resolvePath(baseDir, config.output),
    ...(config.name !== undefined ? { name: config.name } : {}),
    ...(config.validate !== undefined ? { validate: config.validate } : {}),
    ...(config.templates !== undefined ? { templates: resolvePath(baseDir, config.templates) } : {}),
    ...(config.verify !== undefined ? { verify: config.verify } : {}),
    ...(config.overlays !== undefined ? { overlays: config.overlays.map((overlay) => resolveInput(baseDir, overlay)) } : {}),
    ...(config.importExtension !== undefined ? { importExtension: config.importExtension } : {}),
  };
}

/** A document or overlay: a URL as it is, a path against the config file's folder. */
function resolveInput(baseDir: string, input: string): string {
  return /^https?:\/\//i.test(input) ? input : resolvePath(baseDir, input);
}

function resolvePath(baseDir: string, path: string): string {
  return isAbsolute(path) ? path : resolve(baseDir, path);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
