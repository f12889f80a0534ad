import crypto from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Container } from 'inversify';
import { createApp } from '../../app';
import { CONSOLE_PHONE_NUMBER_ID } from '../../shared/channel/consoleChannel';
import { TYPES } from '../../types';
import { signMetaBody } from '../../whatsapp/inbound/metaSignature';
import { InboxProcessor } from '../../whatsapp/inbox/InboxProcessor';
import { metaTextDelivery } from '../simulateDelivery';

/** The app on a local port, and what the demo's outside world posts to it. */
export interface DemoChannel {
  /** A signed Meta-format delivery (text, or a photo with `imageId`), processed as the server would. */
  deliver(from: { phone: string; name: string }, text: string, imageId?: string): Promise<void>;
  /** A payment confirmed by the generic payment webhook, signed with the tenant's secret. */
  confirmPayment(tenantId: string, secret: string, payment: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function openDemoChannel(container: Container): Promise<DemoChannel> {
  const server: Server = createApp(container).listen(0, '127.0.0.1');
  await new Promise((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = async (path: string, body: string, headers: Record<string, string>) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  };
  return {
    async deliver(from, text, imageId) {
      const { body } = metaTextDelivery({
        from: from.phone,
        name: from.name,
        text,
        imageId,
        phoneNumberId: CONSOLE_PHONE_NUMBER_ID,
        at: new Date(),
      });
      const secret = container.get<string>(TYPES.ConsoleWebhookSecret);
      await post('/api/whatsapp/webhook', body, { 'x-hub-signature-256': signMetaBody(body, secret) });
      await container.get(InboxProcessor).drain();
    },
    async confirmPayment(tenantId, secret, payment) {
      const body = JSON.stringify(payment);
      const signature = `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;
      await post(`/api/payments/webhook/generic?tenant=${tenantId}`, body, { 'x-signature': signature });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
