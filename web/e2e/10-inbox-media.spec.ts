import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { env, query } from './support/backdoor';
import { fileDownloaded, mediaRow, whatsappFile } from './support/media';
import { managerKey, signInWithKey } from './support/session';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const OGG = Buffer.from('OggS\0\x02\0\0\0\0\0\0\0\0', 'binary');
const CUSTOMER = '+5491155550950';

test('a customer’s photo, voice note and document show in the thread: inline, playable, downloadable', async ({
  page,
}) => {
  const photo = await whatsappFile(
    CUSTOMER,
    { type: 'image', mimeType: 'image/png', caption: 'My passport' },
    'Lucía',
  );
  const voice = await whatsappFile(
    CUSTOMER,
    { type: 'audio', mimeType: 'audio/ogg; codecs=opus', voice: true },
    'Lucía',
  );
  const pdf = await whatsappFile(
    CUSTOMER,
    { type: 'document', mimeType: 'application/pdf', filename: 'itinerary.pdf' },
    'Lucía',
  );
  const lost = await whatsappFile(CUSTOMER, { type: 'image', mimeType: 'image/jpeg' }, 'Lucía');
  const [photoId, , pdfId] = [
    await fileDownloaded(photo, PNG),
    await fileDownloaded(voice, OGG),
    await fileDownloaded(pdf, PDF),
  ];
  // The console provider has nothing to download from: the last one ends as failed.
  const lostId = (await mediaRow(lost)).id;
  for (let i = 0; i < 100; i++) {
    const [row] = await query<{ status: string }>(`SELECT status FROM whatsapp_media WHERE id = $1`, [
      lostId,
    ]);
    if (row.status === 'failed') break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const [{ conversation_id: conversationId }] = await query<{ conversation_id: string }>(
    `SELECT conversation_id FROM whatsapp_messages WHERE customer_phone = $1 AND direction = 'INBOUND' LIMIT 1`,
    [CUSTOMER],
  );

  await signInWithKey(page, managerKey(), `/inbox/${conversationId}`);
  const messages = page.getByRole('region', { name: 'Lucía' }).getByRole('list', { name: 'Messages' });
  const image = messages.getByRole('img', { name: 'My passport' });
  await expect(image).toBeVisible();
  await expect(image).toHaveAttribute('src', `/api/v1/media/${photoId}`);
  // The bytes arrived and decoded (a broken image has no natural size).
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

  const audio = messages.locator('audio');
  await expect(audio).toHaveAttribute('controls', '');
  await expect(audio).toHaveAccessibleName('audio');

  const download = messages.getByRole('link', { name: /Download itinerary\.pdf/ });
  await expect(download).toHaveAttribute('href', `/api/v1/media/${pdfId}`);
  const served = await page.request.get(`${env.baseURL}/api/v1/media/${pdfId}`);
  expect(served.headers()['content-type']).toBe('application/pdf');
  expect(served.headers()['content-disposition']).toMatch(/^attachment/);
  expect(Buffer.from(await served.body()).equals(PDF)).toBe(true);

  await expect(messages).toContainText('The image could not be downloaded from WhatsApp.');
  await expectAccessible(page, 'inbox thread with media');
});
