/**
 * One escaping function per output context. Every string that comes from a spec is untrusted and
 * reaches generated code only through one of these.
 */
import { isIdentifier } from '../plan/identifiers.js';
import { htmlToMarkdown } from '../readme/html-to-markdown.js';

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
  const json = JSON.stringify(value);
  // includes, not a regex: in a one-byte string (nearly every one) V8 answers without scanning
  return json.includes('\u2028') || json.includes('\u2029') ? json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') : json;
}

/** A JS literal for a JSON value (string, number, boolean, null). */
export function literal(value: string | number | boolean | null): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return 'number';
  return String(value);
}

/** Normalizes text for a doc comment: line breaks unified, comment terminators broken, trimmed. */
export function docText(text: string): string {
  // most descriptions need none of the replacements; two quick tests spare three passes over each
  if (!text.includes('*/') && !DOC_TEXT_CONTROLS.test(text)) return text.trim();
  return text
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .trim();
}

/**
 * The characters docText replaces or drops. `*\/` is looked for apart, with includes: as an
 * alternative in this pattern it made the regex try two branches at every character (GitHub's
 * descriptions: ~14 ms a pass instead of ~9).
 */
const DOC_TEXT_CONTROLS = /[\r\u2028\u2029\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * A JSDoc block at the given indentation, or '' when there is nothing to say. HTML in prose (AWS
 * descriptions) becomes Markdown first, which hovers render; an entry of block tags (`@pattern …`,
 * `@example …`) carries values, which stay as the document wrote them. Lines are ` * ` prefixed;
 * the result ends with a newline.
 */
export function docComment(lines: Array<string | undefined>, indent = ''): string {
  return docBlock(docBody(lines), indent);
}

/** The text a doc comment carries (its lines normalized, blank-line separated), or undefined for none. */
export function docBody(lines: Array<string | undefined>): string | undefined {
  // one doc comment per property and method: a loop, and no split for the common one-line text
  let joined: string | undefined;
  for (const line of lines) {
    if (line === undefined || line.trim() === '') continue;
    const text = docText(line.startsWith('@') ? line : htmlToMarkdown(line));
    joined = joined === undefined ? text : `${joined}\n\n${text}`;
  }
  return joined === '' ? undefined : joined;
}

/** docBody's text as a JSDoc block at the given indentation ('' for none); ends with a newline. */
export function docBlock(body: string | undefined, indent = ''): string {
  if (body === undefined) return '';
  if (!body.includes('\n')) return `${indent}/** ${body} */\n`;
  const lines = body.split('\n');
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ' ' + l : ''}`).join('\n')}\n${indent} */\n`;
}
