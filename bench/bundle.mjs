#!/usr/bin/env node
// What a browser app ships with a generated client (issue 14), measured against hey-api in one run.
//
//   npm run build && npm run bench:bundle
//
// 1. One GitHub operation (repos/get, a bearer token in the headers): keyway's `<Name>Core` and
//    `reposGet` against hey-api's `client` and `reposGet`. Target: keyway gzip <= 2x hey-api's.
// 2. The petstore example (fixtures/examples/petstore-auth.yaml) calling listPets with client
//    credentials only: the Core with a built credential (`oauth: clientCredentials({ clientId,
//    clientSecret, tokenUrl })`, imported from the generated index), which links no strategy factory,
//    no static strategy and no other scheme's code. Target: <= 8,000 bytes gzip for what the running
//    app downloads, and no module of a flow or client-auth method the app never uses in it. For
//    information, not targets: the same Core with `anyAuth({ oauth: { … } })` (plain credentials:
//    every factory of the document), and the client class with plain credentials (all methods).
// Each app is bundled with esbuild (--bundle --minify --format=esm --platform=browser) and gzipped
// at level 9 (each chunk on its own, as each is fetched), once as a single file and once with
// --splitting. GitHub's target reads the split build's initial download: the entry chunk plus the
// chunks it imports statically. The petstore target reads what the app really downloads: the split
// build is written to disk and run in Node (bench/bundle/run-petstore.mjs) against a token endpoint
// and an API on 127.0.0.1, loader hooks record every chunk it loads, and the total is the initial
// download plus each chunk it loaded through import() during its call; the call must have worked
// (one token request with the app's id and secret, the API saw that token as a Bearer).
// hey-api (@hey-api/openapi-ts 0.95.0, the last on node 20) is installed into bench/.peers on the
// first run, and its GitHub client is generated there once (minutes) and reused while the spec and
// version stay the same.
// Environment: SPEC=path (GitHub's description), PEERS=dir (default bench/.peers), KEEP=1 keeps the work dir.
// Exit code: 0 when both targets pass, 1 otherwise, 2 on a setup error.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureHeyApi, HEY_API_VERSION, heyApiClient } from './bundle/hey-api.mjs';
import { measureApp } from './bundle/measure-bundle.mjs';
import { runPetstoreApp } from './bundle/run-petstore.mjs';
import { requireCurrentBuild } from './lib/current-build.mjs';
import { recordTarget } from './lib/targets.mjs';

const TARGET_GITHUB_RATIO = 2;
const TARGET_PETSTORE_GZIP = 8000;
// Modules of flows and client-auth methods a client-credentials app with a secret never runs.
const UNUSED_BY_PETSTORE_APP = ['device-flow', 'authorization-code-flow', 'pkce', 'client-assertion', 'rsa-pss-pkcs8', 'metadata-endpoints', 'jwt-bearer', 'dpop', 'redis-token-store', 'redis-client'];

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const spec = resolve(repo, process.env.SPEC ?? 'node_modules/@octokit/openapi/generated/api.github.com.json');
const peers = resolve(repo, process.env.PEERS ?? 'bench/.peers');
requireCurrentBuild(repo);
if (!existsSync(spec)) {
  console.error(`spec not found: ${spec}`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'keyway-bundle-'));
const keyway = (input, out) => execFileSync(process.execPath, [join(repo, 'bin', 'keyway.js'), 'generate', input, '--out', out], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });

/** The client and Core class names index.ts exports. */
function classNames(out) {
  const match = /^export \{ (\w+), (\w+), (?:anyAuth, )?isApiError(?:, \w+ServerUrl)? \} from '\.\/client\.js';$/m.exec(readFileSync(join(out, 'index.ts'), 'utf8'));
  if (match === null) throw new Error(`${out}/index.ts exports no client and Core class`);
  return { client: match[1], core: match[2] };
}

function app(name, source) {
  const file = join(work, `${name}.ts`);
  writeFileSync(file, source);
  return file;
}

