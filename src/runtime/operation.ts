
/**
 * Plain data describing one operation. Generated code emits one of these per method as a const
 * object; the runtime reads nothing else about the spec.
 */

/** `querystring` (OpenAPI 3.2): one parameter that is the whole query string, encoded per its media type. */
export type ParamLocation = 'path' | 'query' | 'querystring' | 'header' | 'cookie';

export interface ParamSpec {
  /** Property name in the method's argument object. */
  key: string;
  /** Name on the wire, exactly as the spec spells it. */
  name: string;
  in: ParamLocation;
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
  /** Query only: the key is sent bare, with no value and no `=` (`?acl`), on every call. */
  flag?: true;
}

export type BodyEncoding = 'json' | 'form' | 'multipart' | 'text' | 'binary';

export interface BodySpec {
  /** Property of the argument object that holds the body, usually `body`. */
  key: string;
  encoding: BodyEncoding;
  mediaType: string;
}

/** A scheme to apply, with the scopes the operation asks of it. */
export type SchemeUseSpec = readonly [scheme: string, scopes: readonly string[]];

/**
 * OR-list of AND-lists. `[]` means public. An empty inner list means anonymous access is allowed.
 */
export type SecuritySpec = ReadonlyArray<ReadonlyArray<SchemeUseSpec>>;

export interface OperationSpec {
  /** The generated method's name, used in error messages. */
  id: string;
  /** Upper-case HTTP method. */
  method: string;
  /** Path template such as `/pets/{petId}`. */
  path: string;
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
}
