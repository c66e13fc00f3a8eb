/**
 * Security as the spec states it, kept whole: a requirement is a list of alternatives (OR), each a
 * set of schemes that must all be applied (AND), with the scopes each one asks for.
 */

/** One scheme inside an alternative, with the scopes the operation needs from it. */
export interface SchemeUse {
  scheme: string;
  scopes: string[];
}

/** Every scheme listed must be applied together. An empty list is `{}`: anonymous access allowed. */
export interface SecurityAlternative {
  schemes: SchemeUse[];
}

/**
 * The alternatives an operation accepts, in spec order. An empty list (`security: []`, or no
 * security declared anywhere) means the operation is public.
 */
export type SecurityRequirement = SecurityAlternative[];

export type ApiKeyLocation = 'header' | 'query' | 'cookie';

interface SchemeBase {
  /** The scheme's key under components/securitySchemes (or securityDefinitions). */
  key: string;
  description?: string;
  pointer: string;
}

export interface ApiKeyScheme extends SchemeBase {
  kind: 'apiKey';
  in: ApiKeyLocation;
  /** The header, query parameter or cookie name. */
  paramName: string;
}

export interface HttpScheme extends SchemeBase {
  kind: 'http';
  /** The auth scheme token, lower-cased (`basic`, `bearer`, `digest`, ...). */
  scheme: string;
  bearerFormat?: string;
}

export interface OAuthFlow {
  authorizationUrl?: string;
  tokenUrl?: string;
  refreshUrl?: string;
  deviceAuthorizationUrl?: string;
  scopes: Record<string, string>;
}

export type OAuthFlowName =
  | 'implicit'
  | 'password'
  | 'clientCredentials'
  | 'authorizationCode'
  | 'deviceAuthorization';

export interface OAuth2Scheme extends SchemeBase {
  kind: 'oauth2';
  flows: Partial<Record<OAuthFlowName, OAuthFlow>>;
  /** OpenAPI 3.2: RFC 8414 authorization server metadata. */
  metadataUrl?: string;
}

export interface OpenIdConnectScheme extends SchemeBase {
  kind: 'openIdConnect';
  openIdConnectUrl: string;
}

export interface MutualTlsScheme extends SchemeBase {
  kind: 'mutualTLS';
}

/**
 * AWS Signature Version 4: a scheme with `x-amazon-apigateway-authtype: awsSigv4` (whatever its
 * `type`, usually an apiKey named Authorization) or `awsS3`. Every request is signed.
 */
export interface AwsSigV4Scheme extends SchemeBase {
  kind: 'awsSigV4';
  /** `awsS3`: S3's signing rules. */
  s3: boolean;
  /** Signing name the document gives: `info.x-aws-signingName`, else `info.x-serviceName`. */
  signingName?: string;
  /** Default of the servers' `region` variable. */
  region?: string;
}

export type SecurityScheme =
  | ApiKeyScheme
  | HttpScheme
  | OAuth2Scheme
  | OpenIdConnectScheme
  | MutualTlsScheme
  | AwsSigV4Scheme;
