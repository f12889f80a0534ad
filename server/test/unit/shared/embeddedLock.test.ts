import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { EmbeddedDatabaseInUseError, lockEmbeddedDatabase } from '../../../src/shared/db/embeddedLock';

describe('embedded database lock', () => {
  let dir: string;
  beforeEach(() => (dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wa-ops-lock-')), 'pgdata')));
  afterEach(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('refuses a second process while the owner lives, naming it', () => {
    fs.writeFileSync(`${dir}.lock`, `${process.ppid}\n`);
    expect(() => lockEmbeddedDatabase(dir))
      .to.throw(EmbeddedDatabaseInUseError)
      .with.property('message')
      .that.includes(`in use by process ${process.ppid}`);
  });

  it('takes over a lock left by a process that is gone, and releases it', () => {
    const gone = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    fs.writeFileSync(`${dir}.lock`, `${gone}\n`);
    const release = lockEmbeddedDatabase(dir);
    expect(fs.readFileSync(`${dir}.lock`, 'utf8').trim()).to.equal(String(process.pid));
    release();
    expect(fs.existsSync(`${dir}.lock`)).to.equal(false);
  });
});
