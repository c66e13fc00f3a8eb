/**
 * What may name a declaration in generated code, and how spec text becomes such a name. plan/
 * decides every emitted name with these; emit/ only asks `isIdentifier` to choose between a bare
 * and a quoted key.
 */

const RESERVED_WORDS = new Set([
  // ECMAScript reserved words, strict-mode and future reserved words
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do',
  'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in',
  'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof',
  'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'implements', 'interface', 'package',
  'private', 'protected', 'public', 'await', 'arguments', 'eval',
  // TypeScript type names and contextual keywords that cannot name a type
  'any', 'unknown', 'never', 'object', 'string', 'number', 'boolean', 'symbol', 'bigint', 'undefined',
  'type', 'as', 'satisfies', 'keyof', 'infer', 'is', 'asserts', 'declare', 'namespace', 'module',
  'readonly', 'abstract', 'accessor', 'constructor', 'get', 'set', 'from', 'of', 'out', 'global',
]);

/** Globals that generated code relies on and that a generated declaration must not shadow. */
const RESERVED_GLOBALS = new Set([
  'Array', 'ArrayBuffer', 'Blob', 'Boolean', 'Date', 'Error', 'File', 'FormData', 'Function',
  'Headers', 'JSON', 'Map', 'Math', 'NaN', 'Infinity', 'Number', 'Object', 'Partial', 'Pick',
  'Promise', 'Readonly', 'Record', 'RegExp', 'Request', 'RequestInit', 'Response', 'Set', 'String',
  'Symbol', 'TypeError', 'URL', 'URLSearchParams', 'AbortSignal', 'Uint8Array', 'fetch', 'globalThis',
  'console', 'crypto', 'encodeURIComponent', 'decodeURIComponent', 'btoa', 'atob', 'setTimeout',
  'clearTimeout', 'BodyInit', 'Omit', 'Exclude', 'Extract', 'NonNullable',
  'ReturnType', 'Awaited', 'TextEncoder', 'TextDecoder', 'ReadableStream', 'DataView',
]);

/**
 * Non-ASCII letters keyway writes into identifiers: Latin-1 and Latin Extended, Greek, Cyrillic,
 * kana, CJK Unified Ideographs and Hangul syllables as Unicode 1.1–5.1 defined them. Node's `\p{…}`
 * tables follow its ICU (newer with every release) while every TypeScript version has its own
 * frozen tables, so a letter outside these blocks can be an identifier to Node and an "Invalid
 * character" to tsc, and would make output depend on the Node version. Other names are quoted
 * (keys) or built from their ASCII and listed letters (identifiers).
 */
const LISTED_LETTERS = /[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fa5\uac00-\ud7a3]/u;

function isIdentifierStart(char: string): boolean {
  return /[A-Za-z$_]/.test(char) || (LISTED_LETTERS.test(char) && /\p{ID_Start}/u.test(char));
}

function isIdentifierPart(char: string): boolean {
  return /[A-Za-z0-9$_]/.test(char) || (LISTED_LETTERS.test(char) && /\p{ID_Continue}/u.test(char));
}

const ASCII_IDENTIFIER = /^[A-Za-z$_][A-Za-z0-9$_]*$/;

/** True when `name` can be written bare as an identifier that every TypeScript version accepts. */
export function isIdentifier(name: string): boolean {
  // nearly every name is plain ASCII: one regex instead of a test per character
  if (ASCII_IDENTIFIER.test(name)) return true;
  const chars = [...name];
  return chars.length > 0 && isIdentifierStart(chars[0]!) && chars.every(isIdentifierPart);
}

/** True when `name` may not be used as a declaration name in generated code. */
export function isReserved(name: string): boolean {
  return RESERVED_WORDS.has(name) || RESERVED_GLOBALS.has(name);
}

/** True for JS/TS keywords and contextual type names, which no declaration may take. */
export function isReservedWord(name: string): boolean {
  return RESERVED_WORDS.has(name);
}

/** Splits arbitrary text into words for identifier building. */
function words(text: string): string[] {
  if (ASCII_TEXT.test(text)) return asciiWords(text);
  return text
    .replace(/['’]/g, '')
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .flatMap(identifierWords)
    .filter(Boolean);
}

const ASCII_TEXT = /^[\x00-\x7f]*$/;

/**
 * words() for ASCII text (nearly every operation id, path and schema name), with patterns that
 * match there exactly what the Unicode ones match: the only ASCII `\p{Ll}` are a-z, `\p{Lu}` A-Z,
 * `\p{L}\p{N}` letters and digits (and every such word may be in an identifier). Non-Unicode
 * patterns over a one-byte string are several times faster, and naming GitHub's API splits
 * ~12,000 texts.
 */
function asciiWords(text: string): string[] {
  return text
    .replace(/'/g, '')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

const ASCII_WORD = /^[A-Za-z0-9]*$/;

/**
 * A run of letters and digits split where TypeScript may not take a character into an identifier
 * (`²`, newer scripts). ASCII letters and digits all may: nearly every word of a real API is
 * returned whole by one regex test, not one test per character (GitHub's ~126,000 characters).
 */
function identifierWords(word: string): string[] {
  if (ASCII_WORD.test(word)) return [word];
  return [...word].map((char) => (isIdentifierPart(char) && char !== '$' && char !== '_' ? char : ' ')).join('').split(' ');
}

/**
 * `get /pets/{id}` → `getPetsId`; a leading all-capitals word is lowered whole, so AWS's
 * `GET_AssumeRole` is `getAssumeRole` and `URLLookup` is `urlLookup`, not `gETAssumeRole`.
 * Returns '' when the text has no letters or digits.
 */
export function camelCase(text: string): string {
  return words(text)
    .map((w, i) => (i === 0 ? lowerFirstWord(w) : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
}

function lowerFirstWord(word: string): string {
  return /^[\p{Lu}\p{N}]+$/u.test(word) ? word.toLowerCase() : word.charAt(0).toLowerCase() + word.slice(1);
}

/** `pet store` → `PetStore`. */
export function pascalCase(text: string): string {
  return words(text)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/**
 * Turns arbitrary text into a safe identifier in the given case, falling back to `fallback` when
 * nothing usable is left, and prefixing `_` when it starts with a digit or is reserved.
 */
export function toIdentifier(
  text: string,
  style: 'camel' | 'pascal',
  fallback: string,
  reserved: (name: string) => boolean = isReserved,
): string {
  let id = style === 'camel' ? camelCase(text) : pascalCase(text);
  if (id === '') id = fallback;
  // the first code point, without spreading the whole name into an array of them
  if (!isIdentifierStart(String.fromCodePoint(id.codePointAt(0)!))) id = '_' + id;
  if (reserved(id)) id = id + '_';
  return id;
}
