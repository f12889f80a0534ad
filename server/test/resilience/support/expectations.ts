import { expect } from 'chai';
import type { FakeProviderServer } from '../../support/FakeProviderServer';
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
  expect(await state.inboxMessageDeliveries(), 'inbox rows (one per distinct delivery)').to.equal(
    traffic.deliveries.length,
  );
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

/** Sends the fake provider accepted, per recipient (E.164). */
export function acceptedSendsPerRecipient(fake: FakeProviderServer): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sent of fake.outbound.sent) {
    const to = `+${String(sent.body.to).replace(/\D/g, '')}`;
    counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  return counts;
}

export interface Duplicates {
  /** Sends the provider accepted beyond the first, per message. */
  total: number;
  /**
   * Of those, the ones made after the app had acknowledged a status naming the first send: the
   * reconciliation should have prevented them (goal 0).
   */
  afterItsStatus: number;
}

/**
 * Repeated sends of one message (grouped by the id echoed in `biz_opaque_callback_data`), and
 * those made although a status of the first had reached the app (`acknowledgedAt`, by provider id).
 */
export function duplicateSends(fake: FakeProviderServer, acknowledgedAt: Map<string, number>): Duplicates {
  const byMessage = new Map<string, typeof fake.outbound.sent>();
  for (const sent of fake.outbound.sent) {
    const id = String(sent.body.biz_opaque_callback_data);
    byMessage.set(id, [...(byMessage.get(id) ?? []), sent]);
  }
  let total = 0;
  let afterItsStatus = 0;
  for (const [first, ...again] of byMessage.values()) {
    total += again.length;
    const acked = acknowledgedAt.get(first.providerMessageId);
    afterItsStatus += again.filter((s) => acked !== undefined && acked < s.at).length;
  }
  return { total, afterItsStatus };
}

/**
 * Every customer's reply was sent and recorded as sent once; the provider got it once, or more
 * only through attempts a killed process handed over without recording the outcome and no status
 * named in time (neither API has an idempotency key: decisions 0009, 0015). Returns how many
 * duplicates there were.
 */
export async function expectEveryReplySentOnce(
  state: PipelineState,
  fake: FakeProviderServer,
  traffic: CustomerTraffic,
): Promise<number> {
  const attempts = await state.replyAttempts();
  const accepted = acceptedSendsPerRecipient(fake);
  const wrong: Record<string, unknown> = {};
  let windowDuplicates = 0;
  for (const phone of traffic.phones) {
    const reply = attempts.get(phone);
    const sends = accepted.get(phone) ?? 0;
    const explained = sends >= 1 && sends - 1 <= (reply?.unsettled ?? 0);
    const wentOut = ['sent', 'delivered', 'read'].includes(reply?.status ?? '');
    if (!wentOut || reply?.sent !== 1 || !explained) wrong[phone] = { ...reply, sends };
    windowDuplicates += Math.max(0, sends - 1);
  }
  expect(
    wrong,
    `replies not sent exactly once (beyond the no-idempotency window): ${JSON.stringify(wrong).slice(0, 2000)}`,
  ).to.deep.equal({});
  return windowDuplicates;
}
