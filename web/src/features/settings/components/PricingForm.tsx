import { useEffect, useState } from 'react';
import { ErrorAlert, Notice } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { TextField } from '../../../components/ui/Field';
import type { MessageKey } from '../../../lib/i18n/en';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import {
  PRICING_CATEGORIES,
  usePricing,
  useSavePricing,
  type Pricing,
  type PricingCategory,
} from '../api/usage';

type Draft = { currency: string; prices: Record<PricingCategory, string> };

const toDraft = (p: Pricing): Draft => ({
  currency: p.currency ?? '',
  prices: Object.fromEntries(
    PRICING_CATEGORIES.map((c) => [c, p.prices[c] === undefined ? '' : String(p.prices[c])]),
  ) as Draft['prices'],
});

/** A field left empty has no price: that category is left out of the estimate. */
const fromDraft = (d: Draft): Pricing => ({
  currency: d.currency.trim() || null,
  prices: Object.fromEntries(
    PRICING_CATEGORIES.filter((c) => d.prices[c].trim() !== '').map((c) => [c, Number(d.prices[c])]),
  ),
});

/** The price of one billable message per Meta category (its rate card, or what a provider charges). */
export function PricingForm() {
  const { t } = useI18n();
  const stored = usePricing();
  const save = useSavePricing();
  const [draft, setDraft] = useState<Draft>();
  useEffect(() => {
    if (stored.data) setDraft(toDraft(stored.data));
  }, [stored.data]);
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft) save.mutate(fromDraft(draft));
      }}
    >
      <fieldset className="stack settings-group">
        <legend>{t('pricing.title')}</legend>
        <p className="hint">{t('pricing.hint')}</p>
        <ErrorAlert error={stored.error ?? save.error} />
        {draft && (
          <>
            <TextField
              label={t('common.currency')}
              hint={t('pricing.currencyHint')}
              value={draft.currency}
              maxLength={3}
              autoCapitalize="characters"
              onChange={(e) => setDraft({ ...draft, currency: e.target.value.toUpperCase() })}
            />
            <div className="checks">
              {PRICING_CATEGORIES.map((category) => (
                <TextField
                  key={category}
                  label={t(`pricing.category.${category}` as MessageKey)}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={1000}
                  step="any"
                  value={draft.prices[category]}
                  onChange={(e) =>
                    setDraft({ ...draft, prices: { ...draft.prices, [category]: e.target.value } })
                  }
                />
              ))}
            </div>
          </>
        )}
        {save.isSuccess && <Notice>{t('pricing.saved')}</Notice>}
        <Button type="submit" disabled={!draft || save.isPending}>
          {t('pricing.save')}
        </Button>
      </fieldset>
    </form>
  );
}
