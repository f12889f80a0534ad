import crypto from 'node:crypto';
import http from 'node:http';
import { signMetaBody } from '../../server/src/whatsapp/inbound/metaSignature';
import { APP_SECRET, BUSINESS_ACCOUNT_ID, PHONE_NUMBER_ID } from './constants';

/** Message number → when its webhook was answered 200 (shared clock, ms). */
export type Acks = Map<number, number>;

const now = () => performance.timeOrigin + performance.now();

/** Message `n`: a text `bench-<n> …` from one of 5,000 customers, as Meta delivers it. */
export function delivery(n: number): string {
  const digits = `5491170${String(n % 5000).padStart(6, '0')}`;
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: BUSINESS_ACCOUNT_ID,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550100199', phone_number_id: PHONE_NUMBER_ID },
              contacts: [{ profile: { name: `Customer ${n}` }, wa_id: digits }],
              messages: [
                {
                  from: digits,
                  id: `wamid.${crypto.randomBytes(16).toString('base64url')}`,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: 'text',
                  text: { body: `bench-${n} hello, 2 people for March?` },
                },
              ],
            },
          },
        ],
      },
    ],
  });
}

/**
 * Posts messages 0 … total-1 at `rate` per second, each to the next of `urls` in turn (keep-alive
 * `node:http`), signed beforehand; resolves with the time each was answered 200.
 */
export async function postDeliveries(options: {
  urls: string[];
  rate: number;
  total: number;
  onSent?: (n: number) => void;
}): Promise<Acks> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const bodies = Array.from({ length: options.total }, (_, n) => {
    const body = delivery(n);
    return { body, signature: signMetaBody(body, APP_SECRET) };
  });
  const acks: Acks = new Map();
  const posts: Array<Promise<void>> = [];
  const started = performance.now();
  for (let n = 0; n < options.total; n++) {
    const wait = started + (n * 1000) / options.rate - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    options.onSent?.(n);
    const { body, signature } = bodies[n];
    posts.push(
      new Promise<void>((resolve) => {
        const req = http.request(options.urls[n % options.urls.length], {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
        });
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === 200) acks.set(n, now());
            resolve();
          });
        });
        req.on('error', () => resolve());
        req.end(body);
      }),
    );
  }
  await Promise.all(posts);
  agent.destroy();
  return acks;
}
