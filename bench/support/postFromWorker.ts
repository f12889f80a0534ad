import { Worker } from 'node:worker_threads';

export interface SignedPost {
  body: string;
  signature: string;
}

// Plain JavaScript: the worker runs without the TypeScript loader. node:http with keep-alive, the
// client the app itself uses for providers (fetch costs about three times the CPU per request).
const CLIENT = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { urls, posts, connections } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
let next = 0;
let failed = 0;
function post(url, body, signature) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      agent,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'x-hub-signature-256': signature,
      },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(body);
  });
}
parentPort.postMessage({ started: true });
Promise.all(
  Array.from({ length: connections }, async () => {
    while (next < posts.length) {
      const i = next++;
      const { body, signature } = posts[i];
      if ((await post(urls[i % urls.length], body, signature)) !== 200) failed++;
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
