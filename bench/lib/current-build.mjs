// The benches run the built keyway (dist/), which `npm run build` writes from src/ and templates/.
// A build older than those sources measures code that is not the tree's; worse, a runtime module
// edited since the build no longer matches dist/runtime-exports.json, so every generation rescans it
// with ts-morph (GitHub's client once measured 0.86 s and 188 MiB that way, 0.56 s and 121 MiB
// rebuilt). So a bench refuses such a build, naming a newer file, rather than print its figures.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The source files a build is made from: everything under src/ and templates/. */
function buildSources(repo) {
  return ['src', 'templates'].flatMap((dir) => readdirSync(join(repo, dir), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath ?? entry.path, entry.name)));
}

/**
 * Why `repo`'s build cannot be measured (missing, or older than a source file), or undefined when
 * it is current. dist/bin/cli.js is written last by the build (scripts/build-cli-bundle.mjs).
 */
export function staleBuild(repo) {
  const stamp = join(repo, 'dist', 'bin', 'cli.js');
  if (!existsSync(stamp)) return `${stamp} is missing`;
  const builtAt = statSync(stamp).mtimeMs;
  const newer = buildSources(repo).filter((file) => statSync(file).mtimeMs > builtAt);
  if (newer.length === 0) return undefined;
  return `the build in ${join(repo, 'dist')} is older than ${newer.length} source file${newer.length === 1 ? '' : 's'} (${relative(repo, newer[0])}${newer.length > 1 ? ', …' : ''})`;
}

/** Exits with code 2 and says what to run when `repo`'s build is missing or stale. */
export function requireCurrentBuild(repo, hint = 'run `npm run build` first') {
  const why = staleBuild(repo);
  if (why === undefined) return;
  console.error(`${why}: ${hint}`);
  process.exit(2);
}
