import { expect } from 'chai';
import {
  alreadyRecorded,
  nextStatus,
  type MessageStatus,
  type ReportedStatus,
} from '../../../src/modules/message/domain/MessageStatus';

describe('message status transitions', () => {
  const table: Array<[MessageStatus, ReportedStatus, MessageStatus]> = [
    ['queued', 'sent', 'sent'],
    ['sending', 'sent', 'sent'],
    ['sent', 'delivered', 'delivered'],
    ['delivered', 'read', 'read'],
    ['sent', 'read', 'read'], // Meta skips delivered when both happen together
    ['read', 'delivered', 'read'], // late delivered after read
    ['delivered', 'sent', 'delivered'],
    ['queued', 'failed', 'failed'],
    ['sent', 'failed', 'failed'],
    ['delivered', 'failed', 'delivered'],
    ['read', 'failed', 'read'],
    ['failed', 'delivered', 'failed'],
    ['read', 'played', 'read'],
    ['received', 'read', 'received'], // inbound messages are not moved by delivery reports
  ];
  for (const [current, reported, expected] of table) {
    it(`${current} + ${reported} → ${expected}`, () => {
      expect(nextStatus(current, reported)).to.equal(expected);
    });
  }

  it('recognises a redelivered report by status and time', () => {
    const history = [{ status: 'sent' as const, at: '2026-01-01T00:00:00.000Z', applied: true }];
    expect(alreadyRecorded(history, 'sent', '2026-01-01T00:00:00.000Z')).to.equal(true);
    expect(alreadyRecorded(history, 'sent', '2026-01-01T00:00:05.000Z')).to.equal(false);
    expect(alreadyRecorded(history, 'delivered', '2026-01-01T00:00:00.000Z')).to.equal(false);
  });
});
