/**
 * `clientCredentials({ … })`: the built credential for an OAuth 2.0 client credentials grant. It
 * makes its strategy directly and checks only the options it is given (one table, one message
 * per kind): an app with a client secret links no other flow's construction, and none of the
 * optional parts' code either. DPoP, a client certificate and a client authentication other than
 * the secret come built (`dpop()`, `clientCertificate({ fetch })`, `privateKeyJwt({ … })`,
 * `tlsClientAuth()`), each checking its own options. The plain credential (create-oauth2-strategy.ts)
 * takes the same options in their plain form and converts them into these parts.
 */
import type { OAuthFlowsSpec } from '../auth-strategy.js';
import type { Credential } from '../credential.js';
import { credential, unfitScheme } from '../credential.js';
import { secretAuthenticator, type ClientAuthenticator } from './client-secret.js';
import { knownEndpoints, resolveEndpoint } from './endpoint-url.js';
import { RESOURCES, resourceList } from './grant-options.js';
import { OAuth2Auth, type OAuth2AuthOptions } from './oauth2-auth.js';
import { sharedOAuth } from './oauth-environment.js';
import type { OAuthHttp } from './oauth-http.js';
import { madeBy, type OAuthPart, type PartHandOver } from './oauth-part.js';
import { oneOf, option, own, schemeWhere, STRING, STRING_MAP, STRINGS, TEXT, type OptionKind } from './option-checks.js';
import type { Endpoints } from './server-metadata.js';
import type { OAuthClient } from './token-endpoint.js';
import { tokenGrantRunner } from './token-grant.js';

/** The options of `clientCredentials()`. */
export interface ClientCredentialsOptions {
  clientId: string;
  /** With client_secret_basic (the default) or client_secret_post; or pass clientAuth instead. */
  clientSecret?: string | undefined;
  clientAuthMethod?: 'client_secret_basic' | 'client_secret_post' | undefined;
  /**
   * How client_secret_basic puts id and secret into the Basic value. Default `form`: each
   * form-urlencoded first, as RFC 6749 §2.3.1 requires. `raw`: as given, for servers that do not
   * decode (the id must then have no `:`).
   */
  clientSecretEncoding?: 'form' | 'raw' | undefined;
  /** A client authentication without a secret: `privateKeyJwt({ privateKey })`, `tlsClientAuth()` or `selfSignedTlsClientAuth()`. */
  clientAuth?: OAuthPart<'clientAuth', ClientAuthenticator> | undefined;
  /** The token endpoint, instead of the document's. */
  tokenUrl?: string | undefined;
  /** An OpenID Connect issuer: endpoints come from its discovery document (`/.well-known/openid-configuration`). */
  issuer?: string | undefined;
  /** Requested instead of the scopes each operation lists. */
  scopes?: readonly string[] | undefined;
  /** Extra token request fields (audience…). */
  tokenParams?: Record<string, string> | undefined;
  /** RFC 8707 resource indicators: absolute URIs of the APIs the tokens are for; sent on every token request. */
  resource?: string | readonly string[] | undefined;
  /** DPoP (RFC 9449): `dpop()` or `dpop({ privateKey, publicJwk })`. */
  dpop?: OAuthPart<'dpop', PartHandOver> | undefined;
  /** RFC 8705: `clientCertificate({ fetch })`, for the token requests and the API calls. */
  clientCertificate?: OAuthPart<'clientCertificate', PartHandOver> | undefined;
}

// What each option must be (option-checks.ts), built parts included: one table, one pass over what is given.
const KINDS: Readonly<Record<string, OptionKind>> = {
  clientId: TEXT,
  clientSecret: STRING,
  clientAuthMethod: /* @__PURE__ */ oneOf(['client_secret_basic', 'client_secret_post']),
  clientSecretEncoding: /* @__PURE__ */ oneOf(['form', 'raw']),
  clientAuth: /* @__PURE__ */ madeBy('privateKeyJwt(), tlsClientAuth() or selfSignedTlsClientAuth()'),
  tokenUrl: TEXT,
  issuer: TEXT,
  scopes: STRINGS,
  tokenParams: STRING_MAP,
  resource: RESOURCES,
  dpop: /* @__PURE__ */ madeBy('dpop()'),
  clientCertificate: /* @__PURE__ */ madeBy('clientCertificate()'),
};

/**
 * An OAuth 2.0 client credentials grant (`clientId` with `clientSecret` or `clientAuth`) for one
 * OAuth 2.0 or OpenID Connect scheme of a `<Name>Core`. Checked when the client is made: a
 * TypeError names the scheme and the option, never a value.
 */
