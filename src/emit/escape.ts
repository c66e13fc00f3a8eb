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
 * A JSDoc block at the given indentation, or '' when there is nothing to say. HTML in a line (AWS
 * descriptions) becomes Markdown first, which hovers render. Lines are ` * ` prefixed; the result
 * ends with a newline.
 */
export function docComment(lines: Array<string | undefined>, indent = ''): string {
  const body = lines
    .filter((l): l is string => l !== undefined && l.trim() !== '')
    .map((l) => docText(htmlToMarkdown(l)))
    .join('\n\n')
    .split('\n');
  if (body.length === 0 || (body.length === 1 && body[0] === '')) return '';
  if (body.length === 1) return `${indent}/** ${body[0]} */\n`;
  return `${indent}/**\n${body.map((l) => `${indent} *${l ? ' ' + l : ''}`).join('\n')}\n${indent} */\n`;
}

