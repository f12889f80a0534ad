import type { Container } from 'inversify';

export interface BackgroundWorker {
  start(): void;
  /** Finishes the work in hand, takes no more. */
  stop(): Promise<void>;
}

export const WORKERS = Symbol.for('BackgroundWorkers');

/** Starts every worker bound under WORKERS (inbox processor, media downloader, …). */
export function startBackgroundWorkers(container: Container): { stop(): Promise<void> } {
  const workers = container.isBound(WORKERS) ? container.getAll<BackgroundWorker>(WORKERS) : [];
  workers.forEach((w) => w.start());
  return { stop: async () => void (await Promise.all(workers.map((w) => w.stop()))) };
}
