import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { FileMediaStorage } from '../../../src/modules/media/infrastructure/FileMediaStorage';

describe('FileMediaStorage', () => {
  let dataDir: string;
  let storage: FileMediaStorage;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'wa-ops-storage-'));
    storage = new FileMediaStorage({ dataDir });
  });

  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('stores, reads back and deletes under DATA_DIR/media, leaving no temporary file', async () => {
    const key = 't1/2026/03/m1.jpg';
    await storage.put(key, Buffer.from('bytes'));
    expect((await storage.get(key))?.toString()).to.equal('bytes');
    expect(await readdir(path.join(dataDir, 'media/t1/2026/03'))).to.deep.equal(['m1.jpg']);

    await storage.put(key, Buffer.from('replaced'));
    expect((await storage.get(key))?.toString()).to.equal('replaced');

    await storage.delete(key);
    expect(await storage.get(key)).to.equal(undefined);
    await storage.delete(key);
  });

  it('refuses keys that could leave the media folder', async () => {
    for (const key of [
      '../escape.jpg',
      't1/../../escape.jpg',
      '/etc/passwd',
      't1//x.jpg',
      't1/.hidden',
      'a/b\\..\\c',
      '',
    ])
      expect(await storage.put(key, Buffer.from('x')).catch((e: Error) => e.message)).to.match(
        /invalid media storage key/,
        key,
      );
    expect(await readdir(dataDir)).to.deep.equal([]);
  });
});
