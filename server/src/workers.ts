import type { Container } from 'inversify';
import { TYPES } from './types';

export interface BackgroundWorker {
  start(): void;
  /** Finishes the work in hand, takes no more. */
  stop(): Promise<void>;
}

/** Starts every worker bound under TYPES.BackgroundWorkers (inbox processor, media downloader, …). */
export function startBackgroundWorkers(container: Container): { stop(): Promise<void> } {
  const workers = container.isBound(TYPES.BackgroundWorkers)
    ? container.getAll<BackgroundWorker>(TYPES.BackgroundWorkers)
    : [];
  workers.forEach((w) => w.start());
  return { stop: async () => void (await Promise.all(workers.map((w) => w.stop()))) };
}
