/**
 * The one place that writes `Authorization` values, so no strategy can forget or misspell a
 * prefix. Scheme names are case-insensitive on the wire; we send them as the IANA registry spells them.
 */

// Literals, not a split string: a bundler keeps a call it cannot prove pure, even in an app that never spells a scheme.
const REGISTERED_SPELLINGS = ['Basic', 'Bearer', 'Concealed', 'Digest', 'DPoP', 'GNAP', 'HOBA', 'Mutual', 'Negotiate', 'OAuth', 'PrivateToken', 'SCRAM-SHA-1', 'SCRAM-SHA-256', 'vapid'];

/**
 * `basic` → `Basic`, `negotiate` → `Negotiate`; unregistered names get a capital first letter. For
 * an http scheme of any name (http-auth.ts); the strategies whose scheme is fixed name it as spelled
 * (formatAuthorization), so their downloads carry no registry.
 */
export function authSchemeSpelling(name: string): string {
  const lower = name.toLowerCase();
  return REGISTERED_SPELLINGS.find((spelled) => spelled.toLowerCase() === lower) ?? capitalized(name);
}

const capitalized = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * `Authorization: <Scheme> <credentials>` for a strategy whose scheme is fixed: `scheme` is the
 * registry's spelling (`DPoP`, `OAuth`) or a name that needs only its first letter capitalized (`bearer`).
 */
export function formatAuthorization(scheme: string, credentials: string): string {
  return `${capitalized(scheme)} ${credentials}`;
}

/** RFC 7617 with UTF-8: base64 of the UTF-8 bytes of `username:password` (btoa alone takes Latin-1). */
export function encodeBasicCredentials(username: string, password: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(`${username}:${password}`)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
