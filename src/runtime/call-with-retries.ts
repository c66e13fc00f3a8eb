/**
 * The retry driver: one call's attempts, each under its own deadline (body included) and
 * authenticated afresh, until an answer is final or the retry policy says stop. How long to wait
 * before a retry is retry-wait.ts, loaded with the first retry: when it cannot be loaded (a browser
 * gone offline), the answer or failure at hand is final.
 */
import type { ApiResponse } from './api-promise.js';
import { AttemptDeadline } from './attempt-deadline.js';
import type { AttemptOptions, CallState } from './call-state.js';
import type { RequestOptions } from './client-core.js';
import { loadIdempotencyKey, loadRetryWait } from './lazy-core-modules.js';
import type { OperationSpec, SchemeUseSpec } from './operation.js';
import { discardBody } from './parse-response.js';
import { mayRetry, type RetryPolicy } from './retry.js';
import type { AttemptSender } from './send-attempt.js';
import { settleResponse } from './settle-response.js';
import type { SignalPool } from './signal-pool.js';
import { ApiConnectionError, ApiTimeoutError } from './transport-errors.js';

/** What the client settled for this call before its first attempt. */
export interface CallPlan {
  chosen: readonly SchemeUseSpec[];
  policy: RetryPolicy;
  timeoutMs: number;
  /** Lends the attempts their AbortControllers. */
  signals: SignalPool;
}

export async function callWithRetries<T>(
  sender: AttemptSender,
  plan: CallPlan,
  op: OperationSpec,
  args: Readonly<Record<string, unknown>> | undefined,
  options: RequestOptions,
): Promise<ApiResponse<T>> {
  const { chosen, policy, timeoutMs } = plan;
  let headers = options.headers;
  const keyed = options.idempotencyKey !== undefined && options.idempotencyKey !== false;
  if (keyed) {
    // idempotency-key.ts, loaded by the first call that asks for a key; without it, nothing is sent.
    const { idempotencyKeyFor } = await loadIdempotencyKey().catch((cause: unknown) => Promise.reject(sender.offline(op, cause)));
    headers = new Headers(headers);
    headers.set('idempotency-key', idempotencyKeyFor(options.idempotencyKey)!);
  }
  const retryable = policy.maxRetries > 0 && mayRetry(op.method, keyed);

  for (let attempt = 1; ; attempt++) {
    const state: CallState = { attempt, url: undefined, replayable: true };
    const deadline = new AttemptDeadline(timeoutMs, options.signal, plan.signals);
    const attemptOptions: AttemptOptions = { ...options, headers, signal: deadline.signal, state };
    const canRetry = (): boolean => retryable && attempt <= policy.maxRetries && state.replayable;
    let retry: typeof import('./retry-wait.js');
    let delay: number;
    let streaming = false;
    try {
      const notes: string[] = [];
      const sent = await sender.attempt(op, args, attemptOptions, chosen, notes);
      const response = sent.response;
      const retrying = policy.statuses.includes(response.status) && canRetry() ? await loadRetryWait().catch(() => undefined) : undefined;
      if (retrying === undefined) {
        const settled = await settleResponse<T>(op, response, notes);
        streaming = settled.data !== null && (settled.data as unknown) === response.body;
        return settled;
      }
      await discardBody(response);
      retry = retrying;
      delay = retry.retryDelayMs(policy, attempt, response);
    } catch (error) {
      const failure = deadline.timedOut && !(error instanceof ApiTimeoutError) && state.url !== undefined
        ? new ApiTimeoutError({ operation: op.id, method: op.method, url: state.url, cause: error, timeoutMs })
        : error;
      if (!(failure instanceof ApiConnectionError) || failure instanceof ApiTimeoutError || !canRetry()) throw failure;
      retry = await loadRetryWait().catch(() => Promise.reject(failure));
      delay = retry.retryDelayMs(policy, attempt, undefined);
    } finally {
      // A stream handed out is read after the call resolves: timeoutMs no longer applies, but the caller's signal still aborts it.
      deadline.dispose(streaming);
    }
    await retry.wait(delay, options.signal);
  }
}
