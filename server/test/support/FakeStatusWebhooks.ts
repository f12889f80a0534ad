import { signMetaBody } from '../../src/whatsapp/inbound/metaSignature';
import type { FakeSent } from './FakeOutboundApi';
import { MetaSender } from './process/MetaSender';

export interface StatusWebhookTarget {
  /** The app's base URL; statuses go to its Meta webhook. */
  baseUrl: string;
  appSecret: string;
  phoneNumberId: string;
  /** Digits, as Meta writes `display_phone_number`. */
  displayPhoneNumber: string;
  wabaId: string;
  /** How long after the accept the `sent` status goes out (`delivered` follows half a second later). */
  delayMs(): number;
}

/**
 * Meta's status webhooks for the sends the fake accepts: `sent`, then `delivered`, a few seconds
 * after the accept, echoing `biz_opaque_callback_data`, signed, and delivered again with backoff
 * until the app answers 200 (MetaSender). Records when each send's first status was acknowledged.
 */
export class FakeStatusWebhooks {
  /** Provider message id → when the app acknowledged its first status (ms since the epoch). */
  readonly acknowledgedAt = new Map<string, number>();
  private readonly sender: MetaSender;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly target: StatusWebhookTarget) {
    this.sender = new MetaSender({
      targets: [target.baseUrl],
      ratePerSecond: 1_000,
      concurrency: 20,
      backoffBaseMs: 200,
      backoffMaxMs: 5_000,
    });
  }

  accepted(sent: FakeSent): void {
    const delay = this.target.delayMs();
    this.later(delay, () => this.post(sent, 'sent'));
    this.later(delay + 500, () => this.post(sent, 'delivered'));
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.sender.stop();
  }

  private later(ms: number, work: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void work();
    }, ms);
    this.timers.add(timer);
  }

  private async post(sent: FakeSent, status: 'sent' | 'delivered'): Promise<void> {
    const body = JSON.stringify(this.delivery(sent, status));
    await this.sender.send([{ body, signature: signMetaBody(body, this.target.appSecret) }]);
    if (!this.acknowledgedAt.has(sent.providerMessageId))
      this.acknowledgedAt.set(sent.providerMessageId, Date.now());
  }

  private delivery(sent: FakeSent, status: string) {
    const echo = sent.body.biz_opaque_callback_data;
    return {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: this.target.wabaId,
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: {
                  display_phone_number: this.target.displayPhoneNumber,
                  phone_number_id: this.target.phoneNumberId,
                },
                statuses: [
                  {
                    id: sent.providerMessageId,
                    status,
                    timestamp: String(Math.floor(Date.now() / 1000)),
                    recipient_id: String(sent.body.to).replace(/\D/g, ''),
                    ...(typeof echo === 'string' ? { biz_opaque_callback_data: echo } : {}),
                    pricing: {
                      billable: true,
                      pricing_model: 'PMP',
                      type: 'free_customer_service',
                      category: 'service',
                    },
                  },
                ],
              },
            },
          ],
        },
      ],
    };
  }
}
