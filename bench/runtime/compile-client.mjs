// Generates a client with bin/keyway.js and compiles it to JavaScript with TypeScript 7 (native tsc),
// so the bench runs exactly the code a user's build would: the generated client and its runtime/.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { consumerCompilerOptions, tscCommand } from '../../scripts/lib/tsc-command.mjs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function tscArgv() {
  const { file, prefixArgs } = tscCommand();
  return [file, ...prefixArgs];
}

/**
 * Writes `specText` to work/spec.yaml, generates into work/src, compiles into work/js.
 * Resolves { jsDir, seconds: { generate, compile } }; rejects with the tool's output on failure.
 */
export async function generateAndCompile({ repo, work, specText }) {
  const spec = join(work, 'spec.yaml');
  const srcDir = join(work, 'src');
  const jsDir = join(work, 'js');
  writeFileSync(spec, specText);

  let started = performance.now();
  await run(process.execPath, [join(repo, 'bin', 'keyway.js'), 'generate', spec, '--out', srcDir, '--quiet'], { cwd: repo });
  const generate = (performance.now() - started) / 1000;

  // NodeNext takes ESM vs CommonJS from package.json; the compiled output needs it too to load as ESM.
  writeFileSync(join(srcDir, 'package.json'), '{ "type": "module" }\n');
  mkdirSync(jsDir, { recursive: true });
  writeFileSync(join(jsDir, 'package.json'), '{ "type": "module" }\n');
  const config = join(work, 'tsconfig.json');
  writeFileSync(config, JSON.stringify({
    compilerOptions: { ...consumerCompilerOptions('NodeNext'), rootDir: srcDir, outDir: jsDir },
    include: [join(srcDir, '**/*.ts')],
  }));
  const [file, ...prefix] = tscArgv();
  started = performance.now();
  try {
    await run(file, [...prefix, '-p', config, '--pretty', 'false'], { cwd: work, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`tsc failed on the generated client:\n${`${error.stdout ?? ''}${error.stderr ?? ''}`.trim() || error.message}`);
  }
  const compile = (performance.now() - started) / 1000;
  return { jsDir, seconds: { generate, compile } };
}

/** The compiled client's entry point and a runtime module, as ES module namespaces. */
export async function importCompiled(jsDir) {
  const client = await import(pathToFileURL(join(jsDir, 'index.js')).href);
  // The generated runtime has no index: only the modules the client imports, and what they import.
  const load = (path) => import(pathToFileURL(join(jsDir, 'runtime', path)).href);
  const [security, factory, statics, oauth2, store] = await Promise.all(
    ['security.js', 'strategy-factory.js', 'static-strategies.js', 'oauth2/oauth2-strategies.js', 'oauth2/memory-token-store.js'].map(load),
  );
  // Since credentials are built (runtime/plain-credentials.js), plain ones are built first; a baseline
  // from before takes the factories itself.
  const plain = await load('plain-credentials.js').catch(() => undefined);
  const factories = [oauth2.oauth2Strategies, statics.staticStrategies];
  const runtime = {
    selectAlternative: security.selectAlternative,
    MemoryTokenStore: store.MemoryTokenStore,
    createAuthStrategies: (schemes, credentials, env) =>
      plain === undefined
        ? factory.buildAuthStrategies(schemes, credentials, env, factories)
        : factory.buildAuthStrategies(schemes, plain.buildPlainCredentials(credentials, factories), env),
  };
  const buildRequest = await import(pathToFileURL(join(jsDir, 'runtime', 'build-request.js')).href);
  return { client, runtime, buildRequest };
}
