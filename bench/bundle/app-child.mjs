// Runs one bundled app in this process, as a browser would: `localStorage` holds what the app reads
// (KEYWAY_BENCH_STORAGE, JSON), the loader hooks record every chunk loaded, and the entry chunk is
// imported by its path (argv[2]). The app prints its result; an unhandled rejection exits non-zero.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register(new URL('./record-loads.mjs', import.meta.url));
const items = new Map(Object.entries(JSON.parse(process.env.KEYWAY_BENCH_STORAGE ?? '{}')));
globalThis.localStorage = { getItem: (key) => items.get(key) ?? null };
await import(pathToFileURL(process.argv[2]).href);
