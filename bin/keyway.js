#!/usr/bin/env node
// The CLI lives in dist/, bundled into dist/bin/ (by `npm run build`; a published package ships it
// built): one module to load instead of ~120 (scripts/build-cli-bundle.mjs says why).
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// A run lasts about a second (GitHub's API), too short for most of TurboFan's work to pay back: with
// V8's defaults it compiled on background threads ~0.5-0.8 s of CPU per GitHub run (writeObject
// alone ~100 ms, with everything it inlines), which on a small machine (2 cores here) competes with
// the main thread and the collector. Three times the default interrupt budget tiers up only the
// really hot functions, and without inlining each compile is a fraction of the work: together
// ~55 % less background CPU, the main thread no slower (measured: ~0.93 vs ~0.95 s), the output the
// same. Process-wide, hence here and not in the library; set before the CLI loads, so every
// function it compiles has them. Only on V8 11 (Node 20), where they were measured: later V8s tier
// up by other counters (Maglev) and may report a flag they do not know on stderr (V8 15 does).
if (process.versions.v8.startsWith('11.')) setFlagsFromString('--interrupt-budget=200000 --no-turbo-inlining');

const entry = new URL('../dist/bin/cli.js', import.meta.url);
const cli = await import(entry.href).catch((error) => {
  const notBuilt = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(`'${fileURLToPath(entry)}'`);
  if (!notBuilt) throw error;
  process.stderr.write('error [E_USAGE] keyway is not built (no dist/bin/cli.js): run `npm run build` in its folder first\n');
  process.exit(1);
});

process.exitCode = await cli.main(process.argv.slice(2));
