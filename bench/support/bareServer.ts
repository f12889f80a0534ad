/**
 * Child process: the baseline. A bare Express 5 app that does only what any webhook receiver must:
 * read the raw body, check the HMAC-SHA256 signature, JSON.parse, answer 200.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { APP_SECRET, WEBHOOK_PATH, type ChildMessage } from './constants';

const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

const app = express();
app.post(WEBHOOK_PATH, express.raw({ type: () => true, limit: '1mb' }), (req, res) => {
  const raw = req.body as Buffer;
  const given = SIGNATURE.exec(req.get('x-hub-signature-256') ?? '');
  const expected = createHmac('sha256', APP_SECRET).update(raw).digest();
  if (!given || !timingSafeEqual(Buffer.from(given[1], 'hex'), expected)) {
    res.status(401).json({ error: 'invalid signature' });
    return;
  }
  try {
    JSON.parse(raw.toString('utf8'));
  } catch {
    res.status(400).json({ error: 'invalid JSON' });
    return;
  }
  res.status(200).json({ received: true });
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
