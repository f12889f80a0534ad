import fs from 'node:fs';
import path from 'node:path';
import { signMetaBody } from '../../server/src/whatsapp/inbound/metaSignature';
import { APP_SECRET } from './constants';

const FIXTURE = path.resolve(__dirname, '../../server/test/fixtures/whatsapp/meta-text.json');
/** Distinct customers the deliveries come from (so the processor spreads over conversations). */
const CUSTOMERS = 1000;

export interface Delivery {
  seq: number;
  body: Buffer;
  signature: string;
}

/**
 * The fixture's bytes (same layout, same \u escapes Meta sends) cut at the fields that make a delivery
 * unique: the sender, the wamid, the timestamp and the text.
 */
function template(): (values: Record<string, string>) => string {
  const raw = fs
    .readFileSync(FIXTURE, 'utf8')
    .replace(/"wamid\.[^"]+"/, '"{wamid}"')
    .replace(/"15551234567"/g, '"{customer}"')
    .replace(/"1789012345"/, '"{timestamp}"')
    .replace('#4512', '#{order}');
  const parts = raw.split(/\{(\w+)\}/);
  return (values) => parts.map((part, i) => (i % 2 ? values[part] : part)).join('');
}

const customerOf = (seq: number) => `1555${String(seq % CUSTOMERS).padStart(7, '0')}`;

/** The wamid of delivery `seq`: unique per bench process and sequence number. */
export const wamidOf = (seq: number) =>
  `wamid.HBgL${Buffer.from(`${customerOf(seq)}:${process.pid}:${seq}`).toString('base64')}`;

/**
 * Signed deliveries, every one different (unique wamid and text, so the inbox dedupe never
 * short-circuits). `refill` signs a pool before a run so the generator does not sign during it;
 * should a run outrun its pool, deliveries are signed on the fly and counted in `signedDuringRun`.
 */
export class DeliveryPool {
  private readonly render = template();
  private pool: Delivery[] = [];
  private cursor = 0;
  private seq = 0;
  signedDuringRun = 0;

  refill(count: number): void {
    this.pool = [];
    this.cursor = 0;
    this.signedDuringRun = 0;
    for (let i = 0; i < count; i++) this.pool.push(this.make());
  }

  next(): Delivery {
    if (this.cursor < this.pool.length) return this.pool[this.cursor++];
    this.signedDuringRun++;
    return this.make();
  }

  get size(): number {
    return this.pool.length;
  }

  private make(): Delivery {
    const seq = this.seq++;
    const body = Buffer.from(
      this.render({
        wamid: wamidOf(seq),
        customer: customerOf(seq),
        timestamp: String(Math.floor(Date.now() / 1000)),
        order: String(seq),
      }),
    );
    return { seq, body, signature: signMetaBody(body, APP_SECRET) };
  }
}
