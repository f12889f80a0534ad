import { createHmac, timingSafeEqual } from 'node:crypto';

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

function equalHex(givenHex: string, expected: Buffer): boolean {
  if (!HEX_SHA256.test(givenHex)) return false;
  return timingSafeEqual(Buffer.from(givenHex, 'hex'), expected);
}

/** The generic webhook: `x-signature: sha256=<hex HMAC-SHA256 of the raw body>`. */
export function verifyGenericSignature(raw: Buffer, header: string | undefined, secret: string | undefined) {
  if (!secret || typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  return equalHex(header.slice('sha256='.length), createHmac('sha256', secret).update(raw).digest());
}

/** `id:<data.id>;request-id:<x-request-id>;ts:<ts>;`, leaving out a part whose value is absent (Mercado Pago's rule). */
export function mercadoPagoManifest(dataId: string | undefined, requestId: string | undefined, ts: string) {
  return `${dataId ? `id:${dataId};` : ''}${requestId ? `request-id:${requestId};` : ''}ts:${ts};`;
}

/**
 * Mercado Pago's `x-signature: ts=<ts>,v1=<hex>`: v1 is the HMAC-SHA256 of the manifest with the
 * application's secret signature. `dataId` is the notification's `data.id` (lowercased by the caller
 * when alphanumeric, as Mercado Pago signs it).
 */
export function verifyMercadoPagoSignature(input: {
  header: string | undefined;
  requestId: string | undefined;
  dataId: string | undefined;
  secret: string | undefined;
}): boolean {
  if (!input.secret || typeof input.header !== 'string') return false;
  const parts = Object.fromEntries(
    input.header.split(',').map((part) => {
      const [key, ...value] = part.split('=');
      return [key.trim(), value.join('=').trim()];
    }),
  );
  if (!parts.ts || !parts.v1) return false;
  const manifest = mercadoPagoManifest(input.dataId, input.requestId, parts.ts);
  return equalHex(parts.v1, createHmac('sha256', input.secret).update(manifest).digest());
}

/** What Mercado Pago would send: for tests, and for operators checking their secret. */
export function signMercadoPago(secret: string, dataId: string, requestId: string, ts: string): string {
  const v1 = createHmac('sha256', secret)
    .update(mercadoPagoManifest(dataId, requestId, ts))
    .digest('hex');
  return `ts=${ts},v1=${v1}`;
}
