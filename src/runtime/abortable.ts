/**
 * Waits for `work`, or rejects with the signal's reason as soon as it aborts. The work itself goes
 * on: a token request shared by concurrent calls must not fail for all because one caller gave up.
 */
export function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  return !signal ? work : new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) onAbort();
    // A signal aborts once; the listener goes when the work is done.
    signal.addEventListener('abort', onAbort);
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
