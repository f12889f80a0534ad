import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';

const root = path.resolve(__dirname, '../../../..');
const fixture = path.join(root, 'server/test/fixtures/layers');
const depcruise = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const config = path.join(root, '.dependency-cruiser.cjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Runs the lint's layer check on a tree; the exit code is the number of errors. */
async function violationsIn(cwd: string): Promise<Violation[]> {
  const run = promisify(execFile)(
    process.execPath,
    [depcruise, 'server/src', '--config', config, '--output-type', 'json'],
    { cwd, maxBuffer: 64 * 1024 * 1024 },
  );
  const { stdout } = await run.catch((failed: { stdout: string }) => failed);
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

describe('layer rules (npm run lint)', function () {
  this.timeout(60_000);

  it('fails on each kind of violation in the fixture tree', async () => {
    const found = (await violationsIn(fixture)).map((v) => `${v.rule.name}: ${v.from}`).sort();
    expect(found).to.deep.equal([
      'domain-without-frameworks: server/src/modules/lead/domain/UsesKnex.ts',
      'modules-depend-inward: server/src/modules/lead/application/ReachesIntoChannel.ts',
      'no-cycles: server/src/shared/cycleA.ts',
      'shared-belongs-to-no-layer: server/src/shared/reachesIntoModule.ts',
    ]);
  });
});
