/**
 * Parses a `WWW-Authenticate` value into challenges (RFC 9110 §11.6.1). One value may hold several
 * challenges (fetch joins repeated header fields with ", "), and commas separate both challenges and
 * their parameters, so the value is first split at commas outside quoted-strings, then each piece is
 * read as a new challenge (`Scheme [param | token68]`) or as one more parameter of the current one.
 */

export interface Challenge {
  /** Lower-case: auth-scheme names are case-insensitive. */
  scheme: string;
  /** Lower-case parameter names → unquoted values. The first of repeated names wins. */
  params: Map<string, string>;
  token68: string | undefined;
}

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const QUOTED = '"((?:[^"\\\\]|\\\\[\\s\\S])*)"';
// Values should be tokens, but servers send unquoted nonces with `/` or `=`: accept any run
// without whitespace, quotes or commas.
const UNQUOTED = '[^\\s",]+';
const PARAM = new RegExp(`^(${TOKEN})[ \\t]*=[ \\t]*(?:${QUOTED}|(${UNQUOTED}))$`);
const SCHEME = new RegExp(`^(${TOKEN})(?:[ \\t]+([\\s\\S]*))?$`);
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;

export function parseChallenges(value: string): Challenge[] {
  const challenges: Challenge[] = [];
  let current: Challenge | undefined;
  for (const piece of splitOutsideQuotes(value)) {
    const param = PARAM.exec(piece);
    if (param !== null) {
      // A parameter before any scheme, or after a token68, is malformed: skip it, keep the rest.
      if (current !== undefined && current.token68 === undefined) addParam(current, param);
      continue;
    }
    const scheme = SCHEME.exec(piece);
    if (scheme === null) {
      current = undefined; // unreadable: drop what follows until the next scheme
      continue;
    }
    current = { scheme: scheme[1]!.toLowerCase(), params: new Map(), token68: undefined };
    challenges.push(current);
    const rest = scheme[2]?.trim() ?? '';
    // token68 first: `abc==` would also read as a parameter `abc` with the value `=`.
    if (TOKEN68.test(rest)) current.token68 = rest;
    else {
      const firstParam = PARAM.exec(rest);
      if (firstParam !== null) addParam(current, firstParam);
    }
  }
  return challenges;
}

function addParam(challenge: Challenge, match: RegExpExecArray): void {
  const name = match[1]!.toLowerCase();
  if (challenge.params.has(name)) return;
  const value = match[2] !== undefined ? match[2].replace(/\\([\s\S])/g, '$1') : match[3]!;
  challenge.params.set(name, value);
}

/** Trimmed, non-empty pieces between top-level commas; quoted-strings (with `\` escapes) stay whole. */
function splitOutsideQuotes(value: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (quoted && char === '\\') i++;
    else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      pieces.push(value.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(value.slice(start));
  return pieces.map((piece) => piece.trim()).filter((piece) => piece !== '');
}
