import 'reflect-metadata';
import { expect } from 'chai';
import {
  DIRECTORY_TTL_MS,
  TenantDirectory,
} from '../../../src/modules/connection/application/TenantDirectory';
import type {
  WhatsappConfiguration,
  WhatsappConfigurationRepository,
} from '../../../src/modules/connection/domain/WhatsappConfiguration';
import { TestClock } from '../../support/TestClock';

const connection = (id: string, phoneNumberId: string, webhookSecret: string) =>
  ({
    id,
    tenantId: `tenant-${id}`,
    provider: 'meta',
    phoneNumberId,
    credentials: { webhookSecret },
  }) as WhatsappConfiguration;

/** A repository whose listAll answers when the test says so, counting the reads. */
class ControlledRepository {
  reads = 0;
  rows: WhatsappConfiguration[] = [];
  private pending: Array<() => void> = [];
  listAll(): Promise<WhatsappConfiguration[]> {
    this.reads++;
    const rows = [...this.rows];
    return new Promise((resolve) => this.pending.push(() => resolve(rows)));
  }
  answer(): void {
    for (const resolve of this.pending.splice(0)) resolve();
  }
}

describe('TenantDirectory', () => {
  let repository: ControlledRepository;
  let clock: TestClock;
  let directory: TenantDirectory;
  const read = async () => {
    const reading = directory.snapshot();
    repository.answer();
    return reading;
  };

  beforeEach(() => {
    repository = new ControlledRepository();
    clock = new TestClock();
    directory = new TenantDirectory(repository as unknown as WhatsappConfigurationRepository, clock);
  });

  it('reads the connections once per TTL, however many deliveries ask', async () => {
    repository.rows = [connection('a', '1', 's')];
    await read();
    await Promise.all([directory.snapshot(), directory.route({ phoneNumberId: '1' })]);
    expect(repository.reads).to.equal(1);
    clock.advance(DIRECTORY_TTL_MS + 1);
    await read();
    expect(repository.reads).to.equal(2);
  });

  it('does not take a read begun before an invalidation for fresh', async () => {
    repository.rows = [connection('a', '1', 's')];
    const stale = directory.snapshot(); // begun before the change …
    repository.rows = [connection('a', '1', 's'), connection('b', '2', 't')];
    directory.invalidate(); // … committed now
    repository.answer();
    await stale;
    const fresh = await read();
    expect(fresh.route({ phoneNumberId: '2' })?.id).to.equal('b');
  });

  it('groups the connections by webhook secret, one group per distinct secret', async () => {
    repository.rows = [
      connection('a', '1', 'shared'),
      connection('b', '2', 'shared'),
      connection('c', '3', 'own'),
    ];
    const groups = (await read()).secretGroups('meta');
    expect(groups.map((g) => [g.secret, [...g.connectionIds]])).to.deep.equal([
      ['shared', ['a', 'b']],
      ['own', ['c']],
    ]);
  });
});
