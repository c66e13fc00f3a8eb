import { describe, expect, it } from 'vitest';
import { clientAuthenticator } from '../../../../src/runtime/oauth2/client-auth.js';
import { clientCertificateFetch } from '../../../../src/runtime/oauth2/client-certificate.js';
import { withMtlsAliases } from '../../../../src/runtime/oauth2/metadata-endpoints.js';
import { provideLazyModuleImports } from '../../../../src/runtime/oauth2/lazy-modules.js';
import { TokenError } from '../../../../src/runtime/oauth2/token-error.js';

const certificateFetch = () => Promise.resolve(new Response('{}'));

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('did not throw');
}

describe('tls_client_auth and self_signed_tls_client_auth (RFC 8705 §2)', () => {
  it.each(['tls_client_auth', 'self_signed_tls_client_auth'] as const)('%s sends client_id only, never a secret it was also given', async (method) => {
    const client = clientAuthenticator({ clientId: 'svc', clientSecret: 'never-sent-secret', clientAuthMethod: method, clientCertificate: { fetch: certificateFetch } }, 'mtls');
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    const headers = new Headers();
    await client.authenticate(form, headers, 'https://as.example/token', Date.now());
    expect(Object.fromEntries(form)).toEqual({ grant_type: 'client_credentials', client_id: 'svc' });
    expect([...headers.keys()]).toEqual([]);
    expect(client.confidential).toBe(true);
  });

  it('without a certificate fetch: a TypeError at construction naming the scheme, the method and the option', () => {
    const error = thrown(() => clientAuthenticator({ clientId: 'svc', clientSecret: 's3cr3t-value', clientAuthMethod: 'tls_client_auth' }, 'mtls'));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('security scheme "mtls": clientAuthMethod tls_client_auth needs clientCertificate: { fetch } (a fetch whose connections present the client certificate)');
    expect(error.message).not.toContain('s3cr3t');
  });

  it('clientCertificate is checked like a mutualTLS credential, its own name in the message', () => {
    expect(clientCertificateFetch({}, 'mtls')).toBeUndefined();
    expect(clientCertificateFetch({ clientCertificate: { fetch: certificateFetch } }, 'mtls')).toBe(certificateFetch);
    expect(thrown(() => clientCertificateFetch({ clientCertificate: 'pem' }, 'mtls')).message).toBe('security scheme "mtls": clientCertificate needs { fetch }');
    expect(thrown(() => clientCertificateFetch({ clientCertificate: {} }, 'mtls')).message).toBe('security scheme "mtls": clientCertificate: fetch must be a function configured with the client certificate');
    const withKey = thrown(() => clientCertificateFetch({ clientCertificate: { fetch: certificateFetch, key: '-----BEGIN PRIVATE KEY-----abc' } }, 'mtls'));
    expect(withKey.message).toMatch(/^security scheme "mtls": clientCertificate: key would not be used/);
    expect(withKey.message).not.toContain('PRIVATE KEY');
  });
});

describe('mtls_endpoint_aliases (RFC 8705 §5)', () => {
  const document = {
    issuer: 'https://as.example',
    token_endpoint: 'https://as.example/token',
    authorization_endpoint: 'https://as.example/auth',
    pushed_authorization_request_endpoint: 'https://as.example/par',
    mtls_endpoint_aliases: { token_endpoint: 'https://mtls.as.example/token', pushed_authorization_request_endpoint: 'https://mtls.as.example/par', userinfo_endpoint: 'https://mtls.as.example/me' },
  };

  it('replace the endpoints a certificate client POSTs to; the authorization endpoint (a browser page) stays', () => {
    expect(withMtlsAliases(document)).toEqual({
      ...document,
      token_endpoint: 'https://mtls.as.example/token',
      pushed_authorization_request_endpoint: 'https://mtls.as.example/par',
    });
    expect(document.token_endpoint).toBe('https://as.example/token');
  });

  it('a document without (or with a malformed) alias object is used as it is', () => {
    const { mtls_endpoint_aliases: _, ...plain } = document;
    expect(withMtlsAliases(plain)).toBe(plain);
    expect(withMtlsAliases({ ...plain, mtls_endpoint_aliases: ['x'] })).toEqual({ ...plain, mtls_endpoint_aliases: ['x'] });
  });

  it('a plain-http endpoint to POST to is refused before anything is sent', async () => {
    // Loaded with a certificate client's first token request (lazy-modules.ts).
    await provideLazyModuleImports();
    const { requireTlsEndpoints } = await import('../../../../src/runtime/oauth2/tls-endpoints.js');
    const https = { tokenUrl: new URL('https://mtls.as.example/token'), authorizationUrl: new URL('http://127.0.0.1/auth') };
    expect(requireTlsEndpoints(https, 'mtls')).toBe(https);
    const error = thrown(() => requireTlsEndpoints({ tokenUrl: new URL('http://127.0.0.1:8080/token?x=1') }, 'mtls'));
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ error: 'invalid_request', scheme: 'mtls' });
    expect(error.message).toContain('the tokenUrl http://127.0.0.1:8080/token is not https');
  });
});
