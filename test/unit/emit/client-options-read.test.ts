// The generated Core constructor reads its options by name (pickOptions) so that getters and
// inherited properties count: an option declared in ClientOptions but missing from that list (and
// not read as `options.<name>` either) would be silently ignored; `server` and `serverVariables`
// are read by the client class's constructor instead. Checked on the snapshot clients,
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
      // The Core's pickOptions, then the client class's: `server` and `serverVariables` are the class's alone.
      const [core, client] = [...source.matchAll(/pickOptions(?:<object>)?\(options, '([^']*)'\)/g)].map((match) => match[1]!.split(' '));
      expect(core!.length).toBeGreaterThan(0);
      expect(client).toEqual(['baseUrl', 'server', 'serverVariables']);
      const classOnly = ['server', 'serverVariables'];
      const unread = declared.filter((option) => !classOnly.includes(option) && !core!.includes(option) && !new RegExp(`\\boptions\\.${option}\\b`).test(source));
      expect(unread).toEqual([]);
      expect(core!.filter((option) => classOnly.includes(option))).toEqual([]);
      // The Core's options are these with built credentials and baseUrl alone; the client class builds them over the options as given.
      expect(source).toContain("export interface CoreOptions extends Omit<ClientOptions, 'auth' | 'baseUrl' | 'server' | 'serverVariables'> {");
      expect(source).toMatch(/^ {2}constructor\(options: CoreOptions = \{\}\) \{$/m);
      expect(source).toMatch(/^ {2}constructor\(options: ClientOptions = \{\}\) \{\n {4}const auth = anyAuth\(options\.auth as AuthOptions\);(?:\n {4}\/\/.*)+\n {4}const servers: ServerConfig = pickOptions<object>\(options, 'baseUrl server serverVariables'\);\n {4}chooseServer\(servers, SERVERS, OPERATION_SERVERS(?:, fillServerUrls)?\);(?:\n {4}\/\/.*)+\n {4}super\(new Proxy\(\{\}, \{ get: \(_, name\) => \(name === 'auth' \? auth : name === 'baseUrl' \|\| name === 'operationBaseUrls' \? servers\[name\] : name === 'server' \|\| name === 'serverVariables' \? undefined : Reflect\.get\(options, name\)\) \}\)/m);
    });
  }
});
