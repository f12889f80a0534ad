import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../src/config';
import { assertProviderConfigured } from '../../src/requiredProviderVariables';

const check = (env: Record<string, string>) => () => assertProviderConfigured(loadConfig(env));

describe('start-up: the provider’s variables', () => {
  it('needs nothing for the console provider', () => {
    expect(check({})).not.to.throw();
  });

  it('names every variable Meta is missing, in one line', () => {
    expect(check({ WHATSAPP_PROVIDER: 'meta', WHATSAPP_PHONE_NUMBER_ID: '1065' }))
      .to.throw(ConfigError)
      .with.property('message')
      .that.matches(
        /^Invalid configuration: WHATSAPP_PROVIDER=meta needs WHATSAPP_ACCESS_TOKEN, WHATSAPP_WEBHOOK_SECRET, WHATSAPP_VERIFY_TOKEN [^\n]+$/,
      );
  });

  it('names what 360dialog and Twilio are missing', () => {
    expect(check({ WHATSAPP_PROVIDER: '360dialog' })).to.throw(
      /needs DIALOG360_API_KEY, WHATSAPP_WEBHOOK_SECRET/,
    );
    expect(check({ WHATSAPP_PROVIDER: 'twilio', TWILIO_AUTH_TOKEN: 't' })).to.throw(
      /needs WHATSAPP_PHONE_NUMBER, TWILIO_ACCOUNT_SID \(/,
    );
  });

  it('accepts a provider with everything it needs', () => {
    expect(
      check({
        WHATSAPP_PROVIDER: 'meta',
        WHATSAPP_PHONE_NUMBER_ID: '1065',
        WHATSAPP_ACCESS_TOKEN: 'EAAG',
        WHATSAPP_WEBHOOK_SECRET: 'app-secret',
        WHATSAPP_VERIFY_TOKEN: 'verify',
      }),
    ).not.to.throw();
  });
});
