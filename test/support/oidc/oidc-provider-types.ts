/**
 * The slice of oidc-provider 9.13.3's API that the test servers use. The package ships no type
 * declarations, so these interfaces describe only what this folder touches (read from
 * node_modules/oidc-provider/lib); `loadOidcProvider()` in load-provider.ts is the one place that
 * treats the untyped module as this shape.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What oidc-provider attaches to a Koa context as `ctx.oidc` (only the fields used here). */
export interface OidcContext {
  /** Assembled request parameters (query + form), after the endpoint's allow-list filtered them. */
  params: Record<string, string | string[] | undefined>;
  /** The parsed form body of POST endpoints, unfiltered. */
  body?: Record<string, string | string[] | undefined>;
  client?: OidcClient;
  route?: string;
  entity(name: string, value: object): void;
}

export interface KoaContext {
  method: string;
  path: string;
  status: number;
  body: unknown;
  get(header: string): string;
  set(header: string, value: string): void;
  /** Koa's response: what the server is about to answer. */
  response: { get(header: string): string };
  /** Node's request: its socket is a TLSSocket on an https listener. */
  req: IncomingMessage;
  oidc?: OidcContext;
}

export type KoaNext = () => Promise<void>;
export type KoaMiddleware = (ctx: KoaContext, next: KoaNext) => Promise<void>;

export interface OidcClient {
  clientId: string;
  clientAuthMethod: string;
  grantTypeAllowed(grantType: string): boolean;
}

export interface ResourceServerInfo {
  scope: string;
  audience: string;
  accessTokenFormat: 'jwt' | 'opaque';
  accessTokenTTL: number;
  jwt?: { sign?: { alg: string } };
}

export interface ResourceServerModel {
  identifier(): string;
}

interface StoredToken {
  jti: string;
  grantId?: string;
  clientId?: string;
  scope?: string;
  save(): Promise<string>;
  destroy(): Promise<void>;
}

export interface GrantModel {
  addOIDCScope(scope: string): void;
  addResourceScope(resource: string, scope: string): void;
  save(): Promise<string>;
  destroy(): Promise<void>;
}

export interface AccessTokenModel extends StoredToken {
  resourceServer: ResourceServerModel;
  readonly expiration: number;
  readonly tokenType: string;
}

type ModelClass<T> = (new (fields: Record<string, unknown>) => T) & {
  find(value: string, options?: { ignoreExpiration?: boolean }): Promise<T | undefined>;
};

type TokenClass<T> = ModelClass<T> & {
  revokeByGrantId(grantId: string): Promise<void>;
};

export interface OidcProvider {
  issuer: string;
  Grant: ModelClass<GrantModel>;
  AccessToken: TokenClass<AccessTokenModel>;
  RefreshToken: TokenClass<StoredToken>;
  ResourceServer: new (identifier: string, info: ResourceServerInfo) => ResourceServerModel;
  use(middleware: KoaMiddleware): void;
  on(event: string, listener: (ctx: KoaContext, error: unknown) => void): void;
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  registerGrantType(name: string, handler: (ctx: KoaContext) => Promise<void>, params: Set<string>, dupes?: Set<string>): void;
}

export type OidcErrorClass = new (description?: string, detail?: string) => Error;

export interface OidcProviderModule {
  Provider: new (issuer: string, configuration: Record<string, unknown>) => OidcProvider;
  errors: {
    InvalidGrant: OidcErrorClass;
    InvalidRequest: OidcErrorClass;
    InvalidScope: OidcErrorClass;
    InvalidTarget: OidcErrorClass;
  };
}
