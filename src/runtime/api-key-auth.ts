import type { TokenSource } from './auth-strategy.js';
import { quoteScheme } from './credential-checks.js';
import { StaticAuth } from './static-auth.js';

export type ApiKeyLocation = 'header' | 'query' | 'cookie';

/** An API key sent as a header, a query parameter or a cookie under the name the spec gives. */
export class ApiKeyAuth extends StaticAuth {
  constructor(scheme: string, where: { in: ApiKeyLocation; name: string }, key: TokenSource) {
    const problem = !/^(header|query|cookie)$/.test(where.in) ? 'an API key goes in a header, query or cookie' : typeof where.name !== 'string' || where.name === '' ? 'the API key needs a parameter name' : undefined;
    if (problem !== undefined) throw new TypeError(`security scheme ${quoteScheme(scheme)}: ${problem}`);
    super(scheme, key, where.in, where.name);
  }
}
