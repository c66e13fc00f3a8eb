/**
 * The key a strategy files its tokens under in a token store (OAuth2Auth's #key), spelled out here
 * rather than imported: it is the format other processes sharing the store read (another client, an
 * older keyway), so a change to it must fail the tests that use this. The scheme, the client id and
 * the sorted, de-duplicated scopes, as JSON.
 */
export function tokenKey(scheme: string, clientId: string, scopes: readonly string[]): string {
  return JSON.stringify([scheme, clientId, ...[...new Set(scopes)].sort()]);
}
