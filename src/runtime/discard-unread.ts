/**
 * Drops an unread body so the connection can be reused; a body already read is fine too. The
 * lazily loaded request-core modules' copy of parse-response.ts's discardBody: they may import no
 * up-front module (it would then share a chunk with the app's entry).
 */
export async function discardUnread(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Already consumed or locked: nothing left to free.
  }
}
