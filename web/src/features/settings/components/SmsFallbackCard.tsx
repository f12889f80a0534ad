import { useEffect, useState } from 'react';
import { ErrorAlert, Notice } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { TextField } from '../../../components/ui/Field';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useSaveSmsFallback, useSmsFallback } from '../api/smsFallback';

/** SPEC §21 for managers: messages to numbers not on WhatsApp go by SMS through Twilio, from this number. */
export function SmsFallbackCard() {
  const { t } = useI18n();
  const stored = useSmsFallback();
  const save = useSaveSmsFallback();
  const [enabled, setEnabled] = useState(false);
  const [from, setFrom] = useState('');
  useEffect(() => {
    if (!stored.data) return;
    setEnabled(stored.data.enabled);
    setFrom(stored.data.from ?? '');
  }, [stored.data]);
  return (
    <section className="card" aria-labelledby="sms-fallback">
      <h2 id="sms-fallback">{t('smsFallback.title')}</h2>
      <p className="hint">{t('smsFallback.intro')}</p>
      <ErrorAlert error={stored.error ?? save.error} />
      {save.isSuccess && <Notice>{t('smsFallback.saved')}</Notice>}
      {stored.data && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ enabled, from: from.trim() || null });
          }}
        >
          <label className="checkbox">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
            {t('smsFallback.enabled')}
          </label>
          <TextField
            label={t('smsFallback.from')}
            hint={t('smsFallback.fromHint')}
            type="tel"
            required={enabled}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {t('smsFallback.save')}
          </Button>
        </form>
      )}
    </section>
  );
}
