import { expect } from 'chai';
import { countProgress, recipientProgress } from '../../../src/modules/broadcast/domain/recipientProgress';
import { recipientStatus, selectRecipients } from '../../../src/modules/broadcast/domain/selectRecipients';

describe('broadcast recipients', () => {
  const optedIn = { status: 'opted_in' as const, marketingOptedOut: false };

  it('queues only opted-in customers, naming why the others are skipped', () => {
    expect(recipientStatus(optedIn, false)).to.equal('queued');
    expect(recipientStatus(undefined, false)).to.equal('skipped_no_opt_in');
    expect(recipientStatus({ status: 'opted_out', marketingOptedOut: false }, false)).to.equal(
      'skipped_opted_out',
    );
    expect(recipientStatus({ ...optedIn, marketingOptedOut: true }, true)).to.equal('skipped_marketing');
    expect(recipientStatus({ ...optedIn, marketingOptedOut: true }, false)).to.equal('queued');
  });

  it('decides once per distinct phone', () => {
    const consents = new Map([['+1', optedIn]]);
    expect(selectRecipients(['+1', '+2', '+1'], consents, false)).to.deep.equal([
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

  it('counts every status, skipped with its reason', () => {
    const skipped = recipientProgress({ phone: '+2', status: 'skipped_opted_out' });
    expect(skipped).to.deep.equal({ phone: '+2', status: 'skipped', reason: 'opted_out' });
    expect(countProgress([skipped, recipientProgress(row('read'))])).to.deep.equal({
      queued: 0,
      sent: 0,
      delivered: 0,
      read: 1,
      failed: 0,
      skipped: 1,
      total: 2,
    });
  });
});
