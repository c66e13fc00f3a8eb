#!/usr/bin/env node
// Precompiles the built-in Handlebars templates, so generating a client loads only Handlebars'
// runtime instead of compiling every template (and loading the compiler) on every run.
//
//   node scripts/build-templates.mjs      (run by `npm run build`, after tsc)
//
// Writes dist/emit/templates/<template>.js, where dist/emit/templates.js looks for them; each keeps
// the text it was built from, and a template edited since is compiled at run time instead.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const emit = pathToFileURL(join(repo, 'dist', 'emit', '/'));
const importBuilt = (name) =>
  import(new URL(name, emit).href).catch((cause) => {
    throw new Error(`cannot load dist/emit/${name} (is it built? npm run build runs tsc first)`, { cause });
  });
const { precompiledTemplateModule } = await importBuilt('precompile-template.js');
const { precompiledTemplateUrl, templateNames } = await importBuilt('templates.js');

for (const template of templateNames()) {
  const source = readFileSync(join(repo, 'templates', template), 'utf8');
  const target = fileURLToPath(precompiledTemplateUrl(template, new URL('templates.js', emit)));
  mkdirSync(dirname(target), { recursive: true });
  // written whole then renamed, so an interrupted build never leaves a truncated module behind
  writeFileSync(`${target}.tmp`, precompiledTemplateModule(source));
  renameSync(`${target}.tmp`, target);
}
