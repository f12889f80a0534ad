import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'wouter';
import { useSession } from '../../../app/session/useSession';
import { ErrorAlert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useOnboardingConfig, useStart360dialogOnboarding, useStartMetaOnboarding } from '../api/onboarding';
import { runEmbeddedSignup } from './embeddedSignup';
import { OnboardingHistory } from './OnboardingHistory';
import { OnboardingProgress } from './OnboardingProgress';

const LAST_ONBOARDING = 'wa-ops.onboarding';

/** 360dialog's Connect button sends the business back with `?client=…&channels=[id,…]`. */
const channelsOf = (raw: string | null): string[] =>
  (raw ?? '')
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((c) => c.trim().replace(/^"|"$/g, ''))
    .filter(Boolean);

/**
 * Settings → Connect WhatsApp (SPEC §16, §20): Meta's Embedded Signup in a Facebook window, or
 * 360dialog's Connect button; then each step of the onboarding, live.
 */
export function ConnectWhatsappCard() {
  const { t } = useI18n();
  const config = useOnboardingConfig();
  const meta = useStartMetaOnboarding();
  const dialog360 = useStart360dialogOnboarding();
  const [params, setParams] = useSearchParams();
  // A reload (or 360dialog's redirect) keeps showing the onboarding under way, and its retry; kept
  // per tenant, so one signed in to another tenant in the same tab never asks for it.
  const remembered = `${LAST_ONBOARDING}.${useSession().data?.user.tenantId}`;
  const [onboardingId, setId] = useState<string | undefined>(
    () => sessionStorage.getItem(remembered) ?? undefined,
  );
  const [startedHere, setStartedHere] = useState<string>();
  const setOnboardingId = useCallback(
    (id: string, startedNow = false) => {
      sessionStorage.setItem(remembered, id);
      setId(id);
      // One started here may be missing from a list fetched while it was being created; one
      // remembered from before, or opened from the list, is not waited for.
      if (startedNow) setStartedHere(id);
    },
    [remembered],
  );
  const [signupError, setSignupError] = useState<string>();
  const [opening, setOpening] = useState(false);
  const returned = useRef(false);

  const channel = channelsOf(params.get('channels'))[0];
  useEffect(() => {
    if (!channel || returned.current) return;
    returned.current = true;
    dialog360.mutate(channel, { onSuccess: (o) => setOnboardingId(o.id, true) });
    setParams({}, { replace: true });
  }, [channel, dialog360, setParams, setOnboardingId]);

  const ids = config.data;
  if (!ids || (!ids.meta && !ids.dialog360)) return null;

  const connectMeta = async () => {
    if (!ids.meta) return;
    setSignupError(undefined);
    setOpening(true);
    try {
      const result = await runEmbeddedSignup(ids.meta.appId, ids.meta.configId);
      const onboarding = await meta.mutateAsync(result);
      setOnboardingId(onboarding.id, true);
    } catch (error) {
      if (error instanceof Error && ['sdk', 'cancelled'].includes(error.message))
        setSignupError(t(error.message === 'sdk' ? 'onboarding.sdkFailed' : 'onboarding.cancelled'));
    } finally {
      setOpening(false);
    }
  };
  const back = `${window.location.origin}/settings`;
  const dialogUrl =
    ids.dialog360 &&
    `https://hub.360dialog.com/dashboard/app/${encodeURIComponent(ids.dialog360.partnerId)}/permissions?redirect_url=${encodeURIComponent(back)}`;

  return (
    <section className="card" aria-labelledby="connect-whatsapp">
      <h2 id="connect-whatsapp">{t('onboarding.title')}</h2>
      <p>{t('onboarding.intro')}</p>
      <div className="actions">
        {ids.meta && (
          <Button variant="primary" onClick={() => void connectMeta()} disabled={opening || meta.isPending}>
            {t('onboarding.connectMeta')}
          </Button>
        )}
        {dialogUrl && (
          <a className="btn btn-secondary" href={dialogUrl}>
            {t('onboarding.connect360dialog')}
          </a>
        )}
      </div>
      {signupError && (
        <p role="alert" className="field-error">
          {signupError}
        </p>
      )}
      <ErrorAlert error={meta.error ?? dialog360.error} />
      {onboardingId && <OnboardingProgress id={onboardingId} />}
      <OnboardingHistory current={startedHere} onShow={(id) => setOnboardingId(id)} />
    </section>
  );
}
