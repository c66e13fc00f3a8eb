/**
 * RFC 8628 polling rules that oidc-provider 9 leaves out: its device authorization response has no
 * `interval` (clients would fall back to 5 s) and it never answers `slow_down`. This middleware adds
 * `interval` to that response and turns a premature `authorization_pending` poll into `slow_down`
 * (§3.5), after which that device code must be polled `slowDownIncrement` seconds less often.
 *
 * Only pending answers are rewritten, which change no server state, so the provider stays the
 * source of truth for everything else.
 */
import type { KoaContext, KoaMiddleware } from './oidc-provider-types.js';

export interface DevicePollingOptions {
  /** Seconds; sent as `interval` and enforced. */
  interval: number;
  /** Seconds added to a device code's interval after each slow_down; RFC 8628 says 5. */
  slowDownIncrement: number;
}

/** Arrival times are measured at the server, so allow for a little network jitter. */
const JITTER_MS = 100;
const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

export interface DevicePolling {
  middleware: KoaMiddleware;
  /** The next `count` pending polls get slow_down regardless of timing. */
  slowDownNext(count?: number): void;
}

function errorOf(ctx: KoaContext): unknown {
  return typeof ctx.body === 'object' && ctx.body !== null ? (ctx.body as { error?: unknown }).error : undefined;
}

export function createDevicePolling(options: DevicePollingOptions): DevicePolling {
  const lastPoll = new Map<string, number>();
  const intervalOf = new Map<string, number>();
  let forced = 0;

  const middleware: KoaMiddleware = async (ctx, next) => {
    const receivedAt = Date.now();
    await next();
    if (ctx.method !== 'POST') return;
    if (ctx.path === '/device/auth' && ctx.status === 200 && typeof ctx.body === 'object' && ctx.body !== null) {
      ctx.body = { ...ctx.body, interval: options.interval };
      return;
    }
    const form = ctx.oidc?.body;
    const deviceCode = form?.['device_code'];
    if (ctx.path !== '/token' || form?.['grant_type'] !== DEVICE_CODE_GRANT || typeof deviceCode !== 'string') return;

    const previous = lastPoll.get(deviceCode);
    lastPoll.set(deviceCode, receivedAt);
    if (errorOf(ctx) !== 'authorization_pending') return;
    const interval = intervalOf.get(deviceCode) ?? options.interval;
    const tooSoon = previous !== undefined && receivedAt - previous < interval * 1000 - JITTER_MS;
    const force = forced > 0;
    if (!tooSoon && !force) return;
    if (force) forced--;
    intervalOf.set(deviceCode, interval + options.slowDownIncrement);
    ctx.status = 400;
    ctx.body = { error: 'slow_down', error_description: `poll at most every ${interval + options.slowDownIncrement} s` };
  };

  return {
    middleware,
    slowDownNext(count = 1) {
      forced += count;
    },
  };
}
