/**
 * jsonpath-rfc9535 hands each match's location as normalized-path keys (RFC 9535 §2.7): member
 * names with `'`, `\` and control characters escaped. This undoes that escaping, so a key reads as
 * it does in the document (`it's` rather than `it\'s`). Array indexes stay numbers.
 */
export function rawSegments(path: readonly (string | number)[]): Array<string | number> {
  return path.map((segment) => (typeof segment === 'number' ? segment : unescapeKey(segment)));
}

const ESCAPE = /\\(?:u([0-9a-fA-F]{4})|(.))/g;
const SIMPLE: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', "'": "'", '\\': '\\' };

function unescapeKey(key: string): string {
  return key.replace(ESCAPE, (match, hex: string | undefined, char: string | undefined) =>
    hex !== undefined ? String.fromCharCode(parseInt(hex, 16)) : (SIMPLE[char!] ?? match),
  );
}
