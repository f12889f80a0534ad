import { JobRunner } from '../../../src/jobs/JobRunner';
import type { Job } from '../../../src/shared/jobs/Job';
import { testDb } from '../../support/integrationHooks';
import type { TestContext } from '../../support/testContainer';

export const DAY = 24 * 60 * 60 * 1000;
export const knex = () => testDb().knex;

/** Runs the named job once, as `wa-ops jobs run` does, and returns its summary. */
export async function runJob(ctx: TestContext, name: string) {
  const runner = ctx.container.get(JobRunner);
  const job: Job | undefined = runner.jobs.get(name);
  if (!job) throw new Error(`no job ${name}`);
  const result = await runner.run(job, ctx.clock.now(), { trigger: 'manual' });
  if (!result || result.status !== 'succeeded')
    throw new Error(`${name} did not succeed: ${String(result?.error)}`);
  return result.summary;
}

/** A conversation row whose last message was at `lastMessageAt`. */
export async function aConversation(tenantId: string, phone: string, lastMessageAt: Date) {
  const [row] = await knex()('whatsapp_conversations')
    .insert({
      tenant_id: tenantId,
      customer_phone: phone,
      last_message_at: lastMessageAt,
      created_at: lastMessageAt,
    })
    .returning<Array<{ id: string }>>('id');
  return row.id;
}
