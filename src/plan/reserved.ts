/**
 * Names the generated code itself uses at module scope of index.ts (re-exported runtime and client
 * names). A spec's schema may not take them, or `export *` would clash.
 */
export const RUNTIME_EXPORTS = [
  'ApiError',
  'AuthRequiredError',
  'AuthOptions',
  'ClientOptions',
  'RequestOptions',
  'FetchLike',
  'TokenSource',
  'TokenError',
  'TokenSet',
  'TokenStore',
  'TokenStoreError',
  'TokenLeases',
  'RedisTokenStore',
  'RedisTokenStoreOptions',
  'RedisClientLike',
  'BasicCredentials',
  'DigestCredentials',
  'OAuth1Credentials',
  'ClientCredentialsGrant',
  'PasswordGrant',
  'AuthorizationCodeGrant',
  'DeviceAuthorizationGrant',
  'ImplicitGrant',
  'OpenIdConnectCredentials',
  'MutualTlsCredentials',
  'AccessTokenCredentials',
  'AuthorizationCodeFlow',
  'operations',
] as const;

/** Globals that rendered types refer to: a schema of that name would shadow them in types.ts. */
export const TYPES_MODULE_GLOBALS = ['Blob', 'Record'] as const;

/** Names the client module binds at its top level; the client class must not take them. */
export const CLIENT_MODULE_LOCALS = [
  ...RUNTIME_EXPORTS,
  'ClientCore',
  'createAuthStrategies',
  'SchemeSpec',
  'T',
  'securitySchemes',
  'DEFAULT_BASE_URL',
] as const;

/**
 * Method names a class must not define: the constructor, and Object.prototype members whose
 * override would break ordinary use of the client (string conversion, `hasOwnProperty` checks).
 */
export const RESERVED_METHODS = [
  'constructor',
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
  'then', // a client with a `then` method would be mistaken for a promise by `await`
  'authorization', // the client's own sign-in helper for authorization code flows
] as const;
