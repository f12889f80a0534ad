import type { MessageRouter, RoutableMessage } from '../../src/modules/message/domain/MessageRouter';

/** A MessageRouter port fake that remembers what it was handed. */
export class RecordingRouter implements MessageRouter {
  readonly routed: RoutableMessage[] = [];
  /** Provider message id → how many more times to throw on it (a failure inside the event's transaction). */
  readonly failures = new Map<string, number>();
  /** Provider message id → a promise routing waits on (an inbox lane still at work). */
  readonly holds = new Map<string, Promise<void>>();
  /** Provider message ids as routing began on them (before any hold). */
  readonly started: string[] = [];

  async route(messages: RoutableMessage[]): Promise<void> {
    this.started.push(...messages.map((m) => m.event.providerMessageId));
    for (const message of messages) await this.holds.get(message.event.providerMessageId);
    for (const message of messages) {
      const id = message.event.providerMessageId;
      const left = this.failures.get(id) ?? 0;
      if (left > 0) {
        this.failures.set(id, left - 1);
        throw new Error(`router failed on ${id}`);
      }
    }
    this.routed.push(...messages);
  }
}
