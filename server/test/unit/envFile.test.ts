import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { loadConfig } from '../../src/config';
import { withEnvFile } from '../../src/envFile';

describe('.env', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-ops-env-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (text: string) => fs.writeFileSync(path.join(dir, '.env'), text);

  it('is read from the given directory, comments and quotes as in .env.example', () => {
    write('# a comment\nPORT=4123\nDATA_DIR="./var/wa data"  # where it lives\n# ENCRYPTION_KEY=\n');
    const config = loadConfig(withEnvFile({}, dir));
    expect(config.port).to.equal(4123);
    expect(config.dataDir).to.equal('./var/wa data');
    expect(config.encryptionKey).to.equal(undefined);
  });

  it('loses to the process environment, except where that is empty', () => {
    write('PORT=4123\nLOG_LEVEL=debug\n');
    const env = withEnvFile({ PORT: '5000', LOG_LEVEL: '' }, dir);
    expect(env).to.include({ PORT: '5000', LOG_LEVEL: 'debug' });
  });

  it('changes nothing when there is no file', () => {
    const env = { PORT: '1' };
    expect(withEnvFile(env, dir)).to.equal(env);
  });

  it('says which file it could not read', () => {
    fs.mkdirSync(path.join(dir, '.env'));
    expect(() => withEnvFile({}, dir)).to.throw(`cannot read ${path.join(dir, '.env')}`);
  });

  it('is what .env.example documents: every variable there is one the configuration accepts', () => {
    const example = fs.readFileSync(path.join(__dirname, '../../../.env.example'), 'utf8');
    const uncommented = example.replace(/^# ?([A-Z0-9_]+=)/gm, '$1');
    write(uncommented.replace(/^(ENCRYPTION_KEY|DATABASE_URL|METRICS_TOKEN|TWILIO_ACCOUNT_SID)=.*$/gm, ''));
    expect(() => loadConfig(withEnvFile({}, dir))).not.to.throw();
  });
});