const kb = (n) => n.toLocaleString('en-US');
const row = (label, m) => `  ${label.padEnd(34)} ${kb(m.single.bytes).padStart(9)} B  ${kb(m.single.gzip).padStart(7)} B gzip  | split: initial ${kb(m.initial.bytes).padStart(9)} B  ${kb(m.initial.gzip).padStart(7)} B gzip (${m.initial.chunks} chunk${m.initial.chunks === 1 ? '' : 's'})`;
const shortName = (input) => relative(work, resolve(repo, input)).replace(/^(\.\.\/)+/, '');

/** Runs a petstore app's split build and sums what it loaded: the initial chunks and those it imported lazily. */
async function whatTheAppDownloads(name, measured) {
  const outdir = join(work, `dist-${name}`);
  const { loaded, seen } = await runPetstoreApp(outdir, measured.entryFile);
  const chunks = loaded.map((file) => measured.chunkAt(file)).filter((chunk) => chunk !== undefined);
  const initialLoaded = chunks.filter((chunk) => chunk.initial).length;
  if (initialLoaded !== measured.initial.chunks) throw new Error(`${name} loaded ${initialLoaded} of its ${measured.initial.chunks} initial chunks: the loader hooks missed some`);
  const lazyChunks = chunks.filter((chunk) => !chunk.initial);
  const lazy = { bytes: lazyChunks.reduce((n, c) => n + c.bytes, 0), gzip: lazyChunks.reduce((n, c) => n + c.gzip, 0), chunks: lazyChunks.length };
  const loadedKeys = new Set(lazyChunks.map((chunk) => chunk.key));
  const modules = [...measured.initialModules];
  for (const chunk of lazyChunks) for (const input of chunk.modules) modules.push({ input, bytes: chunk.moduleBytes[input] });
  modules.sort((a, b) => b.bytes - a.bytes || (a.input < b.input ? -1 : 1));
  return {
    seen,
    initial: measured.initial,
    lazy,
    total: { bytes: measured.initial.bytes + lazy.bytes, gzip: measured.initial.gzip + lazy.gzip },
    lazyChunks,
    unloaded: measured.lazy.filter((chunk) => !loadedKeys.has(chunk.key)),
    modules,
  };
}

