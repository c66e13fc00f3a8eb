// Bundles one app the way a browser app ships it and measures what a visitor downloads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** esbuild --bundle --minify --format=esm --platform=browser, with or without --splitting; files are written by the caller. */
async function bundle(entry, outdir, splitting) {
  return build({ entryPoints: [entry], outdir, bundle: true, minify: true, format: 'esm', platform: 'browser', splitting, metafile: true, write: false, logLevel: 'silent' });
}

const gzipBytes = (bytes) => gzipSync(bytes, { level: 9 }).length;

/**
 * One app, measured twice: as one file (no splitting), and split, where the initial download is the
 * entry chunk plus every chunk it imports statically (each gzipped on its own, as each is fetched);
 * chunks reached only through `import()` are listed apart with the modules they hold. The split
 * build is written to `outdir`, so it can be run (`entryFile`, `chunkAt(file)` for a written chunk).
 */
export async function measureApp(entry, outdir) {
  const single = await bundle(entry, outdir, false);
  const file = single.outputFiles.find((f) => f.path.endsWith('.js'));
  const split = await bundle(entry, outdir, true);
  const outputs = split.metafile.outputs;
  // Metafile keys are relative to the working directory; output files carry absolute paths.
  const byPath = new Map(split.outputFiles.map((f) => [f.path, f.contents]));
  for (const f of split.outputFiles) {
    mkdirSync(dirname(f.path), { recursive: true });
    writeFileSync(f.path, f.contents);
  }
  const chunkOf = (key) => byPath.get(resolve(key));
  const entryKey = Object.keys(outputs).find((key) => outputs[key].entryPoint !== undefined && resolve(outputs[key].entryPoint) === resolve(entry));
  const initial = new Set();
  const pending = [entryKey];
  while (pending.length) {
    const key = pending.pop();
    if (initial.has(key)) continue;
    initial.add(key);
    for (const imported of outputs[key].imports) if (imported.kind === 'import-statement') pending.push(imported.path);
  }
  const chunks = Object.keys(outputs).filter((key) => key.endsWith('.js'));
  // Each chunk is described (and gzipped) once, whether listed as initial, lazy or loaded.
  const described = new Map();
  const describe = (key) => {
    if (described.has(key)) return described.get(key);
    const contents = chunkOf(key);
    const inputs = outputs[key].inputs;
    const description = { key, bytes: contents.length, gzip: gzipBytes(contents), modules: Object.keys(inputs), moduleBytes: Object.fromEntries(Object.entries(inputs).map(([input, { bytesInOutput }]) => [input, bytesInOutput])) };
    described.set(key, description);
    return description;
  };
  const initialChunks = [...initial].map(describe);
  const modules = [];
  for (const key of initial) for (const [input, { bytesInOutput }] of Object.entries(outputs[key].inputs)) modules.push({ input, bytes: bytesInOutput });
  modules.sort((a, b) => b.bytes - a.bytes || (a.input < b.input ? -1 : 1));
  return {
    why: (input) => importChain(single.metafile, entry, input),
    single: { bytes: file.contents.length, gzip: gzipBytes(file.contents) },
    initial: { bytes: sum(initialChunks, 'bytes'), gzip: sum(initialChunks, 'gzip'), chunks: initialChunks.length },
    initialModules: modules,
    lazy: chunks.filter((key) => !initial.has(key)).map(describe),
    entryFile: resolve(entryKey),
    /** The chunk written at `file` (relative to outdir), described; undefined when it is no chunk of this build. */
    chunkAt: (file) => {
      const key = chunks.find((k) => relative(outdir, resolve(k)) === file);
      return key === undefined ? undefined : { ...describe(key), initial: initial.has(key) };
    },
  };
}

/** The shortest chain of static imports from the entry to `input` (metafile input paths), or [] when none. */
function importChain(metafile, entry, input) {
  const inputs = metafile.inputs;
  const start = Object.keys(inputs).find((key) => resolve(key) === resolve(entry));
  const from = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length) {
    const key = queue.shift();
    if (key === input) break;
    for (const imported of inputs[key]?.imports ?? []) {
      if (imported.kind !== 'import-statement' || from.has(imported.path)) continue;
      from.set(imported.path, key);
      queue.push(imported.path);
    }
  }
  if (!from.has(input)) return [];
  const chain = [];
  for (let key = input; key !== undefined; key = from.get(key)) chain.unshift(key);
  return chain;
}

function sum(rows, field) {
  return rows.reduce((total, row) => total + row[field], 0);
}
