import { expect } from 'chai';
import type { Tenant } from '../../../src/modules/identity/domain/Tenant';
import { aUser } from '../../support/builders';
import { loadFixture } from '../../support/fixtures';
import { inboundHarness, type InboundHarness } from '../../support/inboundHarness';
import { RecordingRouter } from '../../support/RecordingRouter';

/**
 * A customer WhatsApp delivered must be found and answered, whatever libphonenumber's metadata
 * says of their number: Meta's +1 555 test range (the fixtures' sender), ranges newer than the
 * metadata. What is stored from a wa_id can be queried and messaged in any notation.
 */
describe('REST: numbers WhatsApp delivers but the metadata calls invalid', () => {
  let h: InboundHarness;
  let key: string;

  beforeEach(async () => {
    h = await inboundHarness({}, new RecordingRouter());
    key = (await aUser({ id: h.tenantId } as Tenant, { role: 'manager' })).apiKey;
  });

  const api = (method: 'get' | 'post', url: string) =>
    h.http[method](`/api/v1${url}`).set('authorization', `Bearer ${key}`);

  async function customerWrites(waId: string): Promise<void> {
    const body = loadFixture('meta-text.json').toString('utf8').replaceAll('15551234567', waId);
    await h.postMeta(body).expect(200);
    await h.processor.drain();
  }

  for (const [label, waId, e164] of [
    ['Meta’s +1 555 test range', '15551234567', '+15551234567'],
    ['a number longer than the metadata knows for its country', '88017123456789', '+88017123456789'],
  ])
    it(`finds and answers a customer from ${label} in every notation`, async () => {
      await customerWrites(waId);

      for (const phone of [e164, waId, e164.replace(/^\+(\d)/, '+$1 ')]) {
        const found = await api('get', `/conversations?phone=${encodeURIComponent(phone)}`);
        expect(found.status, `${phone}: ${JSON.stringify(found.body)}`).to.equal(200);
        expect(found.body.data.map((c: { customerPhone: string }) => c.customerPhone)).to.deep.equal([e164]);
        const optIn = await api('get', `/opt-ins?phone=${encodeURIComponent(phone)}`);
        expect(optIn.body.data, phone).to.have.length(1);
      }
      const sent = await api('post', '/messages').send({ to: waId, text: 'We got your message' });
      expect(sent.status, JSON.stringify(sent.body)).to.equal(202);
      expect(sent.body.to).to.equal(e164);
      const conversation = (await api('get', `/conversations?phone=${encodeURIComponent(e164)}`)).body
        .data[0];
      const reply = await api('post', `/conversations/${conversation.id}/messages`).send({
        text: 'Hello again',
      });
      expect(reply.status, JSON.stringify(reply.body)).to.equal(202);
    });
});
