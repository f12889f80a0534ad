import { expect } from 'chai';
import { accountEventEffect } from '../../../src/modules/connection/domain/accountHealth';
import type { AccountEvent } from '../../../src/shared/channel/InboundEvent';

const event = (e: Partial<AccountEvent> & Pick<AccountEvent, 'field'>): AccountEvent => ({
  kind: 'account',
  route: { wabaId: '1' },
  raw: {},
  ...e,
});

describe('accountEventEffect', () => {
  it('suspends a banned account, and makes it active again when reinstated', () => {
    const ban = accountEventEffect(
      event({ field: 'account_update', event: 'DISABLED_UPDATE', banState: 'DISABLE' }),
    );
    expect(ban).to.deep.include({ severity: 'critical', status: 'suspended' });
    const back = accountEventEffect(
      event({ field: 'account_update', event: 'DISABLED_UPDATE', banState: 'REINSTATE' }),
    );
    expect(back).to.deep.include({ severity: 'info', status: 'active' });
  });

  it('disconnects a deleted or offboarded account', () => {
    for (const name of ['ACCOUNT_DELETED', 'ACCOUNT_OFFBOARDED', 'PARTNER_REMOVED'])
      expect(accountEventEffect(event({ field: 'account_update', event: name })).status).to.equal(
        'disconnected',
      );
  });

  it('marks a flagged number RED with a warning', () => {
    expect(
      accountEventEffect(event({ field: 'phone_number_quality_update', event: 'FLAGGED' })),
    ).to.deep.include({ severity: 'warning', qualityRating: 'RED' });
  });

  it('warns when the messaging limit goes down, whatever the event', () => {
    const lower = accountEventEffect(
      event({ field: 'business_capability_update', messagingLimitTier: 'TIER_250' }),
      'TIER_2K',
    );
    expect(lower.severity).to.equal('warning');
    expect(lower.summary).to.include('TIER_2K → TIER_250');
    const higher = accountEventEffect(
      event({ field: 'business_capability_update', messagingLimitTier: 'TIER_10K' }),
      'TIER_2K',
    );
    expect(higher).to.deep.include({ severity: 'info', messagingLimitTier: 'TIER_10K' });
  });

  it('takes account_alerts severity from Meta and keeps its description', () => {
    const effect = accountEventEffect(
      event({
        field: 'account_alerts',
        event: 'OBA_REJECTED',
        alertSeverity: 'CRITICAL',
        detail: 'not notable',
      }),
    );
    expect(effect).to.deep.include({ severity: 'critical', summary: 'alert OBA_REJECTED: not notable' });
  });

  it('records an approved display name as the verified name', () => {
    expect(
      accountEventEffect(
        event({ field: 'phone_number_name_update', event: 'APPROVED', requestedName: 'Andes Treks' }),
      ),
    ).to.deep.include({ nameStatus: 'APPROVED', verifiedName: 'Andes Treks', severity: 'info' });
  });

  it('suspends on a rejected review and holds as pending while deferred', () => {
    expect(accountEventEffect(event({ field: 'account_review_update', event: 'REJECTED' })).status).to.equal(
      'suspended',
    );
    expect(accountEventEffect(event({ field: 'account_review_update', event: 'DEFERRED' })).status).to.equal(
      'pending',
    );
  });
});