export function clientCredentials(options: ClientCredentialsOptions): Credential<'oauth2'> {
  return credential((scheme, spec, context) => {
    const oauth2 = spec.type === 'oauth2';
    const where = schemeWhere(scheme);
    if (!oauth2 && spec.type !== 'openIdConnect') throw unfitScheme(scheme, 'an OAuth 2.0 or OpenID Connect scheme', 'clientCredentials()');
    const shared = sharedOAuth(context);
    // Own properties only, read once: what is checked is what is used (a prototype's getter or an
    // inherited key is neither). What is no object has none, so it is refused for its missing clientId.
    const o: ClientCredentialsOptions & Readonly<Record<string, unknown>> = { ...options };
    // Only the options given are checked (clientId always): an app links the checks, not the code, of those it does not pass.
    for (const name of ['clientId', ...Object.keys(o)]) {
      // Own entries only: an option named `constructor` is no option, not Object's.
      const kind = own(KINDS, name) as OptionKind | undefined;
      if (!kind) throw new TypeError(`${where}${name} is not an option of clientCredentials()`);
      option(o, name, kind, where, name === 'clientId');
    }
    // tokenUrl and issuer, checked, are each a non-empty string or absent: tested for truth below.
    const { clientId, clientSecret, tokenUrl, issuer, clientAuth, clientSecretEncoding, scopes } = o;
    // Basic splits at the first colon: unencoded, a colon in the id would move the split.
    if (clientSecretEncoding === 'raw' && clientId.includes(':')) throw new TypeError(`${where}clientId must not contain ':' with clientSecretEncoding raw`);
    if ((clientSecret === undefined) === !clientAuth) throw new TypeError(`${where}pass clientSecret or clientAuth, not both`);

    // The token endpoint: the option, else the flow's own, else another flow's (one scheme is one
    // authorization server), the first the scheme lists: the generator lists them in FLOW_ORDER
    // (endpoint-overrides.ts, which the plain credential reads), so the entry needs no copy of it.
    // A scheme without flows (an invalid document) has no token URL: it needs the option.
    const flows: OAuthFlowsSpec = (oauth2 && spec.flows) || {};
    const ownFlow = flows.clientCredentials;
    const token = tokenUrl ?? [ownFlow, ...Object.values(flows)].map((flow) => (flow as { tokenUrl?: string } | undefined)?.tokenUrl).find((url) => url);
    if (oauth2 && !ownFlow && !token && !issuer) throw new TypeError(`${where}pass tokenUrl or issuer: the scheme has no token URL`);
    const dpop = o.dpop?.make(where, scheme, o);
    const certificate = o.clientCertificate?.make(where, scheme, o);
    const http: OAuthHttp = { ...shared, scheme, secrets: { values: [clientSecret], keys: [clientAuth?.privateKey], recent: [] } };

    // Resolved now, so a bad URL fails at construction; a discovery document fills in the rest on the first token request.
    // A refresh URL is the flow's own only, and none when the token URL is overridden (it belongs to the other server).
    const refreshUrl = tokenUrl ? undefined : ownFlow?.refreshUrl;
    const fromSpec: Endpoints = { tokenUrl: token ? resolveEndpoint(token, where + 'tokenUrl', shared) : undefined, refreshUrl: refreshUrl ? resolveEndpoint(refreshUrl, where + 'refreshUrl', shared) : undefined };
    // The options are the overrides (`o`): tokenUrl and issuer (no other endpoint is an option here).
    const known = knownEndpoints(spec, where, fromSpec, o, shared, http, !!certificate);

    const client: ClientAuthenticator = clientAuth ? clientAuth.make(where, scheme, o) : secretAuthenticator(clientId, clientSecret!, o.clientAuthMethod === 'client_secret_post', clientSecretEncoding);
    const oauth: OAuthClient = { http, client, endpoints: known, tokenParams: Object.freeze({ ...o.tokenParams }), resources: resourceList(o.resource) };
    // The shared settings bring the client's store, onTokens and clock (the strategy reads no other of them).
    const strategy: OAuth2AuthOptions = { ...shared, flow: 'clientCredentials', clientId, source: tokenGrantRunner(oauth, { grant_type: 'client_credentials' }), scopes: scopes && Object.freeze([...scopes]) };
    // DPoP and the certificate each set what they change of both (oauth-part.ts), before either is used.
    dpop?.(oauth, strategy);
    certificate?.(oauth, strategy);
    return new OAuth2Auth(scheme, strategy);
  });
}
