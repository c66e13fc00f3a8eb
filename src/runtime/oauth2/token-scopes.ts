/** The scopes under which the signed-in user's tokens are stored: one token set per scheme. */
export const AUTHORIZATION_CODE_SCOPES: readonly string[] = Object.freeze([]);
