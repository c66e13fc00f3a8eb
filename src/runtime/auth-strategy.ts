/**
 * The contract between the client core and authentication. A strategy authenticates one request;
 * the core decides which strategies apply (see security.ts) and never looks at credentials itself.
 */

import type { FetchLike } from './client-core.js';
import type { EncodedBody } from './encode-body.js';

export interface AuthRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** The body text when it is form-urlencoded (OAuth 1.0a signs its fields); absent otherwise. */
  readonly formBody?: string | undefined;
  /**
   * The body to send. A strategy that signs the payload (AWS Signature V4) reads it and may replace
   * it with the same bytes in a form it could hash (multipart rendered, a stream read).
   */
  body?: EncodedBody | undefined;
}

export interface AuthContext {
  /** Scopes the operation asks of this scheme (OAuth2/OpenID Connect; empty for the others). */
  scopes: readonly string[];
  /** The generated method's name. */
  operation: string;
  /** The call's signal: a strategy that waits (for a token, say) stops waiting when it aborts. */
  signal?: AbortSignal | undefined;
  /** Tells the caller why a 401 is not renewed; it ends up in the ApiError's message. */
  explain?: ((why: string) => void) | undefined;
  /**
   * Sends this request's method and URL without body or credentials and gives back the answer
   * (a challenge-response scheme fetches a fresh challenge so, without sending the body twice).
   */
  probe?: (() => Promise<Response>) | undefined;
}

export interface AuthStrategy {
  /** The spec's security scheme name. */
  readonly scheme: string;
  apply(request: AuthRequest, context: AuthContext): void | Promise<void>;
  /**
   * Called once when a request this strategy authenticated got 401. Resolve true when the
   * credentials were renewed: the request is then sent once more. Static strategies omit it.
   */
  onUnauthorized?(request: AuthRequest, response: Response, context: AuthContext): Promise<boolean>;
  /**
   * The same for a 403, for schemes whose servers refuse expired credentials that way (AWS answers
   * an expired session token with 403 `ExpiredToken`). Reads a clone of the response, if anything.
   */
  onForbidden?(request: AuthRequest, response: Response, context: AuthContext): Promise<boolean>;
  /** Called once a request this strategy authenticated has its answer, or failed to get one. */
  settle?(request: AuthRequest): void;
  /**
   * Send the requests this strategy authenticates through this fetch instead of the client's:
   * mutual TLS authenticates in the handshake, which only a TLS-configured fetch can do.
   */
  readonly transport?: FetchLike | undefined;
}

/** A credential, or a function called before every request that supplies the current one. */
export type TokenSource = string | (() => string | Promise<string>);

export interface BasicCredentials {
  username: string;
  password: string;
}

/**
 * An OAuth 2.0 or OpenID Connect access token the application obtained itself (the implicit flow,
 * or any flow run elsewhere); sent as a bearer token.
 */
export interface AccessTokenCredentials {
  accessToken: TokenSource;
}

/** What the generated client tells the runtime about each security scheme it can apply. */
export type SchemeSpec =
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string }
  | { type: 'http'; /** Lower-case: basic, bearer, or any other (e.g. negotiate). */ scheme: string }
  | { type: 'accessToken' }
  | { type: 'oauth2'; flows: OAuthFlowsSpec; /** OpenAPI 3.2 oauth2MetadataUrl (RFC 8414). */ metadataUrl?: string | undefined }
  | { type: 'openIdConnect'; /** openIdConnectUrl: the discovery document. */ url: string }
  | { type: 'mutualTLS' }
  | {
      type: 'awsSigV4';
      /** S3's rules (`awsS3`): the path is signed as sent, x-amz-content-sha256 always sent. */
      s3?: boolean | undefined;
      /** Signing name the document gives (`info.x-aws-signingName`, else `info.x-serviceName`). */
      service?: string | undefined;
      /** The servers' `region` variable value. */
      region?: string | undefined;
    };

/**
 * The flows an oauth2 scheme declares. URLs may be relative to the client's baseUrl. `scopes`, the
 * flow's declared scopes, is never read (a call asks for its operation's scopes, from the operation
 * spec), so the generator leaves it out of every client's download; hand-written specs may keep it.
 */
export interface OAuthFlowsSpec {
  clientCredentials?: { tokenUrl: string; refreshUrl?: string | undefined; scopes?: readonly string[] } | undefined;
  password?: { tokenUrl: string; refreshUrl?: string | undefined; scopes?: readonly string[] } | undefined;
  authorizationCode?: { authorizationUrl: string; tokenUrl: string; refreshUrl?: string | undefined; scopes?: readonly string[] } | undefined;
  implicit?: { authorizationUrl: string; scopes?: readonly string[] } | undefined;
  deviceAuthorization?: { deviceAuthorizationUrl: string; tokenUrl: string; refreshUrl?: string | undefined; scopes?: readonly string[] } | undefined;
}
