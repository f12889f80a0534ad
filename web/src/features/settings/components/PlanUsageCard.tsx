import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/Alert';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { TextField } from '../../../components/ui/Field';
import { useFormat } from '../../../lib/i18n/format';
import type { MessageKey } from '../../../lib/i18n/en';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { PRICING_CATEGORIES, qrCodeSrc, useClickToChat, useUsage } from '../api/usage';
import { PricingForm } from './PricingForm';

/** SPEC §17 for managers: the plan, this month's counters against its limits, Meta's billable messages and their cost. */
export function PlanUsageCard() {
  const { t } = useI18n();
  const format = useFormat();
  const usage = useUsage();
  const u = usage.data;
  return (
    <section className="card" aria-labelledby="plan-usage">
      <h2 id="plan-usage">{t('usage.title')}</h2>
      <ErrorAlert error={usage.error} />
      {u && (
        <>
          <p>
            <Badge tone="good">{t(`usage.plan.${u.plan}` as MessageKey)}</Badge>{' '}
            {t('usage.period', {
              start: format.day(u.period.start),
              end: format.day(u.period.end),
              zone: u.timezone,
            })}
          </p>
          {u.counters.map((c) => (
            <div key={c.counter}>
              <p id={`usage-${c.counter}`}>
                {t(`usage.counter.${c.counter}` as MessageKey)}:{' '}
                {c.limit === null
                  ? t('usage.unlimited', { used: format.number(c.used) })
                  : t('usage.usedOf', { used: format.number(c.used), limit: format.number(c.limit) })}
              </p>
              {c.limit !== null && (
                <progress
                  max={c.limit || 1}
                  value={Math.min(c.used, c.limit)}
                  aria-labelledby={`usage-${c.counter}`}
                />
              )}
            </div>
          ))}
          <h3>{t('usage.billable')}</h3>
          {u.billable.length === 0 ? (
            <p>{t('usage.noBillable')}</p>
          ) : (
            <table>
              <caption className="visually-hidden">{t('usage.billable')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('usage.category')}</th>
                  <th scope="col">{t('usage.messages')}</th>
                  <th scope="col">{t('usage.cost')}</th>
                </tr>
              </thead>
              <tbody>
                {u.billable.map((b) => (
                  <tr key={b.category}>
                    <td>
                      {(PRICING_CATEGORIES as readonly string[]).includes(b.category)
                        ? t(`pricing.category.${b.category}` as MessageKey)
                        : b.category}
                    </td>
                    <td>{format.number(b.messages)}</td>
                    <td>{b.cost === null ? '—' : cost(format, b.cost, u.estimatedCost?.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>
            {u.estimatedCost
              ? t('usage.estimated', { total: cost(format, u.estimatedCost.total, u.estimatedCost.currency) })
              : t('usage.noPrices')}
          </p>
        </>
      )}
      <PricingForm />
    </section>
  );
}

const cost = (format: ReturnType<typeof useFormat>, amount: number, currency?: string | null) =>
  currency ? format.money(amount, currency) : format.number(amount);

/** The click-to-chat link customers open, with the text typed in, and its QR code to print. */
export function ClickToChatCard() {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const [text, setText] = useState('');
  const link = useClickToChat(text);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setText(draft.trim());
  };
  return (
    <section className="card" aria-labelledby="click-to-chat">
      <h2 id="click-to-chat">{t('usage.clickToChat')}</h2>
      <form onSubmit={submit}>
        <TextField
          label={t('usage.linkText')}
          hint={t('usage.linkTextHint')}
          value={draft}
          maxLength={1000}
          onChange={(e) => setDraft(e.target.value)}
        />
        <Button type="submit">{t('usage.makeLink')}</Button>
      </form>
      <ErrorAlert error={link.error} />
      {link.data && (
        <>
          <p>
            <a href={link.data.url} target="_blank" rel="noreferrer" style={{ overflowWrap: 'anywhere' }}>
              {link.data.url}
            </a>
          </p>
          <img
            src={qrCodeSrc(text)}
            alt={t('usage.qrAlt', { url: link.data.url })}
            width={200}
            height={200}
          />
          <p>
            <a href={qrCodeSrc(text).replace('format=svg', 'format=png')} download="click-to-chat.png">
              {t('usage.downloadPng')}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
