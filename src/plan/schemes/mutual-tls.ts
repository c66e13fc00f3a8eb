import type { MutualTlsScheme } from '../../model/index.js';
import type { SchemeFamily } from './scheme-family.js';

/** `type: mutualTLS`: the certificate is presented in the TLS handshake, by a TLS-configured `fetch`. */
export const mutualTls: SchemeFamily<MutualTlsScheme> = {
  id: 'mutualTLS',
  claims: (scheme): scheme is MutualTlsScheme => scheme.kind === 'mutualTLS',
  factory: 'mtlsStrategies',
  spec: () => ({ type: 'mutualTLS' }),
  credentials: () => [
    {
      type: 'MutualTlsCredentials',
      sample: {
        title: 'client certificate',
        setup: [
          "import { readFileSync } from 'node:fs';",
          "import { Agent } from 'undici'; // Node's fetch takes an undici Agent as `dispatcher` (on Node 20: undici 6 or 7)",
          '',
          "const dispatcher = new Agent({ connect: { cert: readFileSync('client.crt', 'utf8'), key: readFileSync('client.key', 'utf8') } });",
        ].join('\n'),
        value: '{ fetch: (input, init) => fetch(input, { ...init, dispatcher } as RequestInit) },',
        shape:
          '`{ fetch }`: a `fetch` whose connections present the client certificate (the certificate and key are configured there, not here); requests that use this scheme go through that `fetch`. Server-side runtimes only: browsers never hand a key to scripts.',
      },
    },
  ],
  managesTokens: () => false,
  signsIn: () => false,
  summary: () => 'Mutual TLS: a client certificate and key, presented through a TLS-configured `fetch`.',
  kind: () => 'mutual TLS',
  about: () => 'Mutual TLS: the client presents a certificate during the TLS handshake, so it is configured on the `fetch` the client uses, not per request.',
};
