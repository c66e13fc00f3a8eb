import type { CredentialKind } from './scheme-family.js';

/** A string or a function returning one: the credential of every static scheme (API keys, bearer and other HTTP tokens). */
export const TOKEN_SOURCE: CredentialKind = {
  type: 'TokenSource',
  sample: {
    title: 'a token',
    value: "process.env.API_TOKEN ?? '<token>', // or a function returning it: () => string | Promise<string>",
    shape: 'a `string`, or a function returning one (sync or async) that is called for every request, so a rotating value is always current.',
  },
};
