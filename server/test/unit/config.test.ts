import crypto from 'node:crypto';
import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../src/config';

const key = crypto.randomBytes(32).toString('base64');

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).to.equal(3000);
    expect(config.host).to.equal('0.0.0.0');
    expect(config.dataDir).to.equal('./data');
    expect(config.databaseUrl).to.equal(undefined);
    expect(config.whatsapp.provider).to.equal('console');
    expect(config.whatsapp.apiBaseUrl).to.equal('https://graph.facebook.com');
    expect(config.whatsapp.apiVersion).to.equal('v25.0');
    expect(config.whatsapp.rateLimitPerMinute).to.equal(50);
    expect(config.whatsapp.messageRetentionDays).to.equal(90);
    expect(config.whatsapp.enableMedia).to.equal(true);
    expect(config.panicCooldownMinutes).to.equal(60);
    expect(config.paymentLinkBaseUrl).to.equal('http://localhost:3000/pay');
  });

  it('reads and converts every variable it is given', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@db:5432/app',
      ENCRYPTION_KEY: key,
      WHATSAPP_PROVIDER: 'meta',
      WHATSAPP_PHONE_NUMBER: '+15551234567',
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      WHATSAPP_ENABLE_MEDIA: 'false',
      WHATSAPP_RATE_LIMIT_PER_MINUTE: '120',
      WHATSAPP_SEND_CONCURRENCY: '32',
      WHATSAPP_API_BASE_URL: 'http://127.0.0.1:9999/',
    });
    expect(config.port).to.equal(8080);
    expect(config.encryptionKey?.length).to.equal(32);
    expect(config.whatsapp.provider).to.equal('meta');
    expect(config.whatsapp.enableMedia).to.equal(false);
    expect(config.whatsapp.rateLimitPerMinute).to.equal(120);
    expect(config.whatsapp.sendConcurrency).to.equal(32);
    expect(config.whatsapp.apiBaseUrl).to.equal('http://127.0.0.1:9999');
  });

  it('points its links at its own PORT unless PUBLIC_BASE_URL or PAYMENT_LINK_BASE_URL say otherwise', () => {
    expect(loadConfig({ PORT: '4310' })).to.include({
      publicBaseUrl: 'http://localhost:4310',
      paymentLinkBaseUrl: 'http://localhost:4310/pay',
    });
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://ops.example.com/' })).to.include({
      publicBaseUrl: 'https://ops.example.com',
      paymentLinkBaseUrl: 'https://ops.example.com/pay',
    });
    expect(loadConfig({ PAYMENT_LINK_BASE_URL: 'https://pay.example.com/p/' }).paymentLinkBaseUrl).to.equal(
      'https://pay.example.com/p',
    );
  });

  it('is frozen', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).to.equal(true);
    expect(Object.isFrozen(config.whatsapp)).to.equal(true);
  });

  const rejections: Array<[string, Record<string, string>, string]> = [
    ['a non-numeric port', { PORT: 'eighty' }, 'PORT'],
    ['an unknown provider', { WHATSAPP_PROVIDER: 'telegram' }, 'WHATSAPP_PROVIDER'],
    ['a business number that is not E.164', { WHATSAPP_PHONE_NUMBER: '555-1234' }, 'WHATSAPP_PHONE_NUMBER'],
    [
      'a database URL of another scheme',
      { DATABASE_URL: 'mysql://x@y/z', ENCRYPTION_KEY: key },
      'DATABASE_URL',
    ],
    ['a server database without ENCRYPTION_KEY', { DATABASE_URL: 'postgres://x@y/z' }, 'ENCRYPTION_KEY'],
    ['a key that is not 32 bytes', { ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') }, 'ENCRYPTION_KEY'],
    ['a rate limit of zero', { WHATSAPP_RATE_LIMIT_PER_MINUTE: '0' }, 'WHATSAPP_RATE_LIMIT_PER_MINUTE'],
    ['no calls in flight', { WHATSAPP_SEND_CONCURRENCY: '0' }, 'WHATSAPP_SEND_CONCURRENCY'],
    ['a malformed API version', { WHATSAPP_API_VERSION: '21' }, 'WHATSAPP_API_VERSION'],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    ['a job schedule that is not a cron pattern', { JOB_SCHEDULES: 'retention=every day' }, 'JOB_SCHEDULES'],
    ['a job schedule without a job name', { JOB_SCHEDULES: '0 3 * * *' }, 'JOB_SCHEDULES'],
    ['a Meta app without its secret', { META_APP_ID: '1000', META_CONFIG_ID: '2000' }, 'META_APP_SECRET'],
    [
      'a Meta app without its signup configuration',
      { META_APP_ID: '1000', META_APP_SECRET: 's' },
      'META_CONFIG_ID',
    ],
    [
      'a credit line without the system user token',
      { META_CREDIT_LINE_ID: '3000' },
      'META_SYSTEM_USER_TOKEN',
    ],
    ['a 360dialog partner without its key', { DIALOG360_PARTNER_ID: 'pX1' }, 'DIALOG360_PARTNER_API_KEY'],
    ['an AI time limit over 10 s (SPEC §23)', { AI_TIMEOUT_SECONDS: '30' }, 'AI_TIMEOUT_SECONDS'],
    ['an AI URL that is not http(s)', { AI_API_URL: 'ftp://models.example.com' }, 'AI_API_URL'],
  ];
  for (const [what, env, variable] of rejections) {
    it(`stops on ${what}, naming ${variable} in one line`, () => {
      expect(() => loadConfig(env))
        .to.throw(ConfigError)
        .with.property('message')
        .that.matches(new RegExp(`^Invalid configuration: ${variable}: [^\\n]+$`));
    });
  }

  it('has no AI without AI_API_URL, and reads a base, …/v1 or the full chat-completions URL', () => {
    expect(loadConfig({}).ai).to.equal(undefined);
    for (const url of [
      'http://localhost:11434',
      'http://localhost:11434/v1/',
      'http://localhost:11434/v1/chat/completions',
    ])
      expect(loadConfig({ AI_API_URL: url, AI_MODEL: 'llama3.1:8b' }).ai, url).to.deep.equal({
        url: 'http://localhost:11434/v1/chat/completions',
        apiKey: undefined,
        model: 'llama3.1:8b',
        timeoutMs: 10_000,
      });
  });

  it('reads per-job schedules and the scheduler switch', () => {
    const config = loadConfig({
      JOB_SCHEDULES: 'retention=0 4 * * *; template-sync=off',
      JOBS_ENABLED: 'false',
    });
    expect(config.jobs).to.deep.equal({
      enabled: false,
      schedules: { retention: '0 4 * * *', 'template-sync': 'off' },
    });
    expect(loadConfig({}).jobs).to.deep.equal({ enabled: true, schedules: {} });
  });

  it('reads the onboarding providers only when configured; the partner API defaults to hub.360dialog.io', () => {
    expect(loadConfig({})).to.include({ metaOnboarding: undefined, dialog360Partner: undefined });
    const config = loadConfig({
      META_APP_ID: '1000',
      META_APP_SECRET: 'app-secret',
      META_CONFIG_ID: '2000',
      META_CREDIT_LINE_ID: '3000',
      META_SYSTEM_USER_TOKEN: 'system-token',
      DIALOG360_PARTNER_ID: 'pX1',
      DIALOG360_PARTNER_API_KEY: 'partner-key',
    });
    expect(config.metaOnboarding).to.deep.equal({
      appId: '1000',
      appSecret: 'app-secret',
      configId: '2000',
      creditLine: { id: '3000', systemUserToken: 'system-token' },
    });
    expect(config.dialog360Partner).to.deep.equal({
      partnerId: 'pX1',
      apiKey: 'partner-key',
      apiBaseUrl: 'https://hub.360dialog.io',
    });
  });
});
