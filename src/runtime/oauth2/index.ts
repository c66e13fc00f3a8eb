export type {
  AuthEnvironment,
  AuthorizationCodeFlow,
  AuthorizationCodeGrant,
  AuthorizationRequest,
  AuthorizationUrlOptions,
  ClientAssertionAlg,
  ClientAuthMethod,
  ClientCredentialsGrant,
  ClientIdentity,
  CodeExchange,
  DeviceAuthorizationGrant,
  DeviceCodePrompt,
  ImplicitGrant,
  OAuth2Credentials,
  OAuthFlowName,
  OpenIdConnectCredentials,
  PasswordGrant,
  TokenLeases,
  TokenSet,
  TokenStore,
} from './types.js';
export { RedisTokenStore, type RedisTokenStoreOptions } from './redis-token-store.js';
export type { IoRedisClientLike, NodeRedisClientLike, RedisClientLike } from './redis-client.js';
export { TokenStoreError, type TokenStoreErrorCode } from './token-store-error.js';
export { MemoryTokenStore } from './memory-token-store.js';
export { OAuth2Auth } from './oauth2-auth.js';
export { TokenError } from './token-error.js';
export { tokenKey } from './token-manager.js';
export { createOAuth2Strategy } from './create-oauth2-strategy.js';
export { createOAuthShared, type OAuthShared } from './oauth-environment.js';
export { authorizationFlow } from './authorization-flow.js';
export { oauth2Strategies } from './oauth2-strategies.js';
