/**
 * Child process: the baseline of `bench/events`. A bare Express 5 app that checks the webhook's
 * HMAC-SHA256 signature, parses it, answers 200 and then writes the message as one SSE frame to
 * every open `GET /api/v1/events` stream — the same hops as the app (HTTP in, SSE out to another
 * process) with no database, no inbox and no fan-out between instances.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express, { type Response } from 'express';
import { APP_SECRET, WEBHOOK_PATH, type ChildMessage } from './constants';

interface MetaDelivery {
  entry: Array<{ changes: Array<{ value: { messages: unknown[] } }> }>;
}

const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;
const streams = new Set<Response>();
let nextId = 0;

const app = express();
app.get('/api/v1/events', (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  res.write(': connected\n\n');
  streams.add(res);
  res.on('close', () => streams.delete(res));
});
app.post(WEBHOOK_PATH, express.raw({ type: () => true, limit: '1mb' }), (req, res) => {
  const raw = req.body as Buffer;
  const given = SIGNATURE.exec(req.get('x-hub-signature-256') ?? '');
  const expected = createHmac('sha256', APP_SECRET).update(raw).digest();
  if (!given || !timingSafeEqual(Buffer.from(given[1], 'hex'), expected)) {
    res.status(401).json({ error: 'invalid signature' });
    return;
  }
  let body: MetaDelivery;
  try {
    body = JSON.parse(raw.toString('utf8')) as typeof body;
  } catch {
    res.status(400).json({ error: 'invalid JSON' });
    return;
  }
  res.status(200).json({ received: true });
  const message = body.entry[0].changes[0].value.messages[0];
  const id = ++nextId;
  const frame = `id: ${id}\nevent: message.received\ndata: ${JSON.stringify({ id: String(id), type: 'message.received', data: { message } })}\n\n`;
  for (const stream of streams) stream.write(frame);
});

const server = app.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'ready', port: (server.address() as AddressInfo).port } satisfies ChildMessage);
});
process.on('message', (command: string) => {
  if (command !== 'stop') return;
  server.closeAllConnections();
  server.close();
  process.exit(0);
});
process.on('disconnect', () => process.exit(0));
