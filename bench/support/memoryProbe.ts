/**
 * Preloaded into a server process (`-r`, with --expose-gc and an IPC channel): answers 'memory' with
 * the process's memory after a full garbage collection, so what is measured is what stays.
 */
process.on('message', (message: unknown) => {
  if (message !== 'memory') return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  process.send?.({
    type: 'memory',
    rss: usage.rss,
    heapUsed: usage.heapUsed,
    heapTotal: usage.heapTotal,
    external: usage.external,
  });
});
