/**
 * Data describing one operation. Generated code emits one of these per method as a const object;
 * the runtime reads nothing else about the spec. Besides plain data, a spec names the runtime's
 * serializer of each parameter and encoder of its body, so that a bundle holds only the ones used.
 */
import type { EncodedBody } from './encode-body.js';

/** `querystring` (OpenAPI 3.2): one parameter that is the whole query string, encoded per its media type. */
export type ParamLocation = 'path' | 'query' | 'querystring' | 'header' | 'cookie';

/** What a parameter spec holds wherever the parameter goes. */
export interface ParamFields {
  /** Property name in the method's argument object. */
  key: string;
  /** Name on the wire, exactly as the spec spells it; absent when it is `key` (specs stay short). */
  name?: string | undefined;
  /** OpenAPI serialization style; defaults: `simple` for path/header, `form` for query/cookie. */
  style?: string;
  /** Defaults to true for `form` and `deepObject`, false otherwise. */
  explode?: boolean;
  /** Query only: send RFC 3986 reserved characters unencoded. */
  allowReserved?: boolean;
  /** The parameter uses `content` instead of `schema`: its value is sent JSON-encoded. */
  contentType?: string;
  /** A missing value is rejected with a TypeError. Path parameters are always required. */
  required?: boolean;
  /** The only value the spec allows: always sent, whatever the arguments hold (`Action=AssumeRole`). */
  value?: string | number | boolean;
}

/** The request's parts a ParamSerializer adds to, in the order the operation lists its parameters. */
export interface RequestParts {
  /** Encoded `name=value` pairs. */
  readonly query: string[];
  /** Cookie parameters join the single `Cookie` header here (appendCookies). */
  readonly headers: Headers;
}

/**
 * Adds one parameter's value (neither undefined nor null) to the request. The generated spec names
 * the serializer each parameter needs (serialize-query.ts, serialize-header.ts), so a bundle carries
 * only those of the operations it imports.
 */
export type ParamSerializer = (param: ParamFields, value: unknown, parts: RequestParts) => void;

/** One path parameter's value as it goes into the template, percent-encoded. */
export type PathSerializer = (param: ParamFields, value: unknown) => string;

/** Filled into the path template (serialize-path.ts). */
export interface PathParamSpec extends ParamFields {
  in: 'path';
  flag?: undefined;
  /** Style `label` or `matrix`: that style's serializer (path-styles.ts). Absent: `simple`. */
  serialize?: PathSerializer;
}

/** Sent in the query, a header or a cookie, through the serializer its spec names. */
export interface SentParamSpec extends ParamFields {
  in: Exclude<ParamLocation, 'path'>;
  flag?: undefined;
  serialize: ParamSerializer;
}

/** Query only: the key is sent bare, with no value and no `=` (`?acl`), on every call. */
export interface FlagParamSpec extends ParamFields {
  /** Always written: the request core reads a flag's name alone. */
  name: string;
  in: 'query';
  flag: true;
  serialize?: undefined;
}

export type ParamSpec = PathParamSpec | SentParamSpec | FlagParamSpec;

export type BodyEncoding = 'json' | 'form' | 'multipart' | 'text' | 'binary';

/** Turns the caller's body value into what fetch sends (encode-body.ts: one per encoding). */
export type BodyEncoder = (spec: BodySpec, value: unknown, operation: string) => EncodedBody;

export interface BodySpec {
  /** Property of the argument object that holds the body, usually `body`. */
  key: string;
  encoding: BodyEncoding;
  mediaType: string;
  /** The encoder of `encoding`, named by the generated spec so a bundle carries only those it uses. */
  encode: BodyEncoder;
}

/** A scheme to apply, with the scopes the operation asks of it. */
export type SchemeUseSpec = readonly [scheme: string, scopes: readonly string[]];

/**
 * OR-list of AND-lists. `[]` means public. An empty inner list means anonymous access is allowed.
 * An AND-list names each scheme once, with every scope asked of it, each once (the generator merges them).
 */
export type SecuritySpec = ReadonlyArray<ReadonlyArray<SchemeUseSpec>>;

/** The path of one call, its parameters filled in and percent-encoded. */
export type PathExpander = (op: OperationSpec, args: Readonly<Record<string, unknown>> | undefined) => string;

export interface OperationSpec {
  /** The generated method's name, used in error messages. */
  id: string;
  /** Upper-case HTTP method. */
  method: string;
  /** Path template such as `/pets/{petId}`. */
  path: string;
  /**
   * Fills the path template (serialize-path.ts's expandPath), named only by specs whose path has
   * `{parameters}`: a bundle of operations without path parameters does not carry it.
   */
  expand?: PathExpander;
  params: readonly ParamSpec[];
  body?: BodySpec;
  security: SecuritySpec;
  /** Sent as `Accept` unless the caller's headers already set one. No default is sent otherwise. */
  accept?: string;
  /**
   * How a 2xx body is read when the document says so for every 2xx response with content: `stream`
   * (`text/event-stream`): the Response body, unread; `blob` (binary media, `format: binary`): a
   * Blob. Absent: by the Content-Type the server sends (see parse-response.ts).
   */
  response?: 'stream' | 'blob';
  /**
   * The URL of the operation's own server (the first of its path's or its own `servers`) with its
   * variables' defaults, where a Core without `baseUrl` sends it (CoreConfig's `ownServers`).
   */
  server?: string;
}
