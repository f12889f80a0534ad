import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Embedded mode keeps its own key beside the data it protects, created once with mode 0600.
 * Server mode must be given ENCRYPTION_KEY (config enforces it).
 */
export function loadOrCreateEmbeddedKey(dataDir: string): Buffer {
  const file = path.join(dataDir, 'encryption.key');
  if (fs.existsSync(file)) {
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
    return key;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}
