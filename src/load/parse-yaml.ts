import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { KeywayError } from '../errors.js';
import type { ParsedText } from './parse-text.js';
import type { TextPosition } from './text-position.js';

/** YAML 1.2 with merge keys; duplicate keys, recursive aliases and alias bombs are E_PARSE. */
export function parseYaml(text: string, file: string): ParsedText {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, merge: true, uniqueKeys: true });
  const [error] = document.errors;
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new KeywayError('E_PARSE', `invalid YAML: ${firstLine(error.message)}`, { file, line, column: col }, { cause: error });
  }
  const recursive = findRecursiveAlias(document);
  if (recursive !== undefined) {
    const { line, col } = lineCounter.linePos(recursive);
    throw new KeywayError('E_PARSE', 'invalid YAML: alias refers to a node that contains it (recursive alias)', { file, line, column: col });
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 10_000 });
  } catch (cause) {
    // alias bombs and similar are only detected while building values
    throw new KeywayError('E_PARSE', `invalid YAML: ${cause instanceof Error ? cause.message : String(cause)}`, { file }, { cause });
  }
  return { value, sharesNodes: true, locate: (segments) => locateInYaml(document, lineCounter, segments) };
}

function firstLine(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/; please use YAML\.parseAllDocuments\(\)$/, '');
}

/** A self-containing alias (`a: &x [*x]`) would make the value cyclic, which no later stage expects. */
function findRecursiveAlias(document: Document): number | undefined {
  let offset: number | undefined;
  visit(document, {
    Alias(_key, alias, path) {
      const target = alias.resolve(document);
      if (target !== undefined && path.includes(target)) {
        offset = alias.range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}

function locateInYaml(document: Document, lineCounter: LineCounter, segments: readonly string[]): TextPosition | undefined {
  let node: unknown = document.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (const segment of segments) {
    if (isAlias(node)) node = node.resolve(document);
    if (isMap(node)) {
      const pair = node.items.find((item) => String(isScalar(item.key) ? item.key.value : item.key) === segment);
      if (!pair) return undefined;
      offset = (pair.key as Node | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && /^\d+$/.test(segment)) {
      node = node.items[Number(segment)];
      if (node === undefined) return undefined;
      offset = (node as Node | null)?.range?.[0] ?? offset;
    } else {
      return undefined;
    }
  }
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
