import { Worker } from 'node:worker_threads';

export interface SignedPost {
  body: string;
  signature: string;
}

// Plain JavaScript: the worker runs without the TypeScript loader.
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const { urls, posts, connections } = workerData;
let next = 0;
let failed = 0;
parentPort.postMessage({ started: true });
Promise.all(
  Array.from({ length: connections }, async () => {
    while (next < posts.length) {
      const i = next++;
      const { body, signature } = posts[i];
      const res = await fetch(urls[i % urls.length], {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
      });
      if (res.status !== 200) failed++;
      await res.arrayBuffer();
    }
  }),
).then(() => parentPort.postMessage({ failed }));
`;

/**
 * POSTs every delivery, to each of `urls` in turn, with `connections` in flight from a worker thread, as a provider
 * would from its own machine: the load generator does not take the event loop of the app it measures.
 * `onStart` runs when the first request is about to go.
 */
export function postFromWorker(
  urls: string[],
  posts: SignedPost[],
  connections: number,
  onStart: () => void,
): Promise<{ failed: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT, { eval: true, workerData: { urls, posts, connections } });
    worker.on('message', (message: { started?: true; failed?: number }) => {
      if (message.started) onStart();
      else {
        resolve({ failed: message.failed ?? 0 });
        void worker.terminate();
      }
    });
    worker.on('error', reject);
  });
}
