/**
 * Compile-time probe of the committed example SDK's `server` and `serverVariables` options (issue 13),
 * checked by `npm run typecheck` (tsconfig.test.json includes it; vitest does not run it). Each
 * `@ts-expect-error` marks a wrong use that must NOT compile: if the types ever let it through, the
 * directive is unused and the type-check fails.
 */
import { PetstoreAuthClient, type ServerVariables } from '../../examples/petstore-auth/index.js';

export const chosen = [
  new PetstoreAuthClient({ server: 0, serverVariables: { region: 'us' } }),
  new PetstoreAuthClient({ server: 1, serverVariables: { port: '9000' } }),
  new PetstoreAuthClient({ baseUrl: 'http://127.0.0.1:1', serverVariables: {} }),
];

// @ts-expect-error `region` is an enum of the document: only "eu" or "us"
export const wrongRegion = new PetstoreAuthClient({ serverVariables: { region: 'mars' } });

// @ts-expect-error the document declares two servers: index 0 or 1
export const wrongIndex = new PetstoreAuthClient({ server: 2 });

// @ts-expect-error no server declares a variable named `regoin`
export const typo = new PetstoreAuthClient({ serverVariables: { regoin: 'eu' } });

// @ts-expect-error a port is a string in the document (server variables are strings)
export const numericPort: ServerVariables = { port: 9000 };

export const region: ServerVariables['region'] = 'eu';
