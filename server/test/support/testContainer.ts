import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Container } from 'inversify';
import { loadConfig, type Config } from '../../src/config';
import { createContainer } from '../../src/container';
import { createLogger } from '../../src/shared/logging/createLogger';
import { testDb } from './integrationHooks';
import { TestClock } from './TestClock';

export const TEST_ENCRYPTION_KEY = crypto.createHash('sha256').update('wa-ops test key').digest();

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    DATA_DIR: path.join(os.tmpdir(), `wa-ops-test-${process.pid}`),
    LOG_LEVEL: 'silent',
    ENCRYPTION_KEY: TEST_ENCRYPTION_KEY.toString('base64'),
    // Tests never reach the internet: provider calls nobody pointed at a fake go to a closed port.
    WHATSAPP_API_BASE_URL: 'http://127.0.0.1:9',
    DIALOG360_API_BASE_URL: 'http://127.0.0.1:9',
    TWILIO_API_BASE_URL: 'http://127.0.0.1:9',
    ...env,
  });
}

export interface TestContext {
  container: Container;
  config: Config;
  clock: TestClock;
}

/** The real composition root on the run's database, with a hand-moved clock and silent logs. */
export function testContainer(env: Record<string, string> = {}): TestContext {
  const config = testConfig(env);
  const clock = new TestClock();
  const container = createContainer({
    config,
    logger: createLogger(config.logLevel),
    clock,
    db: testDb(),
    encryptionKey: TEST_ENCRYPTION_KEY,
  });
  return { container, config, clock };
}
