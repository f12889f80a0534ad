import { ErrorAlert } from '../../../components/ui/Alert';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { useFormat } from '../../../lib/i18n/format';
import type { MessageKey } from '../../../lib/i18n/en';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { usePanicMode, useResumePanicMode } from '../api/settings';

/** Whether sending is paused for the tenant, why, until when; a manager may resume it. */
export function PanicModeCard() {
  const { t } = useI18n();
  const format = useFormat();
  const panic = usePanicMode();
  const resume = useResumePanicMode();
  const state = panic.data;
  return (
    <section className="card" aria-labelledby="panic-mode">
      <h2 id="panic-mode">{t('settings.panicMode')}</h2>
      <ErrorAlert error={panic.error ?? resume.error} />
      {state && !state.active && (
        <p>
          <Badge tone="good">{t('settings.sending')}</Badge> {t('settings.panicOff')}
        </p>
      )}
      {state?.active && (
        <>
          <p>
            <Badge tone="bad">{t('settings.paused')}</Badge>{' '}
            {t('settings.panicOn', {
              reason: t(`panic.reason.${state.reason || 'failure_rate'}` as MessageKey),
              since: format.dateTime(state.since),
              until: format.dateTime(state.resumesAt),
            })}
          </p>
          <Button variant="danger" onClick={() => resume.mutate()} disabled={resume.isPending}>
            {t('settings.resume')}
          </Button>
        </>
      )}
    </section>
  );
}
