import { expect } from 'chai';
import { loadConfig } from '../../src/config';
import { databaseHost, setupInvitation, startupBanner, startupFacts } from '../../src/firstRun';

describe('first-run output', () => {
  it('names the URL, the embedded directory and the simulate command', () => {
    const facts = startupFacts(loadConfig({}), '/srv/wa/data/pgdata', '/srv/wa/data/media');
    expect(facts.url).to.equal('http://localhost:3000');
    expect(facts.database).to.equal('embedded, in /srv/wa/data/pgdata');
    expect(facts.tryNext).to.match(/^npm run cli -- simulate --from \+\d+ --text /);
    expect(startupBanner(facts)).to.include('http://localhost:3000/metrics');
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
