import { expect } from 'chai';
import type { MessagePriority } from '../../../src/modules/message/domain/MessagePriority';
import { ReadyQueue } from '../../../src/whatsapp/outbound/dispatch/ReadyQueue';

interface Item {
  id: string;
  tenantId: string;
  priority: MessagePriority;
}

const item = (id: string, tenantId: string, priority: MessagePriority): Item => ({ id, tenantId, priority });

function drain(queue: ReadyQueue<Item>): string[] {
  const ids: string[] = [];
  for (let next = queue.shift(); next; next = queue.shift()) ids.push(next.id);
  return ids;
}

describe('ReadyQueue: the order lanes take claimed messages in', () => {
  it('gives a reply claimed after a broadcast batch the next free lane', () => {
    const queue = new ReadyQueue<Item>((i) => i);
    queue.push([item('b1', 'A', 'low'), item('b2', 'A', 'low'), item('b3', 'A', 'low')]);
    expect(queue.shift()?.id).to.equal('b1');
    queue.push([item('reply', 'A', 'high'), item('link', 'A', 'normal')]);
    expect(queue.length).to.equal(4);
    expect(drain(queue)).to.deep.equal(['reply', 'link', 'b2', 'b3']);
    expect(queue.length).to.equal(0);
  });

  it('lets the tenants of a round take turns within a class, each in its own order', () => {
    const queue = new ReadyQueue<Item>((i) => i);
    queue.push([
      item('a1', 'A', 'low'),
      item('a2', 'A', 'low'),
      item('a3', 'A', 'low'),
      item('b1', 'B', 'low'),
      item('c1', 'C', 'low'),
      item('c2', 'C', 'low'),
    ]);
    expect(drain(queue)).to.deep.equal(['a1', 'b1', 'c1', 'a2', 'c2', 'a3']);
  });
});
