import { KeywayError } from '../errors.js';
import { asciiJsonText } from './ascii-json-text.js';
import { jsonErrorOffset } from './json-error-offset.js';
import { locateInJson } from './json-locate.js';
import { positionAt, type TextPosition } from './text-position.js';

export interface ParsedText {
  value: unknown;
  /** Whether one node may appear at several places in `value` (YAML aliases); JSON gives a tree. */
  sharesNodes: boolean;
  /** Where the node at these (unescaped) pointer segments is written; undefined if it is not in this text. */
  locate(segments: readonly string[]): TextPosition | undefined;
}

export type SyntaxHint = 'json' | 'yaml' | undefined;

/** A document as read (UTF-8 bytes, no byte order mark) or as text. */
export type SourceText = string | Buffer;

/**
 * Gives the source again when a JSON document's `locate` needs it, so that a big document's text
 * or bytes (13 MB for GitHub's spec) need not stay in memory for the whole load just in case of
 * an error; undefined when it cannot. Without one, the source is kept.
 */
export type Reread = () => SourceText | undefined;

/**
 * JSON.parse is an order of magnitude faster than a YAML parser, so JSON is parsed as JSON: by
 * extension, or by sniffing a leading `{`/`[` when the extension says nothing. A `.yaml` file
 * that happens to start with `{` may still be YAML flow syntax, so it falls back to YAML.
 */
export async function parseText(source: SourceText, file: string, hint: SyntaxHint, reread?: Reread): Promise<ParsedText> {
  const looksLikeJson = startsLikeJson(source);
  if (hint === 'json' || (looksLikeJson && hint === undefined)) return parseJson(source, file, reread);
  if (looksLikeJson) {
    try {
      return parseJsonOrThrowNative(source, reread);
    } catch {
      // not JSON after all: YAML reports the error
    }
  }
  // the yaml package takes ~15 ms to import; JSON documents (the big ones) never need it
  const { parseYaml } = await import('./parse-yaml.js');
  return parseYaml(textOf(source), file);
}

function textOf(source: SourceText): string {
  return typeof source === 'string' ? source : source.toString('utf8');
}

const LEADING_JSON = /^\s*[{[]/;

/** Without decoding a big document: only its leading ASCII whitespace is looked at. */
function startsLikeJson(source: SourceText): boolean {
  if (typeof source === 'string') return LEADING_JSON.test(source);
  let at = 0;
  while (at < source.length && (source[at] === 0x20 || (source[at]! >= 0x09 && source[at]! <= 0x0d))) at++;
  const first = source[at];
  // a non-ASCII byte may start Unicode whitespace, which `\s` also skips
  if (first !== undefined && first >= 0x80) return LEADING_JSON.test(textOf(source));
  return first === 0x7b || first === 0x5b;
}

function parseJson(source: SourceText, file: string, reread: Reread | undefined): ParsedText {
  try {
    return parseJsonOrThrowNative(source, reread);
  } catch {
    throw jsonSyntaxError(textOf(source), file);
  }
}

function parseJsonOrThrowNative(source: SourceText, reread: Reread | undefined): ParsedText {
  const text = typeof source === 'string' ? source : (asciiJsonText(source) ?? source.toString('utf8'));
  const value: unknown = JSON.parse(text);
  return { value, sharesNodes: false, locate: reread ? locateInRereadJson(reread) : locateInJsonSource(source) };
}

// Two functions, not two closures in one: a closure keeps every variable its siblings capture alive.
function locateInRereadJson(reread: Reread): ParsedText['locate'] {
  return (segments) => {
    const source = reread();
    return source === undefined ? undefined : locateInJson(textOf(source), segments);
  };
}

function locateInJsonSource(source: SourceText): ParsedText['locate'] {
  return (segments) => locateInJson(textOf(source), segments);
}

/** Parses the text as written again: asciiJsonText's escapes would shift V8's positions. */
function jsonSyntaxError(text: string, file: string): KeywayError {
  try {
    JSON.parse(text);
  } catch (error) {
    const { line, column } = jsonErrorPosition(text, error);
    const reason = error instanceof Error ? conciseReason(error.message) : String(error);
    return new KeywayError('E_PARSE', `invalid JSON: ${reason}`, { file, line, column }, { cause: error });
  }
  return new KeywayError('E_PARSE', 'invalid JSON', { file }); // unreachable: the escaped text means the same
}

/** Drops V8's position and quoted snippet: the location says where, and the snippet can be huge. */
function conciseReason(message: string): string {
  return message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ("|\.\.\.").*is not valid JSON$/s, '');
}

/** V8 sometimes names the offset (`at position 42`); otherwise we find it ourselves. */
function jsonErrorPosition(text: string, error: unknown): TextPosition {
  const message = error instanceof Error ? error.message : '';
  const offset = /at position (\d+)/.exec(message);
  return positionAt(text, offset ? Number(offset[1]) : jsonErrorOffset(text));
}
