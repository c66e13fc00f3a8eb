// hey-api's generator, installed on first use into bench/.peers (gitignored), the way
// /work/shared/bench/peers.sh installs the peers: pinned versions, `npm install --prefix`.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// 0.95.0 is the last hey-api that runs on node 20; it needs TypeScript 5 as a library (7 has no JS API).
export const HEY_API_VERSION = process.env.V_HEY ?? '0.95.0';
const TYPESCRIPT_VERSION = process.env.V_TS ?? '5.9.3';

function installedVersion(peers) {
  const manifest = join(peers, 'node_modules', '@hey-api', 'openapi-ts', 'package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
}

export function ensureHeyApi(peers) {
  if (installedVersion(peers) === HEY_API_VERSION) return;
  mkdirSync(peers, { recursive: true });
  if (!existsSync(join(peers, 'package.json'))) writeFileSync(join(peers, 'package.json'), '{ "name": "keyway-bench-peers", "private": true }\n');
  console.log(`installing @hey-api/openapi-ts@${HEY_API_VERSION} and typescript@${TYPESCRIPT_VERSION} into ${peers} (first run only)`);
  execFileSync('npm', ['install', '--prefix', peers, '--no-audit', '--no-fund', '--loglevel=error', `@hey-api/openapi-ts@${HEY_API_VERSION}`, `typescript@${TYPESCRIPT_VERSION}`], { stdio: 'inherit' });
}

/**
 * hey-api's client for `spec` in `<peers>/out-<name>`, generated again only when the spec or the
 * version changed (GitHub's takes minutes): a stamp file records both.
 */
export function heyApiClient(peers, spec, name) {
  const out = join(peers, `out-${name}`);
  const stamp = join(out, '.stamp');
  const want = `${HEY_API_VERSION} ${createHash('sha256').update(readFileSync(spec)).digest('hex')}\n`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return out;
  rmSync(out, { recursive: true, force: true });
  console.log(`generating hey-api's client for ${spec} (cached in ${out} afterwards)`);
  execFileSync(join(peers, 'node_modules', '.bin', 'openapi-ts'), ['-i', spec, '-o', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  writeFileSync(stamp, want);
  return out;
}
