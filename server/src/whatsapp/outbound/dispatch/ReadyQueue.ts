import { MESSAGE_PRIORITIES, type MessagePriority } from '../../../modules/message/domain/MessagePriority';

interface Queued {
  priority: MessagePriority;
  tenantId: string;
}

/**
 * Claimed messages waiting for a free lane: `high` before `normal` before `low`, whatever round
 * claimed them, so a reply claimed behind a broadcast's batch still goes next. Within a class the
 * tenants of a round take turns (one message each, in claim order), so one tenant's large batch
 * does not keep another's waiting.
 */
export class ReadyQueue<T> {
  private readonly classes = new Map<MessagePriority, T[]>(MESSAGE_PRIORITIES.map((p) => [p, []]));
  private size = 0;

  constructor(private readonly describe: (item: T) => Queued) {}

  get length(): number {
    return this.size;
  }

  /** One claim round's messages. */
  push(round: T[]): void {
    for (const priority of MESSAGE_PRIORITIES) {
      const byTenant = new Map<string, T[]>();
      for (const item of round) {
        const { priority: p, tenantId } = this.describe(item);
        if (p !== priority) continue;
        const list = byTenant.get(tenantId) ?? [];
        list.push(item);
        byTenant.set(tenantId, list);
      }
      const queue = this.classes.get(priority) as T[];
      for (let i = 0, added = true; added; i++) {
        added = false;
        for (const list of byTenant.values())
          if (i < list.length) {
            queue.push(list[i]);
            added = true;
          }
      }
    }
    this.size += round.length;
  }

  shift(): T | undefined {
    for (const queue of this.classes.values())
      if (queue.length) {
        this.size--;
        return queue.shift();
      }
    return undefined;
  }
}
