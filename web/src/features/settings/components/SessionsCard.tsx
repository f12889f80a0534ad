import { ErrorAlert } from '../../../components/ui/Alert';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { DataTable } from '../../../components/ui/DataTable';
import { useFormat } from '../../../lib/i18n/format';
import type { MessageKey } from '../../../lib/i18n/en';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useStaffNames } from '../../../lib/useStaffNames';
import { useRevokeSession, useSessions } from '../api/settings';

/** Where one is signed in (a manager: everyone's sessions), and ending any of them. */
export function SessionsCard() {
  const { t } = useI18n();
  const format = useFormat();
  const staffName = useStaffNames();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  return (
    <section className="card" aria-labelledby="sessions">
      <h2 id="sessions">{t('settings.sessions')}</h2>
      <ErrorAlert error={sessions.error ?? revoke.error} />
      <DataTable
        label={t('settings.sessions')}
        paged={sessions}
        rowKey={(s) => s.id}
        empty={t('settings.noSessions')}
        columns={[
          { header: t('settings.user'), cell: (s) => staffName(s.userId) },
          { header: t('settings.method'), cell: (s) => t(`session.method.${s.method}` as MessageKey) },
          { header: t('settings.lastSeen'), cell: (s) => format.dateTime(s.lastSeenAt) },
          {
            header: t('settings.device'),
            cell: (s) => <span className="clip">{s.userAgent ?? '—'}</span>,
            secondary: true,
          },
          {
            header: t('common.actions'),
            cell: (s) =>
              s.current ? (
                <Badge tone="info">{t('settings.thisSession')}</Badge>
              ) : (
                <Button variant="ghost" onClick={() => revoke.mutate(s.id)}>
                  {t('settings.endSession')}
                </Button>
              ),
          },
        ]}
      />
    </section>
  );
}
