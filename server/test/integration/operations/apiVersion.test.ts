import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { childProcessDir } from '../../support/process/childProcessDir';

const ROOT = path.resolve(__dirname, '../../../..');

describe('start-up with an expired WHATSAPP_API_VERSION', function () {
  this.timeout(60_000);

  it('stops before opening anything, with one line naming the variable and the date', async () => {
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['-r', require.resolve('ts-node/register/transpile-only'), path.join(ROOT, 'server/src/main.ts')],
        {
          cwd: childProcessDir().cwd,
          env: {
            ...childProcessDir().env,
            PATH: process.env.PATH,
            WHATSAPP_API_VERSION: 'v20.0',
            DATA_DIR: path.join(os.tmpdir(), `wa-ops-version-${process.pid}`),
            PORT: '0',
          },
        },
        (_error, _stdout, stderr) => resolve({ code: child.exitCode, stderr }),
      );
    });
    expect(code).to.equal(1);
    expect(stderr).to.equal(
      'Invalid configuration: WHATSAPP_API_VERSION: v20.0 expired on 2026-09-24 (Meta no longer serves it); use v25.0\n',
    );
  });
});
