import type { MessageRouter, RoutableMessage } from '../../src/routing/MessageRouter';

/** A MessageRouter port fake that remembers what it was handed. */
export class RecordingRouter implements MessageRouter {
  readonly routed: RoutableMessage[] = [];

  async route(message: RoutableMessage): Promise<void> {
    this.routed.push(message);
  }
}
