import crypto from 'node:crypto';

export interface SimulatedMessage {
  /** Customer's number, E.164. */
  from: string;
  name?: string;
  text: string;
  phoneNumberId: string;
  businessPhone?: string;
  at: Date;
}

/** A Meta Cloud API `messages` delivery carrying one text message, as Meta sends it, and the message's id. */
export function metaTextDelivery(m: SimulatedMessage): { body: string; messageId: string } {
  const waId = m.from.replace(/^\+/, '');
  const messageId = `wamid.SIMULATED${crypto.randomBytes(12).toString('hex').toUpperCase()}`;
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '0',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: (m.businessPhone ?? '').replace(/^\+/, ''),
                phone_number_id: m.phoneNumberId,
              },
              contacts: [{ profile: { name: m.name ?? 'Simulated customer' }, wa_id: waId }],
              messages: [
                {
                  from: waId,
                  id: messageId,
                  timestamp: String(Math.floor(m.at.getTime() / 1000)),
                  type: 'text',
                  text: { body: m.text },
                },
              ],
            },
          },
        ],
      },
    ],
  });
  return { body, messageId };
}
