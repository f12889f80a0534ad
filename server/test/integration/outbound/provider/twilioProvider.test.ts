import { expect } from 'chai';
import { buttonsMessage, listMessage } from '../../../support/interactiveMessages';
import { TwilioProvider } from '../../../../src/whatsapp/outbound/provider/twilio/TwilioProvider';
import { httpStatus, noAnswer, tooManyRequests, twilioError } from '../../../support/fakeFailures';
import { FakeProviderServer } from '../../../support/FakeProviderServer';
import { CUSTOMER, failure, twilioAccount, WAMID } from './providerTestKit';

const SID = `AC${'a1'.repeat(16)}`;
const MESSAGES = `/2010-04-01/Accounts/${SID}/Messages.json`;
const CALLBACK = 'https://ops.example.com/api/whatsapp/webhook/twilio';

describe('Twilio provider', () => {
  let fake: FakeProviderServer;
  let twilio: TwilioProvider;
  const account = twilioAccount(SID, 'twilio-token');

  beforeEach(async () => {
    fake = await FakeProviderServer.start();
    fake.outbound.twilioAccounts.set(SID, 'twilio-token');
    twilio = new TwilioProvider({ apiBaseUrl: fake.url, statusCallbackUrl: CALLBACK });
  });
  afterEach(() => fake.close());

  const lastForm = () =>
    Object.fromEntries(new URLSearchParams(fake.requests[fake.requests.length - 1].body.toString()));

  it('posts a form-encoded text with basic auth and returns the message sid', async () => {
    const result = await twilio.sendMessage(account, {
      to: CUSTOMER,
      message: { kind: 'text', text: 'Tu pedido #4512 salió' },
    });
    const [request] = fake.requestsTo(MESSAGES);
    expect(request.headers.authorization).to.equal(
      `Basic ${Buffer.from(`${SID}:twilio-token`).toString('base64')}`,
    );
    expect(request.headers['content-type']).to.equal('application/x-www-form-urlencoded');
    expect(request.body.toString()).to.equal(
      'From=whatsapp%3A%2B15550100199&To=whatsapp%3A%2B15551234567&StatusCallback=https%3A%2F%2Fops.example.com%2Fapi%2Fwhatsapp%2Fwebhook%2Ftwilio&Body=Tu+pedido+%234512+sali%C3%B3',
    );
    expect(result.providerMessageId)
      .to.match(/^SM[0-9a-f]{32}$/)
      .and.equal(fake.outbound.sent[0].providerMessageId);
  });

  it('gives Twilio a status callback URL that carries our message id', async () => {
    const id = '0b9c2f6e-1d2a-4c3b-8e4f-5a6b7c8d9e0f';
    await twilio.sendMessage(account, { to: CUSTOMER, message: { kind: 'text', text: 'hi' }, messageId: id });
    expect(lastForm().StatusCallback).to.equal(`${CALLBACK}?messageId=${id}`);
  });

  it('sends media links with the caption as body', async () => {
    await twilio.sendMessage(account, {
      to: CUSTOMER,
      message: { kind: 'media', mediaType: 'image', link: 'https://cdn.example.com/a.jpg', caption: 'Foto' },
    });
    expect(lastForm()).to.include({ Body: 'Foto', MediaUrl: 'https://cdn.example.com/a.jpg' });
  });

  it('sends templates by ContentSid with numbered ContentVariables', async () => {
    await twilio.sendTemplate(account, {
      to: CUSTOMER,
      name: 'payment_link',
      language: 'en',
      bodyParams: ['Ana', '#4512'],
      buttonParams: [{ index: 0, subType: 'url', param: 'BK-1' }],
      providerTemplateId: 'HX56815a1f316b3304d7e20520be1c4370',
    });
    expect(lastForm()).to.deep.equal({
      From: 'whatsapp:+15550100199',
      To: 'whatsapp:+15551234567',
      StatusCallback: CALLBACK,
      ContentSid: 'HX56815a1f316b3304d7e20520be1c4370',
      ContentVariables: '{"1":"Ana","2":"#4512","3":"BK-1"}',
    });
  });

  it('refuses what plain Twilio WhatsApp cannot send, without a request', async () => {
    const send = (message: Parameters<TwilioProvider['sendMessage']>[1]['message']) =>
      failure(twilio.sendMessage(account, { to: CUSTOMER, message }));
    for (const error of [
      await send(buttonsMessage({ body: 'x', buttons: [{ id: 'a', title: 'A' }] })),
      await send(
        listMessage({ body: 'x', buttonText: 'b', sections: [{ rows: [{ id: 'a', title: 'A' }] }] }),
      ),
      await send({ kind: 'reaction', toProviderMessageId: WAMID, emoji: '👍' }),
      await send({ kind: 'media', mediaType: 'image', mediaId: '123' }),
      await failure(twilio.uploadMedia()),
    ])
      expect(error).to.include({ kind: 'permanent', code: 'unsupported' });
    const unsynced = await failure(
      twilio.sendTemplate(account, { to: CUSTOMER, name: 'payment_link', language: 'en', bodyParams: [] }),
    );
    expect(unsynced).to.include({ kind: 'permanent', code: 'template_not_synced' });
    expect(fake.requests).to.be.empty;
  });

  it('marking as read is a no-op', async () => {
    await twilio.markAsRead();
    expect(fake.requests).to.be.empty;
  });

  describe('failures', () => {
    const send = () => twilio.sendMessage(account, { to: CUSTOMER, message: { kind: 'text', text: 'Hi' } });

    it('refused credentials are auth (20003)', async () => {
      const error = await failure(
        twilio.sendMessage(twilioAccount(SID, 'wrong'), {
          to: CUSTOMER,
          message: { kind: 'text', text: 'Hi' },
        }),
      );
      expect(error).to.include({ kind: 'auth', code: '20003', title: 'Authenticate' });
      expect(error.details.httpStatus).to.equal(401);
    });

    it('outside the window (63016) and bad recipients (21211) are permanent', async () => {
      fake.outbound.failNext('send', twilioError(63016)).failNext('send', twilioError(21211));
      expect(await failure(send())).to.include({ kind: 'permanent', code: '63016' });
      expect(await failure(send())).to.include({ kind: 'permanent', code: '21211' });
    });

    it('rate limits are throttled, with Retry-After', async () => {
      fake.outbound.failNext('send', twilioError(20429)).failNext('send', tooManyRequests(7));
      expect(await failure(send())).to.include({ kind: 'throttled', code: '20429' });
      const bare = await failure(send());
      expect(bare).to.include({ kind: 'throttled', code: 'http_429' });
      expect(bare.details.retryAfterMs).to.equal(7000);
    });

    it('5xx and timeouts are retryable', async () => {
      fake.outbound.failNext('send', httpStatus(502)).failNext('send', noAnswer());
      expect(await failure(send())).to.include({ kind: 'retryable', code: 'http_502' });
      const hasty = new TwilioProvider({ apiBaseUrl: fake.url, timeoutMs: 300 });
      const timedOut = hasty.sendMessage(account, { to: CUSTOMER, message: { kind: 'text', text: 'Hi' } });
      expect(await failure(timedOut)).to.include({ kind: 'retryable', code: 'timeout' });
    });

    it('a configuration without SID and token fails as auth without a request', async () => {
      const error = await failure(
        twilio.sendMessage(
          { ...account, credentials: {} },
          { to: CUSTOMER, message: { kind: 'text', text: 'x' } },
        ),
      );
      expect(error).to.include({ kind: 'auth', code: 'missing_configuration' });
      expect(fake.requests).to.be.empty;
    });
  });
});
