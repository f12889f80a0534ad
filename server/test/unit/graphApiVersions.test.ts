import { expect } from 'chai';
import { ConfigError, loadConfig, type Config } from '../../src/config';
import { graphApiVersionStatus, graphApiVersionWarning } from '../../src/shared/graphApiVersions';

const apiVersionWarning = (config: Config, now: Date) =>
  graphApiVersionWarning(config.whatsapp.apiVersion, now);

const TODAY = new Date('2026-12-07T12:00:00Z');

describe('WHATSAPP_API_VERSION against Meta’s published expiry dates', () => {
  it('defaults to v25.0, which is current with no warning', () => {
    const config = loadConfig({}, TODAY);
    expect(config.whatsapp.apiVersion).to.equal('v25.0');
    expect(apiVersionWarning(config, TODAY)).to.equal(undefined);
  });

  it('starts on v21.0 in December 2026 but warns, naming the variable and the date', () => {
    const config = loadConfig({ WHATSAPP_API_VERSION: 'v21.0' }, TODAY);
    expect(apiVersionWarning(config, TODAY)).to.equal(
      'WHATSAPP_API_VERSION v21.0 expires on 2027-01-21 (in 45 days): move to v25.0',
    );
  });

  it('refuses v21.0 from 2027-01-21 in one line naming the variable and the date', () => {
    expect(() => loadConfig({ WHATSAPP_API_VERSION: 'v21.0' }, new Date('2027-01-21T00:00:00Z')))
      .to.throw(ConfigError)
      .with.property('message')
      .that.matches(/^Invalid configuration: WHATSAPP_API_VERSION: v21\.0 expired on 2027-01-21[^\n]*$/);
  });

  it('refuses versions already expired today and versions older than the table', () => {
    for (const version of ['v20.0', 'v18.0', 'v2.8'])
      expect(() => loadConfig({ WHATSAPP_API_VERSION: version }, TODAY), version).to.throw(
        ConfigError,
        version,
      );
  });

  it('warns only inside the last 90 days', () => {
    expect(graphApiVersionStatus('v22.0', TODAY)).to.deep.equal({ kind: 'current', expires: '2027-05-20' });
    expect(graphApiVersionStatus('v22.0', new Date('2027-02-20T00:00:00Z'))).to.deep.equal({
      kind: 'expiring',
      expires: '2027-05-20',
      daysLeft: 89,
    });
  });

  it('accepts a version newer than the table with a warning, and v26.0 (no date yet) silently', () => {
    expect(apiVersionWarning(loadConfig({ WHATSAPP_API_VERSION: 'v27.0' }, TODAY), TODAY)).to.match(
      /v27\.0 is not in Meta's published version table/,
    );
    expect(apiVersionWarning(loadConfig({ WHATSAPP_API_VERSION: 'v26.0' }, TODAY), TODAY)).to.equal(
      undefined,
    );
  });
});
