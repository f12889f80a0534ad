import { ErrorAlert } from '../../../components/ui/Alert';
import { Badge, type Tone } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { ApiError } from '../../../lib/api/client';
import type { MessageKey } from '../../../lib/i18n/en';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useOnboarding, useRetryOnboarding, type OnboardingStep } from '../api/onboarding';

const TONES: Record<OnboardingStep['status'], Tone> = { pending: 'neutral', done: 'good', failed: 'bad' };

/** Each step of an onboarding as it runs (polled), the provider's error on a failed one, and a retry. */
export function OnboardingProgress({ id }: { id: string }) {
  const { t } = useI18n();
  const onboarding = useOnboarding(id);
  const retry = useRetryOnboarding();
  const o = onboarding.data;
  // One remembered from another session of this browser (another tenant) is simply not shown.
  if (onboarding.error instanceof ApiError && onboarding.error.status === 404) return null;
  if (!o) return <ErrorAlert error={onboarding.error} />;
  return (
    <div aria-live="polite">
      <p>
        <Badge tone={o.status === 'done' ? 'good' : o.status === 'failed' ? 'bad' : 'info'}>
          {t(`onboarding.status.${o.status}` as MessageKey)}
        </Badge>{' '}
        {o.status === 'done' && t('onboarding.connected', { number: o.phoneNumber ?? '' })}
      </p>
      <ol className="onboarding-steps" aria-label={t('onboarding.steps')}>
        {o.steps.map((step) => (
          <li key={step.name} data-step={step.name} data-status={step.status}>
            <Badge tone={TONES[step.status]}>{t(`onboarding.stepStatus.${step.status}` as MessageKey)}</Badge>{' '}
            {t(`onboarding.step.${step.name}` as MessageKey)}
            {step.error && (
              <p role="alert" className="field-error">
                {step.error.message}
                {step.error.code && ` (${[step.error.code, step.error.subcode].filter(Boolean).join('/')})`}
              </p>
            )}
          </li>
        ))}
      </ol>
      <ErrorAlert error={retry.error} />
      {o.status === 'failed' && (
        <Button
          onClick={() => retry.mutate(o.id, { onSuccess: () => void onboarding.refetch() })}
          disabled={retry.isPending}
        >
          {t('onboarding.retry')}
        </Button>
      )}
    </div>
  );
}
