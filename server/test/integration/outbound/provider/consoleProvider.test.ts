import { Writable } from 'node:stream';
import { expect } from 'chai';
import { createLogger } from '../../../../src/shared/logging/createLogger';
import { ConsoleProvider } from '../../../../src/whatsapp/outbound/provider/console/ConsoleProvider';
import { CUSTOMER, metaAccount } from './providerTestKit';

describe('console provider', () => {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const provider = new ConsoleProvider(createLogger('info', destination));
  const account = { ...metaAccount(), provider: 'console' as const };

  beforeEach(() => lines.splice(0));

  it('answers a generated id and logs what it sent readably, with the phone masked', async () => {
    const first = await provider.sendMessage(account, {
      to: CUSTOMER,
      message: { kind: 'text', text: 'Your enquiry is LD-1' },
    });
    const second = await provider.sendTemplate(account, {
      to: CUSTOMER,
      name: 'payment_link',
      language: 'en',
      bodyParams: ['Ana', 'BK-1'],
    });
    expect(first.providerMessageId).to.match(/^console\.[0-9a-f-]{36}$/);
    expect(second.providerMessageId).to.not.equal(first.providerMessageId);
    const [text, template] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(text).to.include({
      provider: 'console',
      kind: 'text',
      to: '+15*****4567',
      providerMessageId: first.providerMessageId,
      msg: 'console → +15*****4567: Your enquiry is LD-1',
    });
    expect(template).to.include({
      template: 'payment_link',
      msg: 'console → +15*****4567: [template payment_link] Ana | BK-1',
    });
    expect(lines.join('')).to.not.contain('15551234567');
  });

  it('shows interactive messages and media by what a person would see', async () => {
    await provider.sendMessage(account, {
      to: CUSTOMER,
      message: {
        kind: 'interactive',
        interactive: {
          type: 'button',
          body: 'Pick a day',
          buttons: [
            { id: 'a', title: 'Monday' },
            { id: 'b', title: 'Friday' },
          ],
        },
      },
    });
    await provider.sendMessage(account, {
      to: CUSTOMER,
      message: { kind: 'media', mediaType: 'image', mediaId: 'm1', caption: 'the map' },
    });
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).to.deep.equal([
      'console → +15*****4567: Pick a day [Monday | Friday]',
      'console → +15*****4567: [image] the map',
    ]);
  });

  it('uploads and read receipts succeed without doing anything', async () => {
    expect((await provider.uploadMedia()).mediaId).to.match(/^console\./);
    await provider.markAsRead();
  });
});
