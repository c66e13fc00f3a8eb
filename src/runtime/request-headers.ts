/** Headers that describe a body, dropped with it when a redirect turns the request into a GET. */
const BODY_HEADERS = ['content-type', 'content-encoding', 'content-language', 'content-location', 'content-length'];

/** Headers that carry credentials; never sent to another origin. */
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

export function dropBodyHeaders(headers: Headers): void {
  for (const name of BODY_HEADERS) headers.delete(name);
}

export function dropCredentialHeaders(headers: Headers): void {
  for (const name of CREDENTIAL_HEADERS) headers.delete(name);
}
