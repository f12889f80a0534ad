import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import { TYPES } from '../../../types';
import type { MediaStorage } from '../domain/MediaStorage';

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Media files under `<DATA_DIR>/media`. */
@injectable()
export class FileMediaStorage implements MediaStorage {
  private readonly root: string;

  constructor(@inject(TYPES.Config) config: Pick<Config, 'dataDir'>) {
    this.root = path.resolve(config.dataDir, 'media');
  }

  /** Written to a temporary file and renamed, so a reader never sees half a file. */
  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temp = path.join(
      path.dirname(file),
      `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`,
    );
    try {
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Keys are relative paths of plain names: no `..`, no absolute paths, nothing outside the root. */
  private pathOf(key: string): string {
    const segments = key.split('/');
    const file = path.resolve(this.root, ...segments);
    const valid = segments.every((s) => SEGMENT.test(s) && !s.includes('..'));
    if (!valid || !file.startsWith(this.root + path.sep))
      throw new Error(`invalid media storage key ${JSON.stringify(key)}`);
    return file;
  }
}
