import { injectable } from 'inversify';
import type { MessageRouter } from './MessageRouter';

/** Stores-only mode: messages are recorded, nothing is answered. Replaced by the command router. */
@injectable()
export class NoopMessageRouter implements MessageRouter {
  async route(): Promise<void> {}
}
