/**
 * Waiting in tests for the event that matters (a port listening, a file rebuilt, a message in a
 * queue), never for a fixed time: polled every 25 ms, with a timeout sized for a loaded machine, and
 * a failure that names what was awaited.
 */

/** How long a test waits by default: the suite must pass with both cores busy with other work. */
export const LOADED_MACHINE_MS = 30_000;

/** Polls `check` until it gives something other than null/false, then returns it. */
export async function waitFor<T>(
  what: string,
  check: () => T | null | false | Promise<T | null | false>,
  timeoutMs = LOADED_MACHINE_MS,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== null && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