let failed = false;
try {
  ensureHeyApi(peers);
  const heyGithub = heyApiClient(peers, spec, 'github');
  const keywayGithub = join(work, 'keyway-github');
  keyway(spec, keywayGithub);
  const keywayPetstore = join(work, 'keyway-petstore');
  keyway(join(repo, 'fixtures', 'examples', 'petstore-auth.yaml'), keywayPetstore);
  const github = classNames(keywayGithub);
  const petstore = classNames(keywayPetstore);

  const apps = {
    keywayGithub: app('keyway-github-app', `import { ${github.core}, reposGet } from './keyway-github/index.js';
const client = new ${github.core}({ headers: { authorization: 'Bearer ' + localStorage.getItem('token') } });
reposGet(client, { owner: 'octocat', repo: 'hello-world' }).then((repo) => console.log(repo.full_name));
`),
    heyGithub: app('hey-github-app', `import { client } from ${JSON.stringify(join(heyGithub, 'client.gen.ts'))};
import { reposGet } from ${JSON.stringify(join(heyGithub, 'sdk.gen.ts'))};
client.setConfig({ headers: { Authorization: 'Bearer ' + localStorage.getItem('token') } });
reposGet({ path: { owner: 'octocat', repo: 'hello-world' } }).then(({ data }) => console.log(data?.full_name));
`),
    // Where the API and its token endpoint are comes from the page (the bench points both at 127.0.0.1).
    keywayPetstore: app('keyway-petstore-app', `import { ${petstore.core}, clientCredentials, listPets } from './keyway-petstore/index.js';
const where = JSON.parse(localStorage.getItem('petstore') ?? '{}');
const client = new ${petstore.core}({ baseUrl: where.baseUrl, auth: { oauth: clientCredentials({ clientId: 'pet-app', clientSecret: String(localStorage.getItem('secret')), tokenUrl: where.tokenUrl }) } });
listPets(client, { limit: 10 }).then((pets) => console.log(pets.length));
`),
    // For information: plain credentials through anyAuth, which carries every factory the document needs.
    keywayPetstoreAnyAuth: app('keyway-petstore-anyauth-app', `import { ${petstore.core}, anyAuth, listPets } from './keyway-petstore/index.js';
const where = JSON.parse(localStorage.getItem('petstore') ?? '{}');
const client = new ${petstore.core}({ baseUrl: where.baseUrl, auth: anyAuth({ oauth: { clientId: 'pet-app', clientSecret: String(localStorage.getItem('secret')), tokenUrl: where.tokenUrl } }) });
listPets(client, { limit: 10 }).then((pets) => console.log(pets.length));
`),
    // For information: the client class keeps plain credentials (and carries every method).
    keywayPetstoreClass: app('keyway-petstore-class-app', `import { ${petstore.client} } from './keyway-petstore/index.js';
const where = JSON.parse(localStorage.getItem('petstore') ?? '{}');
const client = new ${petstore.client}({ baseUrl: where.baseUrl, auth: { oauth: { clientId: 'pet-app', clientSecret: String(localStorage.getItem('secret')), tokenUrl: where.tokenUrl } } });
client.listPets({ limit: 10 }).then((pets) => console.log(pets.length));
`),
  };
  const m = {};
  for (const [name, file] of Object.entries(apps)) m[name] = await measureApp(file, join(work, `dist-${name}`));

  console.log(`esbuild --bundle --minify --format=esm --platform=browser; gzip -9; hey-api ${HEY_API_VERSION}`);
  console.log('\n1. One GitHub operation (reposGet, bearer token in the headers)');
  console.log(row(`keyway (${github.core} + reposGet)`, m.keywayGithub));
  console.log(row('hey-api (client + reposGet)', m.heyGithub));
  const ratio = m.keywayGithub.initial.gzip / m.heyGithub.initial.gzip;
  const githubOk = ratio <= TARGET_GITHUB_RATIO;
  console.log(`  keyway / hey-api (gzip, initial): ${ratio.toFixed(2)}x   target <= ${TARGET_GITHUB_RATIO}x   ${githubOk ? 'PASS' : 'FAIL'}`);
  const coreOf = (modules) => modules.filter((mod) => /\/runtime\/[^/]+\.ts$/.test(mod.input) || /\/client\.ts$/.test(mod.input));
  const coreBytes = (modules) => coreOf(modules).reduce((n, mod) => n + mod.bytes, 0);
  console.log(`  request core (runtime/*.ts at the top level, and client.ts) in the initial download: ${kb(coreBytes(m.keywayGithub.initialModules))} B minified`);
  console.log('  largest modules of the initial download (minified bytes):');
  for (const mod of m.keywayGithub.initialModules.slice(0, 30)) console.log(`    ${kb(mod.bytes).padStart(7)} B  ${shortName(mod.input)}`);
  recordTarget({ target: 'One GitHub operation, browser bundle gzip', keyway: `${kb(m.keywayGithub.initial.gzip)} B`, peer: `hey-api ${kb(m.heyGithub.initial.gzip)} B`, ratio, goal: `≤ ${TARGET_GITHUB_RATIO.toFixed(2)}`, pass: githubOk });

  console.log('\n2. Petstore example, listPets with client credentials (clientId + clientSecret), run against 127.0.0.1');
  const downloaded = {};
  for (const name of ['keywayPetstore', 'keywayPetstoreAnyAuth', 'keywayPetstoreClass']) downloaded[name] = await whatTheAppDownloads(name, m[name]);
  const petRow = (label, d) =>
    `  ${label.padEnd(48)} initial ${kb(d.initial.bytes).padStart(7)} B ${kb(d.initial.gzip).padStart(6)} B gzip (${d.initial.chunks})  + lazy ${kb(d.lazy.bytes).padStart(6)} B ${kb(d.lazy.gzip).padStart(6)} B gzip (${d.lazy.chunks})  = total ${kb(d.total.bytes).padStart(7)} B ${kb(d.total.gzip).padStart(6)} B gzip`;
  console.log(petRow(`keyway (${petstore.core} + clientCredentials)`, downloaded.keywayPetstore));
  console.log(petRow(`keyway (${petstore.core} + anyAuth, for info)`, downloaded.keywayPetstoreAnyAuth));
  console.log(petRow(`keyway (${petstore.client}, plain, for info)`, downloaded.keywayPetstoreClass));
  console.log(`  (single file, no splitting: ${kb(m.keywayPetstore.single.bytes)} B, ${kb(m.keywayPetstore.single.gzip)} B gzip)`);
  const run = downloaded.keywayPetstore;
  console.log(`  servers saw: ${run.seen.tokenRequests} token request (HTTP Basic, client_credentials), ${run.seen.apiRequests} API request with the Bearer token`);
  const petstoreGzip = run.total.gzip;
  const present = run.modules.filter((mod) => UNUSED_BY_PETSTORE_APP.some((name) => mod.input.endsWith(`/runtime/oauth2/${name}.ts`)));
  const sizeOk = petstoreGzip <= TARGET_PETSTORE_GZIP;
  console.log(`  downloaded in total ${kb(petstoreGzip)} B gzip   target <= ${kb(TARGET_PETSTORE_GZIP)} B   ${sizeOk ? 'PASS' : 'FAIL'} (${(petstoreGzip / TARGET_PETSTORE_GZIP).toFixed(2)}x the target)`);
  console.log(`  unused flows / client-auth methods downloaded: ${present.length === 0 ? 'none   PASS' : `${present.map((mod) => `${shortName(mod.input)} (${kb(mod.bytes)} B)`).join(', ')}   FAIL`}`);
  recordTarget({ target: 'Petstore app, client credentials, gzip', keyway: `${kb(petstoreGzip)} B`, peer: `budget ${kb(TARGET_PETSTORE_GZIP)} B`, ratio: petstoreGzip / TARGET_PETSTORE_GZIP, goal: '≤ 1.00', pass: sizeOk && present.length === 0 });
  for (const mod of present) console.log(`    why ${shortName(mod.input)}: ${m.keywayPetstore.why(mod.input).map(shortName).join(' -> ') || 'through import()'}`);
  console.log('  chunks the app loaded through import() during its call (counted above):');
  for (const chunk of run.lazyChunks) console.log(`    ${kb(chunk.bytes).padStart(7)} B  ${kb(chunk.gzip).padStart(6)} B gzip  ${chunk.modules.map(shortName).join(', ')}`);
  if (run.lazyChunks.length === 0) console.log('    none');
  console.log('  chunks never loaded by this call (not counted):');
  for (const chunk of run.unloaded) console.log(`    ${kb(chunk.bytes).padStart(7)} B  ${kb(chunk.gzip).padStart(6)} B gzip  ${chunk.modules.map(shortName).join(', ')}`);
  console.log(`  request core (runtime/*.ts at the top level, and client.ts) downloaded: ${kb(coreBytes(run.modules))} B minified`);
  console.log('  largest modules downloaded (minified bytes):');
  for (const mod of run.modules.slice(0, 40)) console.log(`    ${kb(mod.bytes).padStart(7)} B  ${shortName(mod.input)}`);
  failed = !githubOk || !sizeOk || present.length > 0;
  console.log(`\n${failed ? 'FAIL' : 'PASS'}: GitHub ${githubOk ? 'pass' : 'fail'}, petstore size ${sizeOk ? 'pass' : 'fail'}, petstore contents ${present.length === 0 ? 'pass' : 'fail'}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
} finally {
  if (process.env.KEEP === '1') console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
if (failed && process.exitCode === undefined) process.exitCode = 1;
