import type { Job } from '../shared/jobs/Job';
import { JobRunner } from '../jobs/JobRunner';
import { JobScheduler } from '../jobs/JobScheduler';
import { TerminalProgress } from '../jobs/progress/TerminalProgress';
import { oneLineMessage } from '../shared/errors/oneLineMessage';
import { CliFailure } from './CliFailure';
import { parse, withRuntime, type Command } from './cliSupport';
import { UsageError } from './UsageError';

/** `jobs list` and `jobs run <name>`: the SPEC §12 jobs on demand, e.g. from an external cron. */
export const jobCommands: Record<string, Command> = {
  'jobs list': async (args, ctx) => {
    parse(args, {});
    await withRuntime(ctx, async ({ container }) => {
      const runner = container.get(JobRunner);
      const schedules = container.get(JobScheduler).schedules();
      for (const job of runner.jobs.values())
        ctx.io.out(`${job.name.padEnd(22)} ${schedules.get(job.name)!.padEnd(14)} ${job.description}`);
    });
  },

  'jobs run': async (args, ctx) => {
    const name = args[0];
    if (!name || name.startsWith('-'))
      throw new UsageError('jobs run needs a job name (see: wa-ops jobs list)');
    parse(args.slice(1), {});
    await withRuntime(ctx, async ({ container }) => {
      const runner = container.get(JobRunner);
      const job: Job | undefined = runner.jobs.get(name);
      if (!job) throw new UsageError(`no job named "${name}" (known: ${[...runner.jobs.keys()].join(', ')})`);
      const abort = new AbortController();
      const interrupt = () => abort.abort();
      process.once('SIGINT', interrupt);
      const bar = ctx.io.interactive ? new TerminalProgress(job.name) : undefined;
      try {
        const result = await runner.run(job, new Date(), {
          trigger: 'manual',
          signal: abort.signal,
          progress: bar,
        });
        bar?.finish();
        if (!result) return ctx.io.out(`${name}: already running for this instant elsewhere`);
        const counts = Object.entries(result.summary).map(([k, v]) => `${k}=${v}`);
        ctx.io.out(`${name}: ${result.status} in ${result.seconds.toFixed(2)}s ${counts.join(' ')}`.trim());
        if (result.status !== 'succeeded')
          throw new CliFailure(
            `${name} ${result.status}${result.error === undefined ? '' : `: ${oneLineMessage(result.error)}`}`,
          );
      } finally {
        bar?.finish();
        process.off('SIGINT', interrupt);
      }
    });
  },
};
