/**
 * Click-to-chat (SPEC §17): a `https://wa.me/<digits>` link that opens a chat with the business
 * number, the text typed in. It needs only the number: the `starter` plan's channel.
 */
export function clickToChatUrl(phone: string, text?: string): string {
  const digits = phone.replace(/\D/g, '');
  const typed = text?.trim();
  return `https://wa.me/${digits}${typed ? `?text=${encodeURIComponent(typed)}` : ''}`;
}

export const QR_FORMATS = ['json', 'svg', 'png'] as const;
export type QrFormat = (typeof QR_FORMATS)[number];

/** Port: the tenant's WhatsApp number customers write to (its connection's, with or without an API). */
export interface BusinessNumbers {
  /** E.164 or digits; undefined when the tenant has no number. */
  numberOf(tenantId: string): Promise<string | undefined>;
}

/** Port: QR code images of a text. */
export interface QrCodes {
  svg(text: string): Promise<string>;
  png(text: string): Promise<Buffer>;
}
