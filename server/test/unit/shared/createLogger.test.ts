import { Writable } from 'node:stream';
import { expect } from 'chai';
import { createLogger, maskPhone } from '../../../src/shared/logging/createLogger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

describe('createLogger', () => {
  it('redacts tokens, secrets and signatures', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        accessToken: 'EAAG123',
        config: { webhookSecret: 's3cr3t' },
        req: { headers: { authorization: 'Bearer wao_x' } },
      },
      'x',
    );
    expect(lines[0]).not.to.match(/EAAG123|s3cr3t|wao_x/);
    expect(lines[0]).to.include('[Redacted]');
  });

  it('redacts onboarding secrets: the PIN, the app secret, partner keys', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        secrets: { pin: '482913' },
        metaOnboarding: { appSecret: 'app-s3cret', creditLine: { systemUserToken: 'EAAGsys' } },
        req: { headers: { 'x-api-key': 'partner-k3y', 'x-webhook-secret': 'hook-s3cret' } },
      },
      'x',
    );
    expect(lines[0]).not.to.match(/482913|app-s3cret|EAAGsys|partner-k3y|hook-s3cret/);
  });

  it('redacts message bodies', () => {
    const { logger, lines } = capture();
    logger.info({ message: { text: { body: 'my passport number is X' } }, body: 'hello' }, 'inbound');
    expect(lines[0]).not.to.match(/passport|hello/);
  });

  it('masks phone numbers, keeping the country code and last four digits', () => {
    const { logger, lines } = capture();
    logger.info({ from: '5491112345678', message: { to: '+14155550123' } }, 'x');
    expect(lines[0]).to.include('54*******5678').and.include('+14*****0123');
    expect(lines[0]).not.to.include('1112345678');
  });

  it('masks short or odd values completely', () => {
    expect(maskPhone('123')).to.equal('***');
    expect(maskPhone(undefined)).to.equal('***');
  });

  it('masks numbers in international form wherever they appear: error messages, database details, free text', () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error('Invalid phone number: "+54 9 11 5555-0101"'), {
      detail: 'Key (tenant_id, phone)=(t1, +5491155550101) already exists.',
    });
    logger.error({ err: error, routes: ['{"businessPhone":"+15550100199"}'] }, 'failed for %2B5491155550101');
    expect(lines[0]).not.to.match(/5555-0101|1155550101|0100199/);
    expect(lines[0]).to.include('+54*******0101').and.include('+15*****0199');
  });

  it('leaves timestamps, ids and exponents alone', () => {
    const { logger, lines } = capture();
    logger.info({ at: '2024-05-01T10:00:00.000+00:00', id: 'wamid.HBgLMTU1NTEy', n: 1e308 }, 'x');
    expect(lines[0]).to.include('2024-05-01T10:00:00.000+00:00').and.include('wamid.HBgLMTU1NTEy');
  });
});
