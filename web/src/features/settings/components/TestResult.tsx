import { Fragment } from 'react';
import type { MessageKey } from '../../../lib/i18n/en';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import type { ConnectionTest } from '../api/connections';

/** What the provider answered to a test, announced: the fields it gave, or why the number fails. */
export function TestResult({ number, result }: { number: string; result: ConnectionTest }) {
  const { t } = useI18n();
  const quality = ['GREEN', 'YELLOW', 'RED', 'UNKNOWN'].includes(result.qualityRating ?? '')
    ? result.qualityRating
    : undefined;
  const facts: Array<[string, string | null | undefined]> = [
    [t('connections.displayNumber'), result.displayPhoneNumber],
    [t('connections.verifiedName'), result.verifiedName],
    [t('connections.quality'), quality && t(`connections.quality.${quality}` as MessageKey)],
    [t('connections.tier'), result.messagingLimitTier],
    [t('connections.nameStatus'), result.nameStatus],
    [t('connections.accountStatus'), result.accountStatus],
    [t('connections.webhookUrl'), result.webhookUrl],
  ];
  return (
    <div
      role={result.ok ? 'status' : 'alert'}
      className={`alert ${result.ok ? 'alert-info' : 'alert-error'}`}
      data-testid="connection-test-result"
    >
      <p>
        {result.ok
          ? t('connections.testOk', { number })
          : t('connections.testFailed', { number, error: result.error ?? '' })}
      </p>
      <dl className="facts">
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
      </dl>
    </div>
  );
}
