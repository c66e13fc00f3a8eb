// The generated Core constructor reads its options by name (pickOptions) so that getters and
// inherited properties count: an option declared in ClientOptions but missing from that list (and
// not read as `options.<name>` either) would be silently ignored. Checked on the snapshot clients,
// which the snapshot tests keep equal to what keyway generates.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CLIENTS = ['auth-matrix', 'pets-oauth'];

function declaredOptions(source: string): string[] {
  const body = /^export interface ClientOptions \{\n([\s\S]*?)^\}/m.exec(source)?.[1] ?? '';
  return [...body.matchAll(/^ {2}(\w+)\??:/gm)].map((match) => match[1]!);
}

describe('every declared client option is read by the Core constructor', () => {
  for (const name of CLIENTS) {
    it(name, () => {
      const source = readFileSync(new URL(`../../snapshot/__snapshots__/${name}/client.ts`, import.meta.url), 'utf8');
      const declared = declaredOptions(source);
      expect(declared.length).toBeGreaterThan(5);
      const picked = /pickOptions(?:<object>)?\(options, '([^']*)'\)/.exec(source)?.[1]?.split(' ') ?? [];
      expect(picked.length).toBeGreaterThan(0);
      const unread = declared.filter((option) => !picked.includes(option) && !new RegExp(`\\boptions\\.${option}\\b`).test(source));
      expect(unread).toEqual([]);
      // The Core's options are these with built credentials; the client class builds them over the options as given.
      expect(source).toContain("export interface CoreOptions extends Omit<ClientOptions, 'auth'> {");
      expect(source).toMatch(/^ {2}constructor\(options: CoreOptions = \{\}\) \{$/m);
      expect(source).toMatch(/^ {2}constructor\(options: ClientOptions = \{\}\) \{\n {4}const auth = anyAuth\(options\.auth as AuthOptions\);(?:\n {4}\/\/.*)+\n {4}super\(new Proxy\(\{\}, \{ get: \(_, name\) => \(name === 'auth' \? auth : Reflect\.get\(options, name\)\) \}\)/m);
    });
  }
});
