import crypto from 'node:crypto';
import { expect } from 'chai';
import { loadConfig } from '../../src/config';
import { databaseHost, setupInvitation, startupBanner, startupFacts } from '../../src/firstRun';

describe('first-run output', () => {
  it('names the URL, the embedded directory and the simulate command with that URL', () => {
    const facts = startupFacts(loadConfig({}), '/srv/wa/data/pgdata', '/srv/wa/data/media');
    expect(facts.url).to.equal('http://localhost:3000');
    expect(facts.database).to.equal('embedded, in /srv/wa/data/pgdata');
    expect(facts.tryNext).to.match(
      /^npm run cli -- simulate --url http:\/\/localhost:3000 --from \+\d+ --text /,
    );
    expect(facts.tryNextNeeds).to.equal(
      'run it from this directory: it signs with the key in ./data/encryption.key',
    );
    const banner = startupBanner(facts);
    expect(banner).to.include('http://localhost:3000/metrics').and.include('http://localhost:3000/docs');
    expect(banner).to.include(`\n            ${facts.tryNextNeeds}\n`);
  });

  it('points simulate at the real port and host', () => {
    expect(startupFacts(loadConfig({ PORT: '4123' }), 'd', 'm').tryNext).to.include(
      '--url http://localhost:4123 ',
    );
    expect(startupFacts(loadConfig({ HOST: '127.0.0.2', PORT: '80' }), 'd', 'm').tryNext).to.include(
      '--url http://127.0.0.2:80 ',
    );
  });

  it('tells what simulate needs on PostgreSQL: the same ENCRYPTION_KEY, or the webhook secret when set', () => {
    const key = crypto.randomBytes(32).toString('base64');
    const server = { DATABASE_URL: 'postgres://u@db:5432/wa', ENCRYPTION_KEY: key };
    expect(startupFacts(loadConfig(server), undefined, 'm').tryNextNeeds).to.match(/same ENCRYPTION_KEY/);
    expect(
      startupFacts(loadConfig({ ...server, WHATSAPP_WEBHOOK_SECRET: 's' }), undefined, 'm').tryNextNeeds,
    ).to.match(/same WHATSAPP_WEBHOOK_SECRET/);
  });

  it('suggests a readiness check, not simulate, for a real provider', () => {
    const facts = startupFacts(loadConfig({ WHATSAPP_PROVIDER: 'twilio', PORT: '8080' }), 'd', 'm');
    expect(facts.tryNext).to.equal('curl http://localhost:8080/readyz');
    expect(facts.tryNextNeeds).to.equal(undefined);
  });

  it('shows a PostgreSQL host and database without the credentials', () => {
    expect(databaseHost('postgres://ops:s3cret@db.internal:5432/wa_ops?sslmode=require')).to.equal(
      'PostgreSQL at db.internal:5432/wa_ops',
    );
  });

  it('prints the one-time setup link while the business has no manager', () => {
    expect(setupInvitation('http://localhost:3000', 'abc_DEF-123')).to.include(
      'http://localhost:3000/setup?token=abc_DEF-123',
    );
  });
});
