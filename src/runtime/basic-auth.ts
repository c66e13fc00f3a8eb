import type { BasicCredentials } from './auth-strategy.js';
import { encodeBasicCredentials } from './authorization-header.js';
import { quoteScheme } from './credential-checks.js';
import { StaticAuth } from './static-auth.js';

// RFC 7617: neither part may hold control characters, and a colon would end the user-id early.
const CONTROL = /[\0-\x1F\x7F]/;

/** HTTP Basic: `Authorization: Basic base64(utf8(username:password))`. */
export class BasicAuth extends StaticAuth {
  constructor(scheme: string, credentials: BasicCredentials) {
    const where = `security scheme ${quoteScheme(scheme)}`;
    if (typeof credentials !== 'object' || credentials === null) throw new TypeError(`${where} needs { username, password }`);
    const { username, password } = credentials;
    const problem =
      typeof username !== 'string' ? 'username must be a string'
      : typeof password !== 'string' ? 'password must be a string'
      : username.includes(':') ? 'username must not contain ":"'
      : CONTROL.test(username) || CONTROL.test(password) ? 'username and password must not contain control characters'
      : undefined;
    if (problem !== undefined) throw new TypeError(`${where}: ${problem}`);
    super(scheme, encodeBasicCredentials(username, password), 'header', 'authorization', 'Basic ');
  }
}
