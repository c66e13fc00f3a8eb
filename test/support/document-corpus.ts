/**
 * The documents the validator tests run over: every parseable JSON/YAML file under the given
 * fixture folders and the @readme/oas-examples of the given versions, parsed as keyway parses them
 * (files that do not parse, the syntax-error fixtures, are left out), then the tests' own probes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseText } from '../../src/load/parse-text.js';

export async function documentCorpus(folders: string[], exampleVersions: string[], probes: { label: string; documents: unknown[] }): Promise<Array<[string, unknown]>> {
  const files = [
    ...folders.flatMap((folder) => readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((name) => `${folder}/${name}`)),
    ...exampleVersions.flatMap((version) =>
      readdirSync(`node_modules/@readme/oas-examples/${version}/json`, { recursive: true, encoding: 'utf8' }).map((name) => `node_modules/@readme/oas-examples/${version}/json/${name}`),
    ),
  ].filter((name) => /\.(json|ya?ml)$/.test(name));
  const parsed: Array<[string, unknown]> = [];
  for (const file of files) {
    try {
      parsed.push([file, (await parseText(readFileSync(file), file, undefined)).value]);
    } catch {
      // the syntax-error fixtures
    }
  }
  return [...parsed, ...probes.documents.map((document, i): [string, unknown] => [`${probes.label} #${i}`, document])];
}
