/**
 * Removes the client's secrets from text a server wrote before that text enters an error: a server
 * that echoes the request in its `error_description` must not put the client secret, a password,
 * the Basic value or a token into a message, a log line or a JSON dump. Loaded with the code that
 * builds such errors (oauth-http-failure.ts, jwt-bearer.ts; lazy-modules.ts).
 */
import { formEncode$ as formEncode } from './lazy-module-imports.js';
import type { SecretSources } from './secret-sources.js';

export const REDACTED = '[redacted]';

/** Members of a private JWK (RFC 7518 §6.2.2, §6.3.2, §6.4.1). */
const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

/** The spellings a value may come back in: as sent, form- or percent-encoded (either hex case). */
function spellings(secret: string): string[] {
  const encoded = [formEncode(secret), encodeURIComponent(secret)];
  const lower = encoded.map((text) => text.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()));
  return [secret, ...encoded, ...lower];
}

/** A PEM string and its base64 body, or a JWK's private members. */
function keySecrets(key: unknown): unknown[] {
  if (typeof key === 'string') return [key.trim(), key.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '')];
  if (typeof key === 'object' && key !== null) return PRIVATE_JWK_MEMBERS.map((member) => Reflect.get(key, member));
  return [];
}

/** A scheme's secrets and those of one request, as a function that redacts text. */
export function redactorFor(sources: SecretSources, request: readonly string[] = []): (text: string) => string {
  const all = new Set<string>();
  for (const secret of [...sources.values, ...sources.keys.flatMap(keySecrets), ...sources.recent, ...request]) {
    if (typeof secret === 'string' && secret !== '') for (const spelling of spellings(secret)) all.add(spelling);
  }
  // Longest first, so a secret that contains another is removed whole.
  const ordered = [...all].sort((a, b) => b.length - a.length);
  return (text) => ordered.reduce((redacted, secret) => redacted.split(secret).join(REDACTED), text);
}

/**
 * The description of an unsupported_token_type error (tokenSetError in oauth-http-failure.ts), quoting the server's
 * token_type as it wrote it (a secret it echoes is redacted in its own spelling), JSON-escaped and
 * cut short. Made here, with the redaction: the up-front code says only the error code.
 */
export function tokenTypeRefusal(sources: SecretSources): (issued: string, dpop: boolean) => string {
  // The redactor (every spelling of every secret) is built only when the refusal is written.
  return (issued, dpop) =>
    `the token endpoint issued ${redactorFor(sources)(`a ${JSON.stringify(issued.slice(0, 40))} token`)}; only ${dpop ? 'Bearer and DPoP tokens' : 'Bearer tokens (DPoP tokens with the credential option dpop)'} are supported`;
}
