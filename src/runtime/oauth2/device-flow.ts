/**
 * The device authorization grant (RFC 8628): ask for a user code, show it, then poll the token
 * endpoint until the user approves, honouring `interval` and `slow_down`.
 */
import type { OAuthClient } from './token-endpoint.js';
import { requestTokens$ as requestTokens, requireEndpoint$ as requireEndpoint, scopeParam$ as scopeParam, tokenError, TokenError$ as TokenError } from './lazy-module-imports.js';
import type { DeviceCodePrompt, TokenSet } from './types.js';

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const DEFAULT_INTERVAL_S = 5;
const SLOW_DOWN_S = 5;
// Used when the server omits expires_in (it is REQUIRED): do not poll forever.
const DEFAULT_EXPIRES_IN_S = 600;

interface DeviceAuthorization {
  deviceCode: string;
  prompt: DeviceCodePrompt;
  intervalS: number;
}

function positiveNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

async function authorizeDevice(oauth: OAuthClient, scopes: readonly string[]): Promise<DeviceAuthorization> {
  const url = await requireEndpoint(oauth, 'deviceAuthorizationUrl', 'device authorization endpoint');
  const json = await requestTokens(oauth, url, scopeParam(scopes), false, true, 'device authorization endpoint');
  const deviceCode = json['device_code'];
  const userCode = json['user_code'];
  const verificationUri = json['verification_uri'] ?? json['verification_url']; // the latter: Google's pre-RFC spelling
  if (typeof deviceCode !== 'string' || typeof userCode !== 'string' || typeof verificationUri !== 'string') {
    throw tokenError(oauth.http.scheme, 'invalid_response', 'the device authorization response lacks device_code, user_code or verification_uri');
  }
  const prompt: DeviceCodePrompt = { userCode, verificationUri, expiresIn: positiveNumber(json['expires_in']) ?? DEFAULT_EXPIRES_IN_S };
  const complete = json['verification_uri_complete'];
  if (typeof complete === 'string') prompt.verificationUriComplete = complete;
  return { deviceCode, prompt, intervalS: positiveNumber(json['interval']) ?? DEFAULT_INTERVAL_S };
}

/** The wait between polls when the application gives no `sleep` (oauth-environment.ts leaves the default to the modules that wait).; its own copy, as the other lazy module that waits has: a module both imported would be a chunk of its own, one more request for either. */
const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function runDeviceFlow(oauth: OAuthClient, scopes: readonly string[], onUserCode: (prompt: DeviceCodePrompt) => void | Promise<void>): Promise<TokenSet> {
  const { http } = oauth;
  const authorization = await authorizeDevice(oauth, scopes);
  const deadline = http.now() + authorization.prompt.expiresIn * 1000;
  await onUserCode({ ...authorization.prompt });
  const tokenUrl = await requireEndpoint(oauth, 'tokenUrl', 'token endpoint');
  let intervalS = authorization.intervalS;
  for (;;) {
    await (http.sleep ?? wait)(intervalS * 1000);
    if (http.now() >= deadline) {
      throw tokenError(http.scheme, 'expired_token', 'the user code expired before the user approved the device');
    }
    try {
      return await requestTokens(oauth, tokenUrl, { grant_type: DEVICE_CODE_GRANT, device_code: authorization.deviceCode }, scopeParam(scopes));
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      if (error.error === 'slow_down') intervalS += SLOW_DOWN_S;
      else if (error.error !== 'authorization_pending') throw error; // expired_token, access_denied, …
    }
  }
}
