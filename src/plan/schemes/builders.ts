/**
 * The runtime's credential builders, in the order the entry exports them and docs list them: the
 * functions a `<Name>Core` user calls to make a scheme's credential (`clientCredentials({ … })`),
 * each carrying only its own strategy's code. A scheme kind with none is given through `anyAuth`.
 */
export const BUILDERS = {
  apiKey: { call: 'apiKey(key)', sample: "apiKey('<api key>')" },
  basic: { call: 'basic({ username, password })', sample: "basic({ username: '<username>', password: '<password>' })" },
  bearer: { call: 'bearer(token)', sample: "bearer('<token>')" },
  httpToken: { call: 'httpToken(token)', sample: "httpToken('<credential>')" },
  clientCredentials: { call: 'clientCredentials({ clientId, clientSecret })', sample: "clientCredentials({ clientId: '<client id>', clientSecret: process.env.CLIENT_SECRET! })" },
} as const;

export type BuilderName = keyof typeof BUILDERS;

/**
 * The built parts `clientCredentials({ … })` takes for what is not a client secret (a client
 * authentication, a client certificate, DPoP): exported beside it, in this order.
 */
export const CLIENT_CREDENTIALS_PARTS: readonly string[] = ['privateKeyJwt', 'tlsClientAuth', 'selfSignedTlsClientAuth', 'clientCertificate', 'dpop'];

const BUILDER_ORDER = Object.keys(BUILDERS) as BuilderName[];

/** The builders the schemes take, each once, in BUILDER_ORDER. */
export function buildersFor(schemes: ReadonlyArray<{ builders: readonly BuilderName[] }>): BuilderName[] {
  const used = new Set(schemes.flatMap((s) => s.builders));
  return BUILDER_ORDER.filter((name) => used.has(name));
}
