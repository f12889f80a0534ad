import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { DataTable } from '../../../components/ui/DataTable';
import { useFormat } from '../../../lib/i18n/format';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useOnboardings, type Onboarding } from '../api/onboarding';

const numberOf = (o: Onboarding) => o.phoneNumber ?? o.phoneNumberId ?? o.channelId ?? '—';

/** Every attempt to connect a number and how it ended; one is opened to see (and retry) its steps. */
export function OnboardingHistory({ current, onShow }: { current?: string; onShow(id: string): void }) {
  const { t } = useI18n();
  const format = useFormat();
  const onboardings = useOnboardings(current);
  if (!onboardings.rows?.length) return null;
  return (
    <>
      <h3>{t('onboarding.history')}</h3>
      <DataTable
        label={t('onboarding.history')}
        paged={onboardings}
        rowKey={(o) => o.id}
        empty={t('onboarding.noHistory')}
        columns={[
          { header: t('onboarding.started'), cell: (o) => format.dateTime(o.createdAt) },
          {
            header: t('connections.number'),
            cell: (o) => (
              <>
                {numberOf(o)}
                <span className="muted"> · {o.provider}</span>
              </>
            ),
          },
          {
            header: t('common.status'),
            cell: (o) => (
              <Badge tone={o.status === 'done' ? 'good' : o.status === 'failed' ? 'bad' : 'info'}>
                {t(`onboarding.status.${o.status}`)}
              </Badge>
            ),
          },
          {
            header: t('common.actions'),
            cell: (o) => (
              <Button
                variant="ghost"
                onClick={() => onShow(o.id)}
                aria-label={t('onboarding.showStepsOf', { number: numberOf(o) })}
              >
                {t('onboarding.showSteps')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
