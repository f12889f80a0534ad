import type { Logger } from '../../shared/logging/createLogger';
import type { JobProgress } from '../../shared/jobs/Job';

/** Progress as log lines: at most one every `everyMs`, plus one when a phase completes. */
export class LogProgress implements JobProgress {
  private phase = '';
  private total = 0;
  private done = 0;
  private lastLog = 0;

  constructor(
    private readonly logger: Logger,
    private readonly job: string,
    private readonly everyMs = 10_000,
  ) {}

  start(phase: string, total: number): void {
    [this.phase, this.total, this.done, this.lastLog] = [phase, total, 0, Date.now()];
    if (total > 0) this.logger.info({ job: this.job, phase, total }, `${this.job}: ${phase}: ${total} to do`);
  }

  advance(by = 1): void {
    this.done += by;
    const finished = this.total > 0 && this.done >= this.total;
    if (!finished && Date.now() - this.lastLog < this.everyMs) return;
    this.lastLog = Date.now();
    const percent = this.total ? Math.min(100, Math.round((this.done / this.total) * 100)) : undefined;
    this.logger.info(
      { job: this.job, phase: this.phase, done: this.done, total: this.total, percent },
      `${this.job}: ${this.phase}: ${this.done}/${this.total}`,
    );
  }
}
