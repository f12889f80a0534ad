import { EventEmitter } from 'node:events';
import { injectable } from 'inversify';

/** In-process signal that a message was queued (or re-queued), so this instance's dispatcher looks at once. */
@injectable()
export class OutboundWakeUps extends EventEmitter {
  queued(): void {
    this.emit('queued');
  }
}
