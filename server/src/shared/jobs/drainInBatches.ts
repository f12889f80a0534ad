/**
 * Repeats `step` (which handles at most `batchSize` rows and says how many it did) until a batch
 * comes back short or the run is aborted; returns the total. Keeps each statement small so a job
 * never holds a long lock, and a shutdown stops it between batches.
 */
export async function drainInBatches(
  batchSize: number,
  signal: AbortSignal,
  step: (limit: number) => Promise<number>,
): Promise<number> {
  let total = 0;
  let batch = batchSize;
  while (batch === batchSize && !signal.aborted) {
    batch = await step(batchSize);
    total += batch;
  }
  return total;
}
