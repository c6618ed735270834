/**
 * Waits for a condition the test is about (a state, an event), never for a fixed time; fails with
 * `what` after the deadline (a function: said as things stand then, e.g. what did arrive).
 */
export async function until(condition: () => boolean | Promise<boolean>, what: string | (() => string), timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
