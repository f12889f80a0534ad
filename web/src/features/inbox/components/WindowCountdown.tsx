import { useEffect, useState } from 'react';
import { Badge } from '../../../components/ui/Badge';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import type { Conversation } from '../api/inbox';

/** Now, moving every `ms` milliseconds. */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** The 24-hour window: how long free text may still be sent, or that only templates may. */
export function WindowCountdown({ conversation }: { conversation: Conversation }) {
  const { t } = useI18n();
  const now = useNow(30_000);
  const expires = conversation.windowExpiresAt ? new Date(conversation.windowExpiresAt).getTime() : 0;
  const left = expires - now;
  if (!conversation.windowOpen || left <= 0)
    return (
      <p className="window">
        <Badge tone="warn">{t('inbox.windowClosed')}</Badge> {t('inbox.templatesOnly')}
      </p>
    );
  const hours = Math.floor(left / 3_600_000);
  const minutes = Math.floor((left % 3_600_000) / 60_000);
  return (
    <p className="window">
      <Badge tone={left < 3_600_000 ? 'warn' : 'good'}>{t('inbox.windowOpen')}</Badge>{' '}
      {t('inbox.windowLeft', { hours, minutes })}
    </p>
  );
}
