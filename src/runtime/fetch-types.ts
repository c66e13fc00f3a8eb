/**
 * The fetch types the runtime names, derived from the platform's `Headers` and `RequestInit`
 * rather than lib.dom's global aliases: @types/node declares `Headers`, `Request`, `Response` and
 * `RequestInit` as globals but not `HeadersInit`, `BodyInit` or `RequestRedirect`, so a client that
 * named those would not compile in a project without the DOM lib. With lib.dom they are lib.dom's.
 */

export type HeadersInit = NonNullable<ConstructorParameters<typeof Headers>[0]>;

export type BodyInit = NonNullable<RequestInit['body']>;

export type RequestRedirect = NonNullable<RequestInit['redirect']>;
