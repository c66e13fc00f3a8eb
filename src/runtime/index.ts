export { ApiError } from './api-error.js';
export { ApiPromise, type ApiResponse } from './api-promise.js';
export { ApiConnectionError, ApiTimeoutError } from './transport-errors.js';
export type { HookContext, Hooks } from './hooks.js';
export type { BackoffOptions, RetryOptions } from './retry.js';
export { ApiKeyAuth, type ApiKeyLocation } from './api-key-auth.js';
export type { AccessTokenCredentials, AuthContext, AuthRequest, AuthStrategy, BasicCredentials, OAuthFlowsSpec, SchemeSpec, TokenSource } from './auth-strategy.js';
export { BasicAuth } from './basic-auth.js';
export { BearerAuth } from './bearer-auth.js';
export { ClientCore, type CoreConfig, type FetchLike, type FetchOptions, type RequestOptions } from './client-core.js';
export { createAuthStrategies } from './create-auth-strategies.js';
export { buildAuthStrategies, type FactoryContext, type StrategyFactory } from './strategy-factory.js';
export { staticStrategies } from './static-strategies.js';
export { DigestAuth, type DigestCredentials } from './digest/digest-auth.js';
export { digestStrategies } from './digest/digest-strategies.js';
export { MutualTlsAuth, type MutualTlsCredentials } from './mtls/mutual-tls-auth.js';
export { mtlsStrategies } from './mtls/mtls-strategies.js';
export { OAuth1Auth, type OAuth1Credentials } from './oauth1/oauth1-auth.js';
export { oauth1Strategies } from './oauth1/oauth1-strategies.js';
export type { OAuth1SignatureMethod } from './oauth1/oauth1-signature.js';
export { HttpAuth } from './http-auth.js';
export { SigV4Auth } from './aws/sigv4-auth.js';
export { sigv4Strategies } from './aws/sigv4-strategies.js';
export type { AwsCredentialProvider, AwsSigV4Credentials, TemporaryAwsCredentials } from './aws/aws-credentials.js';
export type { JwtBearerCredentials, ServiceAccountKey } from './oauth2/jwt-bearer.js';
export type { BodyEncoding, BodySpec, OperationSpec, ParamLocation, ParamSpec, SchemeUseSpec, SecuritySpec } from './operation.js';
export { AuthRequiredError, selectAlternative } from './security.js';
export {
  authorizationFlow,
  MemoryTokenStore,
  oauth2Strategies,
  OAuth2Auth,
  TokenError,
  type AuthEnvironment,
  type AuthorizationCodeFlow,
  type AuthorizationCodeGrant,
  type AuthorizationRequest,
  type AuthorizationUrlOptions,
  type ClientAssertionAlg,
  type ClientAuthMethod,
  type ClientCredentialsGrant,
  type ClientIdentity,
  type CodeExchange,
  type DeviceAuthorizationGrant,
  type DeviceCodePrompt,
  type ImplicitGrant,
  type OAuth2Credentials,
  type OAuthFlowName,
  type OpenIdConnectCredentials,
  type PasswordGrant,
  type TokenSet,
  type TokenStore,
} from './oauth2/index.js';
