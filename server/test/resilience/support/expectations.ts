import { expect } from 'chai';
import type { CustomerTraffic } from './customers';
import type { PipelineState } from './pipelineState';

/** Keys whose count is not exactly one (absent ones counted as 0), for readable failures. */
function notExactlyOnce(expected: string[], counts: Map<string, number>): Record<string, number> {
  const wrong: Record<string, number> = {};
  for (const key of expected) if (counts.get(key) !== 1) wrong[key] = counts.get(key) ?? 0;
  for (const [key, n] of counts) if (!expected.includes(key)) wrong[key] = n;
  return wrong;
}

/**
 * The inbound pipeline's promise after any amount of crashing and redelivery: every delivery stored
 * once, every message recorded once, every customer one lead and one queued reply, no event left failed.
 */
export async function expectEveryCustomerHandledOnce(state: PipelineState, traffic: CustomerTraffic) {
  const inbox = await state.inbox();
  expect(inbox.rows, 'inbox rows (one per distinct delivery)').to.equal(traffic.deliveries.length);
  expect(inbox.processed, 'inbox rows processed').to.equal(inbox.rows);
  expect(await state.inboxErrors(), 'errors left on inbox events').to.deep.equal([]);
  expect(
    notExactlyOnce(traffic.wamids, await state.inboundRowsPerWamid()),
    'wamids not stored once',
  ).to.deep.equal({});
  expect(
    notExactlyOnce(traffic.phones, await state.leadsPerCustomer()),
    'customers without exactly one lead',
  ).to.deep.equal({});
  expect(
    notExactlyOnce(traffic.phones, await state.repliesPerCustomer()),
    'customers without exactly one reply',
  ).to.deep.equal({});
}

/** Waits until every stored delivery has been processed (or fails, showing the inbox). */
export async function inboxDrained(state: PipelineState): Promise<boolean> {
  const inbox = await state.inbox().catch(() => undefined);
  return !!inbox && inbox.rows > 0 && inbox.processed === inbox.rows;
}
