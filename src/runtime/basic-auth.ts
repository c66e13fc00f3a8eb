import type { AuthRequest, AuthStrategy, BasicCredentials } from './auth-strategy.js';
import { encodeBasicCredentials, formatAuthorization } from './authorization-header.js';
import { quoteScheme } from './credential-checks.js';

// RFC 7617: neither part may hold control characters, and a colon would end the user-id early.
const CONTROL = /[\0-\x1F\x7F]/;

/** HTTP Basic: `Authorization: Basic base64(utf8(username:password))`. */
export class BasicAuth implements AuthStrategy {
  readonly scheme: string;
  readonly #authorization: string;

  constructor(scheme: string, credentials: BasicCredentials) {
    const where = `security scheme ${quoteScheme(scheme)}`;
    if (typeof credentials !== 'object' || credentials === null) {
      throw new TypeError(`${where} needs { username, password }`);
    }
    const { username, password } = credentials;
    if (typeof username !== 'string') throw new TypeError(`${where}: username must be a string`);
    if (typeof password !== 'string') throw new TypeError(`${where}: password must be a string`);
    if (username.includes(':')) throw new TypeError(`${where}: username must not contain ":"`);
    if (CONTROL.test(username) || CONTROL.test(password)) {
      throw new TypeError(`${where}: username and password must not contain control characters`);
    }
    this.scheme = scheme;
    this.#authorization = formatAuthorization('basic', encodeBasicCredentials(username, password));
  }

  apply(request: AuthRequest): void {
    request.headers.set('authorization', this.#authorization);
  }
}
