#!/usr/bin/env node
// Writes dist/runtime-exports.json: which runtime module exports which name, read by TypeScript's
// parser, so generating a client never loads TypeScript to find the modules it imports.
//
//   node scripts/build-runtime-exports.mjs      (run by `npm run build`, after tsc)
import { renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const importBuilt = (name) =>
  import(pathToFileURL(join(repo, 'dist', 'emit', name)).href).catch((cause) => {
    throw new Error(`cannot load dist/emit/${name} (is it built? npm run build runs tsc first)`, { cause });
  });
const { readRuntimeFiles } = await importBuilt('runtime-files.js');
const { buildExportIndex, EXPORT_INDEX_PATH } = await importBuilt('runtime-export-index.js');

const index = await buildExportIndex(await readRuntimeFiles());
// written whole then renamed, so an interrupted build never leaves a truncated index behind
writeFileSync(`${EXPORT_INDEX_PATH}.tmp`, `${JSON.stringify(index, null, 1)}\n`);
renameSync(`${EXPORT_INDEX_PATH}.tmp`, EXPORT_INDEX_PATH);
