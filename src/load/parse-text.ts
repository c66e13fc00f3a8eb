import { KeywayError } from '../errors.js';
import { jsonErrorOffset } from './json-error-offset.js';
import { locateInJson } from './json-locate.js';
import { positionAt, type TextPosition } from './text-position.js';

export interface ParsedText {
  value: unknown;
  /** Where the node at these (unescaped) pointer segments is written; undefined if it is not in this text. */
  locate(segments: readonly string[]): TextPosition | undefined;
}

export type SyntaxHint = 'json' | 'yaml' | undefined;

/**
 * JSON.parse is an order of magnitude faster than a YAML parser, so JSON is parsed as JSON: by
 * extension, or by sniffing a leading `{`/`[` when the extension says nothing. A `.yaml` file
 * that happens to start with `{` may still be YAML flow syntax, so it falls back to YAML.
 */
export async function parseText(text: string, file: string, hint: SyntaxHint): Promise<ParsedText> {
  const looksLikeJson = /^\s*[{[]/.test(text);
  if (hint === 'json' || (looksLikeJson && hint === undefined)) return parseJson(text, file);
  if (looksLikeJson) {
    try {
      return parseJsonOrThrowNative(text);
    } catch {
      // not JSON after all: YAML reports the error
    }
  }
  // the yaml package takes ~15 ms to import; JSON documents (the big ones) never need it
  const { parseYaml } = await import('./parse-yaml.js');
  return parseYaml(text, file);
}

function parseJson(text: string, file: string): ParsedText {
  try {
    return parseJsonOrThrowNative(text);
  } catch (error) {
    const { line, column } = jsonErrorPosition(text, error);
    const reason = error instanceof Error ? conciseReason(error.message) : String(error);
    throw new KeywayError('E_PARSE', `invalid JSON: ${reason}`, { file, line, column }, { cause: error });
  }
}

/** Drops V8's position and quoted snippet: the location says where, and the snippet can be huge. */
function conciseReason(message: string): string {
  return message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ("|\.\.\.").*is not valid JSON$/s, '');
}

function parseJsonOrThrowNative(text: string): ParsedText {
  const value: unknown = JSON.parse(text);
  return { value, locate: (segments) => locateInJson(text, segments) };
}

/** V8 sometimes names the offset (`at position 42`); otherwise we find it ourselves. */
function jsonErrorPosition(text: string, error: unknown): TextPosition {
  const message = error instanceof Error ? error.message : '';
  const offset = /at position (\d+)/.exec(message);
  return positionAt(text, offset ? Number(offset[1]) : jsonErrorOffset(text));
}
