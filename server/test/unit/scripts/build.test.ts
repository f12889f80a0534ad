import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';

// Plain CommonJS: it runs before anything is compiled.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require('../../../../scripts/build.js') as {
  fingerprint(root: string): string;
  isCurrent(root: string): boolean;
  STAMP: string;
};

describe('scripts/build.js: is the build current?', () => {
  let root: string;
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  const stamp = () => write(build.STAMP, `${build.fingerprint(root)}\n`);

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-ops-build-'));
    write('server/src/main.ts', 'export {};');
    write('migrations/0001_identity.ts', 'export {};');
    write('tsconfig.json', '{}');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is stale without a build, current once stamped', () => {
    expect(build.isCurrent(root)).to.equal(false);
    stamp();
    expect(build.isCurrent(root)).to.equal(true);
  });

  it('is stale after a source is changed, added or removed', () => {
    stamp();
    write('server/src/main.ts', 'export const x = 1;');
    expect(build.isCurrent(root)).to.equal(false);
    stamp();
    write('server/src/cli/new.ts', '');
    expect(build.isCurrent(root)).to.equal(false);
    stamp();
    fs.rmSync(path.join(root, 'migrations/0001_identity.ts'));
    expect(build.isCurrent(root)).to.equal(false);
  });

  it('stays current when files are only touched, and ignores what the build does not read', () => {
    stamp();
    const file = path.join(root, 'server/src/main.ts');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 60_000));
    write('README.md', 'docs change nothing');
    write('server/test/x.test.ts', 'tests are not built');
    expect(build.isCurrent(root)).to.equal(true);
  });
});
