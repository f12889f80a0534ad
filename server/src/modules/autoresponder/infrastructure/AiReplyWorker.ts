import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import type { Logger } from '../../../shared/logging/createLogger';
import { TYPES } from '../../../types';
import type { BackgroundWorker } from '../../../workers';
import type { AnswerWithAi } from '../application/AnswerWithAi';

const POLL_MS = 1000;
const PER_ROUND = 4;

/**
 * Answers the customer messages the router gave to the AI (AI_API_URL): rounds while there are
 * any, then a poll every second. Several instances share the requests through their leases.
 */
@injectable()
export class AiReplyWorker implements BackgroundWorker {
  private running = false;
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;

  constructor(
    @inject(TYPES.AnswerWithAi) private readonly answer: AnswerWithAi,
    @inject(TYPES.Config) private readonly config: Config,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.running || !this.config.ai) return;
    this.running = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.round;
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.round = this.drain().finally(() => this.schedule(POLL_MS));
    }, ms);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    try {
      while (this.running && (await this.answer.execute(PER_ROUND)).length) {
        // keep going while requests come back
      }
    } catch (error) {
      this.logger.error({ err: error }, 'could not claim AI requests');
    }
  }
}
