/**
 * Proofs that spec payloads stayed data. Two kinds: at run time (no global set, no marker file
 * written), and statically: every token of generated code that mentions a payload word is a string
 * literal or a comment, so no payload can be code whatever path executes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ts } from 'ts-morph';

/** Files the hostile fixtures' payloads try to write. */
export const MARKER_FILES = ['/tmp/keyway-pwned', '/tmp/pwned'] as const;

/** Words that only occur in generated code inside payloads. */
const PAYLOAD_WORDS = /PWNED|writeFileSync|getBuiltinModule|require/;
/**
 * Identifiers the planner builds from payload text (`GlobalThisPWNED1`) are names, not code; a
 * payload that escaped would show its own words as whole identifiers.
 */
const PAYLOAD_IDENTIFIER = /^(PWNED|writeFileSync|getBuiltinModule|require)$/;

export type MarkerState = Map<string, number | undefined>;

/** Each marker file's modification time, or undefined when it does not exist. */
export function markerState(): MarkerState {
  return new Map(MARKER_FILES.map((file) => [file, existsSync(file) ? statSync(file).mtimeMs : undefined]));
}

/** What ran that should not have: a set global, a marker file created or touched since `before`. */
export function payloadEffects(before: MarkerState): string[] {
  const effects: string[] = [];
  if ((globalThis as Record<string, unknown>)['PWNED'] !== undefined) effects.push('globalThis.PWNED was set');
  for (const [file, mtime] of markerState()) {
    if (mtime !== before.get(file)) effects.push(`${file} was written`);
  }
  return effects;
}

/** Generated .ts files outside runtime/ (the runtime is keyway's own code, copied verbatim). */
export function generatedSources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.startsWith('runtime'))
    .map((name) => join(dir, name));
}

const INERT_TOKENS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.SingleLineCommentTrivia,
  ts.SyntaxKind.MultiLineCommentTrivia,
]);

/**
 * Tokens of `file` that carry a payload word but are not a string literal or comment, e.g.
 * `Identifier "PWNED" at client.ts:12:5`. Empty when every payload is inert text.
 */
export function livePayloadTokens(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, /* skipTrivia */ false, ts.LanguageVariant.Standard, text);
  const live: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const tokenText = scanner.getTokenText();
    if (INERT_TOKENS.has(kind)) continue;
    if (kind === ts.SyntaxKind.Identifier ? !PAYLOAD_IDENTIFIER.test(tokenText) : !PAYLOAD_WORDS.test(tokenText)) continue;
    const { line, character } = ts.getLineAndCharacterOfPosition(ts.createSourceFile(file, text, ts.ScriptTarget.ES2022), scanner.getTokenStart());
    live.push(`${ts.SyntaxKind[kind]} ${JSON.stringify(tokenText)} at ${file}:${line + 1}:${character + 1}`);
  }
  return live;
}

/** Every generated file parses without a syntax error (a broken literal or comment would show). */
export function syntaxErrors(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics ?? [];
  return diagnostics.map((d) => `${file}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}
