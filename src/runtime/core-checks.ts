import type { CoreConfig } from './client-core.js';
import { resolveUrl } from './build-request.js';
import { checkedRetry, must, type RetryOptions } from './retry.js';

const HOOKS = 'beforeRequest afterResponse onError';

/** Fails at construction, not on the first request, on a config the client cannot use (timeoutMs: checkedTimeout); the client's retry options checked (a copy) when it can. */
export function checkCoreConfig(config: CoreConfig): RetryOptions | false | undefined {
  // Refuses a baseUrl that is no string or no valid URL, or one with a user name or password. The
  // auth Map is not checked: clientCore is not exported, and every generated class passes one.
  resolveUrl(config.baseUrl, '');
  const { hooks = {} } = config as { hooks?: unknown }; // null is given, so refused
  must(typeof hooks === 'object' && hooks !== null, 'hooks', 'an object');
  // One message for a misspelt name and for a value that is not a function: it says what each must be.
  for (const [name, hook] of Object.entries(hooks)) must(HOOKS.split(' ').includes(name) && (hook === undefined || typeof hook === 'function'), 'hooks.' + name, 'a function, and one of ' + HOOKS);
  return checkedRetry(config.retry); // malformed retry options fail here too
}

/** A timeoutMs given (the client's at construction, a call's when it starts) if it is a number > 0, else `fallback`. */
export function checkedTimeout(timeoutMs: unknown, fallback: number): number {
  if (timeoutMs === undefined) return fallback;
  must(typeof timeoutMs === 'number' && timeoutMs > 0, 'timeoutMs', 'a number > 0');
  return timeoutMs as number;
}
