/**
 * The one place that writes `Authorization` values, so no strategy can forget or misspell a
 * prefix. Scheme names are case-insensitive on the wire; we send them as the IANA registry spells them.
 */

const REGISTERED_SPELLING = new Map<string, string>([
  ['basic', 'Basic'],
  ['bearer', 'Bearer'],
  ['concealed', 'Concealed'],
  ['digest', 'Digest'],
  ['dpop', 'DPoP'],
  ['gnap', 'GNAP'],
  ['hoba', 'HOBA'],
  ['mutual', 'Mutual'],
  ['negotiate', 'Negotiate'],
  ['oauth', 'OAuth'],
  ['privatetoken', 'PrivateToken'],
  ['scram-sha-1', 'SCRAM-SHA-1'],
  ['scram-sha-256', 'SCRAM-SHA-256'],
  ['vapid', 'vapid'],
]);

// RFC 9110 token: what an auth-scheme name may consist of.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function isAuthSchemeToken(name: string): boolean {
  return TOKEN.test(name);
}

/** `basic` → `Basic`, `negotiate` → `Negotiate`; unregistered names get a capital first letter. */
export function authSchemeSpelling(name: string): string {
  return REGISTERED_SPELLING.get(name.toLowerCase()) ?? name.charAt(0).toUpperCase() + name.slice(1);
}

export function formatAuthorization(scheme: string, credentials: string): string {
  return `${authSchemeSpelling(scheme)} ${credentials}`;
}

/** RFC 7617 with UTF-8: base64 of the UTF-8 bytes of `username:password` (btoa alone takes Latin-1). */
export function encodeBasicCredentials(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
