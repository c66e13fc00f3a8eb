/**
 * One escaping function per output context. Every string that comes from a spec is untrusted and
 * reaches generated code only through one of these.
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
  'clearTimeout', 'HeadersInit', 'BodyInit', 'Omit', 'Exclude', 'Extract', 'NonNullable',
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

/** True when `name` can be written bare as an identifier that every TypeScript version accepts. */
export function isIdentifier(name: string): boolean {
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

/** A property key in an object type or literal: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  // `__proto__` as a bare or quoted key in an object literal sets the prototype; a computed key does not.
  if (name === '__proto__') return '["__proto__"]';
  return isIdentifier(name) ? name : stringLiteral(name);
}

/** Property access: `.name` when possible, `["name"]` otherwise. */
export function propertyAccess(name: string): string {
  return isIdentifier(name) ? `.${name}` : `[${stringLiteral(name)}]`;
}

/** A double-quoted string literal; also escapes the two JS line terminators JSON allows raw. */
export function stringLiteral(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A JS literal for a JSON value (string, number, boolean, null). */
export function literal(value: string | number | boolean | null): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return 'number';
  return String(value);
}

/** Normalizes text for a doc comment: line breaks unified, comment terminators broken, trimmed. */
export function docText(text: string): string {
  return text
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .trim();
}

/**
 * A JSDoc block at the given indentation, or '' when there is nothing to say.
 * Lines are ` * ` prefixed; the result ends with a newline.
 */
export function docComment(lines: Array<string | undefined>, indent = ''): string {
  const body = lines
    .filter((l): l is string => l !== undefined && l.trim() !== '')
    .map(docText)
    .join('\n\n')
    .split('\n');
  if (body.length === 0 || (body.length === 1 && body[0] === '')) return '';
  if (body.length === 1) return `${indent}/** ${body[0]} */\n`;
  return `${indent}/**\n${body.map((l) => `${indent} *${l ? ' ' + l : ''}`).join('\n')}\n${indent} */\n`;
}

/** Text for a single-line `//` comment: no line breaks survive. */
export function lineCommentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}

/** Splits arbitrary text into words for identifier building. */
function words(text: string): string[] {
  return text
    .replace(/['’]/g, '')
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    // letters and digits TypeScript may not take in an identifier (`²`, newer scripts) separate words too
    .flatMap((word) => [...word].map((char) => (isIdentifierPart(char) && char !== '$' && char !== '_' ? char : ' ')).join('').split(' '))
    .filter(Boolean);
}

/** `get /pets/{id}` → `getPetsId`. Returns '' when the text has no letters or digits. */
export function camelCase(text: string): string {
  return words(text)
    .map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
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
  if (!isIdentifierStart([...id][0]!)) id = '_' + id;
  if (reserved(id)) id = id + '_';
  return id;
}
