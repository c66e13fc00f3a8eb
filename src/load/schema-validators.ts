import { access } from 'node:fs/promises';
import type { ErrorObject } from 'ajv';
import type { SourceVersion } from '../model/api.js';

/** A validator that only answers valid or not; ajv's `ValidateFunction` is one. */
export type QuickValidator = (document: unknown) => boolean;

/**
 * Where `npm run build` (scripts/build-validators.mjs) puts each version's precompiled quick
 * validator: next to this module in dist/. Running from src (tests) there is none.
 */
export function precompiledValidatorUrl(version: SourceVersion, base: string | URL = import.meta.url): URL {
  return new URL(`./validators/openapi-${version}.js`, base);
}

const quick = new Map<SourceVersion, Promise<QuickValidator>>();

/**
 * The document's violations of its version's JSON Schema; [] when it is valid. The happy path
 * runs a validator that stops at the first error, precompiled at build time when available
 * (ajv's compiler and the schemas are then never loaded); only an invalid document pays for
 * compiling the allErrors one that reports every violation.
 */
export async function schemaErrors(document: unknown, version: SourceVersion): Promise<ErrorObject[]> {
  if ((await quickValidator(version))(document)) return [];
  const { compileValidator } = await import('./compile-validator.js');
  const thorough = thoroughValidator(version, compileValidator);
  return thorough(document) ? [] : [...(thorough.errors ?? [])];
}

/** Kept for the process: the GitHub spec is validated once, but tests and API users load many documents. */
function quickValidator(version: SourceVersion): Promise<QuickValidator> {
  let validator = quick.get(version);
  if (!validator) {
    validator = loadQuickValidator(version);
    quick.set(version, validator);
    validator.catch(() => quick.delete(version));
  }
  return validator;
}

async function loadQuickValidator(version: SourceVersion): Promise<QuickValidator> {
  const precompiled = precompiledValidatorUrl(version);
  if (await exists(precompiled)) return importQuickValidator(precompiled);
  const { compileValidator } = await import('./compile-validator.js');
  return compileValidator(version, false);
}

/** Loads a module written by quickValidatorModule (compile-validator.ts). */
export async function importQuickValidator(url: URL): Promise<QuickValidator> {
  const module = (await import(url.href)) as { validate?: unknown };
  if (typeof module.validate !== 'function') throw new Error(`${url.href} does not export a validate function`);
  return module.validate as QuickValidator;
}

type Compile = typeof import('./compile-validator.js').compileValidator;
type ThoroughValidator = ReturnType<Compile>;
const thorough = new Map<SourceVersion, ThoroughValidator>();

function thoroughValidator(version: SourceVersion, compile: Compile): ThoroughValidator {
  let validator = thorough.get(version);
  if (!validator) {
    validator = compile(version, true);
    thorough.set(version, validator);
  }
  return validator;
}

async function exists(url: URL): Promise<boolean> {
  try {
    await access(url);
    return true;
  } catch {
    return false;
  }
}
