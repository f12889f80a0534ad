import { useEffect, useState } from 'react';
import { ErrorAlert, Notice } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { TextArea, TextField } from '../../../components/ui/Field';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { usePaymentSettings, useSavePaymentSettings, type PaymentSettingsChanges } from '../api/payments';
import { SecretField } from './SecretField';

interface Draft {
  paymentUrlTemplate: string;
  instructions: string;
  webhookSecret: string;
  mercadopagoAccessToken: string;
  mercadopagoWebhookSecret: string;
}

/** What the form sends: texts as they are (emptied: cleared), secrets only when typed in. */
function changesOf(d: Draft): PaymentSettingsChanges {
  const mercadopago = {
    ...(d.mercadopagoAccessToken.trim() && { accessToken: d.mercadopagoAccessToken.trim() }),
    ...(d.mercadopagoWebhookSecret.trim() && { webhookSecret: d.mercadopagoWebhookSecret.trim() }),
  };
  return {
    paymentUrlTemplate: d.paymentUrlTemplate.trim() || null,
    instructions: d.instructions.trim() || null,
    ...(d.webhookSecret.trim() && { webhookSecret: d.webhookSecret.trim() }),
    ...(Object.keys(mercadopago).length > 0 && { mercadopago }),
  };
}

/** SPEC §22 for managers: how customers pay (the payment page's link and instructions) and the payment webhooks. */
export function PaymentsCard() {
  const { t } = useI18n();
  const stored = usePaymentSettings();
  const save = useSavePaymentSettings();
  const [draft, setDraft] = useState<Draft>();
  const s = stored.data;
  useEffect(() => {
    if (s)
      setDraft({
        paymentUrlTemplate: s.paymentUrlTemplate ?? '',
        instructions: s.instructions ?? '',
        webhookSecret: '',
        mercadopagoAccessToken: '',
        mercadopagoWebhookSecret: '',
      });
  }, [s]);
  const edit = (changes: Partial<Draft>) => setDraft((d) => d && { ...d, ...changes });
  return (
    <section className="card" aria-labelledby="payments">
      <h2 id="payments">{t('payments.title')}</h2>
      <p className="hint">{t('payments.intro')}</p>
      <ErrorAlert error={stored.error ?? save.error} />
      {save.isSuccess && <Notice>{t('payments.saved')}</Notice>}
      {s && draft && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(changesOf(draft));
          }}
        >
          <TextField
            label={t('payments.urlTemplate')}
            hint={t('payments.urlTemplateHint')}
            type="url"
            placeholder="https://pay.example.com/{ref}?amount={amount}&currency={currency}"
            value={draft.paymentUrlTemplate}
            onChange={(e) => edit({ paymentUrlTemplate: e.target.value })}
          />
          <TextArea
            label={t('payments.instructions')}
            hint={t('payments.instructionsHint')}
            value={draft.instructions}
            onChange={(e) => edit({ instructions: e.target.value })}
          />
          <fieldset className="stack settings-group">
            <legend>{t('payments.mercadopago')}</legend>
            <p className="hint">
              {t('payments.registerAt')} <code>{s.webhookUrls.mercadopago}</code>
            </p>
            <SecretField
              label={t('payments.accessToken')}
              stored={s.mercadopago.hasAccessToken}
              value={draft.mercadopagoAccessToken}
              onChange={(e) => edit({ mercadopagoAccessToken: e.target.value })}
            />
            <SecretField
              label={t('payments.mercadopagoSecret')}
              stored={s.mercadopago.hasWebhookSecret}
              value={draft.mercadopagoWebhookSecret}
              onChange={(e) => edit({ mercadopagoWebhookSecret: e.target.value })}
            />
          </fieldset>
          <fieldset className="stack settings-group">
            <legend>{t('payments.generic')}</legend>
            <p className="hint">
              {t('payments.genericHint')} <code>{s.webhookUrls.generic}</code>
            </p>
            <SecretField
              label={t('payments.webhookSecret')}
              stored={s.hasWebhookSecret}
              value={draft.webhookSecret}
              onChange={(e) => edit({ webhookSecret: e.target.value })}
            />
          </fieldset>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {t('payments.save')}
          </Button>
        </form>
      )}
    </section>
  );
}
