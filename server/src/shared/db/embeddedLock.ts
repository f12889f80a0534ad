import fs from 'node:fs';
import path from 'node:path';

export class EmbeddedDatabaseInUseError extends Error {}

/**
 * The embedded database is one process's: a second one opening the same directory would corrupt
 * it. `<dir>.lock` holds the owner's pid; a lock whose process is gone is taken over.
 * Returns the release function.
 */
export function lockEmbeddedDatabase(embeddedDir: string): () => void {
  const file = `${path.resolve(embeddedDir)}.lock`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(file, 'utf8').trim());
      if (isAlive(owner) && owner !== process.pid)
        throw new EmbeddedDatabaseInUseError(
          `the embedded database in ${embeddedDir} is in use by process ${owner} (a running server?): stop it first, or talk to it over HTTP (wa-ops simulate)`,
        );
      fs.rmSync(file, { force: true }); // left behind by a process that is gone
    }
  }
  throw new EmbeddedDatabaseInUseError(`could not lock the embedded database in ${embeddedDir}`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
