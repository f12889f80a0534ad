import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import { DrainingPoller } from '../../../shared/jobs/DrainingPoller';
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
  private readonly poller: DrainingPoller;

  constructor(
    @inject(TYPES.AnswerWithAi) answer: AnswerWithAi,
    @inject(TYPES.Config) private readonly config: Config,
    @inject(TYPES.Logger) logger: Logger,
  ) {
    this.poller = new DrainingPoller({
      round: async () => (await answer.execute(PER_ROUND)).length,
      pollMs: POLL_MS,
      onError: (error) => logger.error({ err: error }, 'could not claim AI requests'),
    });
  }

  start(): void {
    if (this.config.ai) this.poller.start();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }
}
