import { collectDefaultMetrics, Registry } from 'prom-client';

let registry: Registry | undefined;

/**
 * The default process metrics (CPU, memory, event-loop lag, GC), collected once per process:
 * they describe the process, not a container, and their collectors run for the process lifetime.
 */
export function processRegistry(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}
