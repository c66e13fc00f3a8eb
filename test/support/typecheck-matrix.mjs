// Type-checks one set of files under several compiler option sets with one TypeScript 5.x package
// (by its JS API), in one process: the files, lib.*.d.ts and @types are parsed once and shared by
// every program, so four settings cost little more than one check each. TypeScript 5.x's tsc is
// JavaScript and slow to start and parse; TypeScript 7 (native, no JS API) is run as tsc instead.
//
//   node typecheck-matrix.mjs <typescript package dir> <request.json>
//   request: { "settings": [{ "name": "...", "rootNames": [...], "compilerOptions": {...} }] }
// Prints [{ name, version, diagnostics }] as JSON; `diagnostics` is '' when clean.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const [typescriptDir, requestFile] = process.argv.slice(2);
const ts = createRequire(import.meta.url)(typescriptDir);
const { settings } = JSON.parse(readFileSync(requestFile, 'utf8'));
const base = dirname(requestFile);
const parsed = new Map();
const formatHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => base, getNewLine: () => '\n' };

const results = [];
for (const { name, rootNames, compilerOptions } of settings) {
  const { options, errors } = ts.convertCompilerOptionsFromJson(compilerOptions, base);
  if (errors.length > 0) throw new Error(`${name}: ${ts.formatDiagnostics(errors, formatHost)}`);
  const host = ts.createCompilerHost(options);
  const parse = host.getSourceFile.bind(host);
  // A source file parsed for one program is reused by the next when it would parse the same:
  // same path, language version and module format (NodeNext marks each file ESM or CommonJS).
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    const how = typeof languageVersionOrOptions === 'object' ? [languageVersionOrOptions.languageVersion, languageVersionOrOptions.impliedNodeFormat] : [languageVersionOrOptions];
    const key = `${fileName}\0${how.join(',')}`;
    if (!parsed.has(key)) parsed.set(key, parse(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile));
    return parsed.get(key);
  };
  const program = ts.createProgram({ rootNames, options, host });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  results.push({ name, version: ts.version, diagnostics: ts.formatDiagnostics(diagnostics, formatHost) });
}
process.stdout.write(JSON.stringify(results));
