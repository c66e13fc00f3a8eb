#!/usr/bin/env node
// The CLI lives in dist/, bundled into dist/bin/ (by `npm run build`; a published package ships it
// built): one module to load instead of ~120 (scripts/build-cli-bundle.mjs says why).
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/bin/cli.js', import.meta.url);
const cli = await import(entry.href).catch((error) => {
  const notBuilt = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(`'${fileURLToPath(entry)}'`);
  if (!notBuilt) throw error;
  process.stderr.write('error [E_USAGE] keyway is not built (no dist/bin/cli.js): run `npm run build` in its folder first\n');
  process.exit(1);
});

process.exitCode = await cli.main(process.argv.slice(2));
