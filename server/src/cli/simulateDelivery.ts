import crypto from 'node:crypto';

export interface SimulatedMessage {
  /** Customer's number, E.164. */
  from: string;
  name?: string;
  text: string;
  phoneNumberId: string;
  businessPhone?: string;
  at: Date;
  /** A photo instead of text: its provider media id; the text becomes its caption (none when empty). */
  imageId?: string;
}

/** A Meta Cloud API `messages` delivery carrying one text message (or photo), as Meta sends it, and the message's id. */
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
                  ...(m.imageId
                    ? {
                        type: 'image',
                        image: {
                          id: m.imageId,
                          mime_type: 'image/jpeg',
                          ...(m.text ? { caption: m.text } : {}),
                        },
                      }
                    : { type: 'text', text: { body: m.text } }),
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
