import { SingleBar } from 'cli-progress';
import type { JobProgress } from '../../shared/jobs/Job';

/** Progress as a bar on a terminal (stderr), one bar per phase. */
export class TerminalProgress implements JobProgress {
  private bar?: SingleBar;

  constructor(
    private readonly job: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  start(phase: string, total: number): void {
    this.finish();
    if (total <= 0) return;
    this.bar = new SingleBar({
      format: `${this.job} ${phase.padEnd(24)} [{bar}] {percentage}% {value}/{total} eta {eta_formatted}`,
      stream: this.stream,
      hideCursor: true,
    });
    this.bar.start(total, 0);
  }

  advance(by = 1): void {
    this.bar?.increment(by);
  }

  finish(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}
