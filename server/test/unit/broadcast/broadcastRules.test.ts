import { expect } from 'chai';
import { countProgress, recipientProgress } from '../../../src/modules/broadcast/domain/recipientProgress';
import { recipientStatus, selectRecipients } from '../../../src/modules/broadcast/domain/selectRecipients';

describe('broadcast recipients', () => {
  const optedIn = { status: 'opted_in' as const, marketingOptedOut: false };

  it('queues only opted-in customers, naming why the others are skipped', () => {
    expect(recipientStatus(optedIn, 'UTILITY')).to.equal('queued');
    expect(recipientStatus(undefined, 'UTILITY')).to.equal('skipped_no_opt_in');
    expect(recipientStatus({ status: 'opted_out', marketingOptedOut: false }, 'UTILITY')).to.equal(
      'skipped_opted_out',
    );
    expect(recipientStatus({ ...optedIn, marketingOptedOut: true }, 'MARKETING')).to.equal(
      'skipped_marketing',
    );
    for (const category of ['UTILITY', 'AUTHENTICATION', undefined])
      expect(recipientStatus({ ...optedIn, marketingOptedOut: true }, category)).to.equal('queued');
  });

  it('decides once per distinct phone', () => {
    const consents = new Map([['+1', optedIn]]);
    expect(selectRecipients(['+1', '+2', '+1'], consents, 'UTILITY')).to.deep.equal([
      { phone: '+1', status: 'queued' },
      { phone: '+2', status: 'skipped_no_opt_in' },
    ]);
  });
});

describe('broadcast progress', () => {
  const row = (messageStatus?: string) => ({
    phone: '+1',
    status: 'queued' as const,
    messageId: 'm',
    messageStatus,
  });

  it('follows the message status, counting sending as queued', () => {
    expect(
      ['queued', 'sending', 'sent', 'delivered', 'read', 'failed', undefined].map(
        (s) => recipientProgress(row(s)).status,
      ),
    ).to.deep.equal(['queued', 'queued', 'sent', 'delivered', 'read', 'failed', 'queued']);
  });

  it('keeps the failure code of a failed message only', () => {
    expect(recipientProgress({ ...row('failed'), errorCode: '131026', errorTitle: 'x' })).to.include({
      errorCode: '131026',
    });
    expect(recipientProgress({ ...row('sent'), errorCode: '131026' })).not.to.have.property('errorCode');
  });

  it('names why a recipient was skipped', () => {
    expect(recipientProgress({ phone: '+2', status: 'skipped_opted_out' })).to.deep.equal({
      phone: '+2',
      status: 'skipped',
      reason: 'opted_out',
    });
  });

  it('counts every status from the database’s groups, sending as queued', () => {
    expect(
      countProgress([
        { status: 'skipped_opted_out', count: 2 },
        { status: 'skipped_marketing', count: 1 },
        { status: 'queued', messageStatus: 'read', count: 3 },
        { status: 'queued', messageStatus: 'sending', count: 1 },
        { status: 'queued', messageStatus: 'failed', count: 4 },
      ]),
    ).to.deep.equal({ queued: 1, sent: 0, delivered: 0, read: 3, failed: 4, skipped: 3, total: 11 });
  });
});
