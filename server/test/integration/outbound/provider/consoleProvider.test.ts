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

  it('answers a generated id and logs the send with the body redacted and the phone masked', async () => {
    const first = await provider.sendMessage(account, {
      to: CUSTOMER,
      message: { kind: 'text', text: 'secret plans' },
    });
    const second = await provider.sendTemplate(account, {
      to: CUSTOMER,
      name: 'payment_link',
      language: 'en',
      bodyParams: ['Ana', 'BK-1'],
    });
    expect(first.providerMessageId).to.match(/^console\.[0-9a-f-]{36}$/);
    expect(second.providerMessageId).to.not.equal(first.providerMessageId);
    const logged = lines.join('');
    expect(logged).to.contain(first.providerMessageId).and.contain('payment_link');
    expect(logged).to.not.contain('secret plans').and.not.contain('Ana').and.not.contain('15551234567');
    expect(JSON.parse(lines[0])).to.include({ provider: 'console', kind: 'text', to: '+15*****4567' });
  });

  it('uploads and read receipts succeed without doing anything', async () => {
    expect((await provider.uploadMedia()).mediaId).to.match(/^console\./);
    await provider.markAsRead();
  });
});
