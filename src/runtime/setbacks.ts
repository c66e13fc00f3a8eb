/**
 * What a call does when an attempt did not simply succeed: its answer is not a 2xx (a redirect to
 * follow, a refusal to renew credentials for, a status worth a retry, else the ApiError), or it got
 * no answer (a network error worth a retry), and the messages of the core's typed errors. Loaded
 * with import() (lazy-core-modules.ts) by a client's first such attempt, so an app whose calls are
 * answered with a 2xx never downloads it; it imports no up-front module (it takes what it needs of
 * the attempt as arguments). Without it (a browser gone offline) the answer or failure at hand is
 * final (client-core.ts): a 3xx is not followed, a 401 or 403 not renewed, nothing retried, and
 * the error's message is the shorter `<operation> failed`.
 */
import type { AttemptDeadline } from './attempt-deadline.js';
import type { AuthStrategy } from './auth-strategy.js';
import type { PreparedRequest } from './build-request.js';
import type { RequestOptions, SentRequest } from './client-core.js';
import { discardUnread } from './discard-unread.js';
import { followRedirects, type HopSender } from './follow-redirects.js';
import type { OperationSpec, SchemeUseSpec } from './operation.js';
import { renewAfterRefusal } from './renew-after-refusal.js';
import type { RetryOptions } from './retry.js';
import { retryPolicy } from './retry-policy.js';
import { retryDelayMs, wait } from './retry-wait.js';

export { failureMessage } from './failure-messages.js';
export { followRedirects };

/**
 * What the core tells this module about the attempt: the call's retry inputs, for a refusal what
 * renewing needs, for a redirect what following it needs. Positional (labelled), not an object of
 * named members: the core that builds it is in every app's download, and a member's name does not
 * minify.
 */
export type Setback = [
  op: OperationSpec,
  /** The call's: its `signal` cuts the wait before a retry short. */
  options: RequestOptions,
  /** The client's retry options and the call's, checked (retry.ts): retry-policy.ts lays them over the defaults. */
  clientRetry: RetryOptions | false | undefined,
  callRetry: RetryOptions | false | undefined,
  /** 1 for the first attempt. */
  attempt: number,
  /** The call sends an Idempotency-Key: a POST or PATCH may be sent again. */
  keyed: boolean,
  /** False once a streamed body went out: it cannot be sent again. */
  replayable: boolean,
  /** The attempt's deadline: its signal for the strategies that renew; disposed before the wait for a retry. */
  deadline: AttemptDeadline,
  /** The client's strategies, and the schemes the operation applies. */
  auth: ReadonlyMap<string, AuthStrategy>,
  schemes: readonly SchemeUseSpec[],
  /** One more send of the attempt (built, authenticated; a 2xx shown to afterResponse). */
  resend: () => Promise<SentRequest>,
  /** The ApiError of a final answer (its body parsed), with what authentication did about it. */
  answerError: (response: Response, note?: { authNote: string }) => Promise<Error>,
  /** For redirects (follow-redirects.ts): the request afresh, authenticating it, sending it; told when a browser hid one. */
  fresh: () => PreparedRequest,
  authenticate: (request: PreparedRequest) => Promise<void>,
  send: HopSender,
  browserHidesRedirects: () => void,
];

/** The setback's members by name. */
function named([op, options, clientRetry, callRetry, attempt, keyed, replayable, deadline, auth, schemes, resend, answerError, fresh, authenticate, send, browserHidesRedirects]: Setback) {
  return { op, options, clientRetry, callRetry, attempt, keyed, replayable, deadline, auth, schemes, resend, answerError, fresh, authenticate, send, browserHidesRedirects };
}

/**
 * A send's final answer: its redirects followed (a browser that hid one: sent again when that is
 * harmless), then shown to afterResponse (a 2xx the core has shown it already).
 */
async function answered(setback: Setback, sent: SentRequest): Promise<SentRequest> {
  const { op, resend, fresh, authenticate, send, browserHidesRedirects } = named(setback);
  while (!sent.response.ok) {
    const followed = await followRedirects(op.id, sent.request, sent.response, sent.queryBeforeAuth!, fresh, authenticate, send, browserHidesRedirects);
    if (followed !== 'resend') {
      await sent.after?.(followed.response);
      return followed;
    }
    sent = await resend();
  }
  return sent;
}

/** A method whose repetition is harmless, or a call the server can deduplicate by its Idempotency-Key. */
export function mayRetry(method: string, hasIdempotencyKey: boolean): boolean {
  return /^(GET|HEAD|OPTIONS|PUT|DELETE)$/i.test(method) || (hasIdempotencyKey && /^P(OST|ATCH)$/i.test(method));
}

/**
 * Whether the call is sent again (retries left, a method safe to repeat, a body that can be sent
 * again, and for an answer a status of the policy's; a network error, `response` undefined, is
 * retried under the same rule), and if so the wait before it: the attempt is over first (its
 * deadline disposed: no timeout during the wait), the caller's abort cuts the wait short (rejects).
 */
export async function retried(setback: Setback, response?: Response): Promise<boolean> {
  const { op, options, clientRetry, callRetry, attempt, keyed, replayable, deadline } = named(setback);
  const policy = retryPolicy(clientRetry, callRetry);
  if (attempt > policy.maxRetries || !replayable || !mayRetry(op.method, keyed)) return false;
  if (response !== undefined && !policy.statuses.includes(response.status)) return false;
  if (response !== undefined) await discardUnread(response);
  deadline.dispose();
  await wait(retryDelayMs(policy, attempt, response), options.signal);
  return true;
}

/**
 * After an answer outside 2xx, its redirects followed: one more send when a strategy renewed its
 * credentials after a 401 or 403, then a retry when the policy allows, else the ApiError (with
 * what authentication did about a refusal). Resolves to the resend's 2xx answer (the core reads
 * its body), or undefined once it is time for the next attempt.
 */
export async function afterAnswer(setback: Setback, sent: SentRequest): Promise<Response | undefined> {
  const { op, deadline, auth, schemes, resend, answerError } = named(setback);
  sent = await answered(setback, sent);
  const notes: string[] = [];
  const refused = sent.response.status;
  // The resend cannot stream a body: a refused request with one is not renewed, so `replayable` stays as it is.
  if ((refused === 401 || refused === 403) && sent.authenticated !== false && sent.request.body?.replayable !== false
    && (await renewAfterRefusal(auth, op.id, schemes, sent, deadline.signal, notes))) {
    await discardUnread(sent.response);
    sent = await answered(setback, await resend());
  }
  const response = sent.response;
  if (response.ok) return response;
  if (await retried(setback, response)) return undefined;
  throw await answerError(response, notes.length > 0 ? { authNote: notes.join('; ') } : undefined);
}
