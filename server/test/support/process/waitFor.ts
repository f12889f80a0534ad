/**
 * Polls `condition` until it holds; fails after `timeoutMs` naming what it waited for and, when
 * `describe` is given, the state it last saw.
 */
export async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  options: { timeoutMs?: number; intervalMs?: number; describe?: () => string | Promise<string> } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) {
      const state = options.describe ? `; last seen: ${await options.describe()}` : '';
      throw new Error(`timed out waiting for ${what}${state}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
}
