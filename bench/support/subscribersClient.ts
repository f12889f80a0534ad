import type { ServerChild } from './children';
import type { Arrival, SubscribersCommand, SubscribersReply } from './sseSubscribers';

/** The parent's side of the `sseSubscribers` child. */
export class SubscribersClient {
  constructor(readonly child: ServerChild) {}

  async open(urls: string[], key: string): Promise<void> {
    await this.ask({ type: 'open', urls, key }, 'opened');
  }

  /** Per subscriber, the arrival time of each bench message's event, by message number. */
  async collect(expected: number, timeoutMs: number): Promise<Array<Map<number, Arrival>>> {
    const reply = await this.ask({ type: 'collect', expected, timeoutMs }, 'arrivals');
    return (reply as Extract<SubscribersReply, { type: 'arrivals' }>).arrivals.map((flat) => {
      const map = new Map<number, Arrival>();
      for (let i = 0; i < flat.length; i += 3) map.set(flat[i], { at: flat[i + 1], occurredAt: flat[i + 2] });
      return map;
    });
  }

  async close(): Promise<void> {
    this.child.process.send({ type: 'close' } satisfies SubscribersCommand);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  private ask(command: SubscribersCommand, answer: SubscribersReply['type']): Promise<SubscribersReply> {
    return new Promise((resolve, reject) => {
      const child = this.child.process;
      const onExit = () => reject(new Error('the subscribers process exited'));
      const onMessage = (message: SubscribersReply) => {
        if (message.type !== answer) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send(command);
    });
  }
}
